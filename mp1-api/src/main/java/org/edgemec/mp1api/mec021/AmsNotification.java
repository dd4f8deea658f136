package org.edgemec.mp1api.mec021;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.edgemec.mp1api.common.*;

/** The AMS notifications, told apart by notificationType. */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME,
        include = com.fasterxml.jackson.annotation.JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "notificationType", visible = true)
@com.fasterxml.jackson.annotation.JsonSubTypes({
    @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = MobilityProcedureNotification.class,
            name = MobilityProcedureNotification.TYPE),
    @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = ExpiryNotification.class,
            name = ExpiryNotification.TYPE),
    @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = TestNotification.class,
            name = TestNotification.TYPE)})
public sealed interface AmsNotification permits MobilityProcedureNotification, ExpiryNotification, TestNotification {

    String notificationType();
}
