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

/**
 * The AMS subscription bodies (oneOf in POST /subscriptions), told apart by subscriptionType.
 */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME,
        include = com.fasterxml.jackson.annotation.JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "subscriptionType", visible = true)
@com.fasterxml.jackson.annotation.JsonSubTypes({
    @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = MobilityProcedureSubscription.class,
            name = MobilityProcedureSubscription.TYPE),
    @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = AdjacentAppInfoSubscription.class,
            name = AdjacentAppInfoSubscription.TYPE)})
public sealed interface AmsSubscription permits MobilityProcedureSubscription, AdjacentAppInfoSubscription {

    String subscriptionType();

    String callbackReference();

    WebsockNotifConfig websockNotifConfig();
}
