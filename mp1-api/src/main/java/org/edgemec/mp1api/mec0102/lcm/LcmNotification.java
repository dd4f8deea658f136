package org.edgemec.mp1api.mec0102.lcm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.edgemec.mp1api.common.*;
import org.edgemec.mp1api.mec0102.appd.*;

/**
 * The four LCM notifications, told apart by notificationType. The V3 file says each notificationType
 * "shall be set to" the name of the matching subscription type; those are the discriminator values.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "notificationType", visible = true)
@JsonSubTypes({
    @JsonSubTypes.Type(value = AppInstNotification.class, name = "AppInstanceStateChangeSubscription"),
    @JsonSubTypes.Type(value = AppLcmOpOccNotification.class, name = "AppLcmOpOccStateChangeSubscription"),
    @JsonSubTypes.Type(value = AppInstanceIdentifierCreationNotification.class,
            name = "AppIdentifierCreationSubscription"),
    @JsonSubTypes.Type(value = AppInstanceIdentifierDeletionNotification.class,
            name = "AppIdentifierDeletionSubscription")})
public sealed interface LcmNotification permits AppInstNotification, AppLcmOpOccNotification,
        AppInstanceIdentifierCreationNotification, AppInstanceIdentifierDeletionNotification {

    String id();

    String notificationType();

    String subscriptionId();
}
