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

/** The four subscription request bodies of POST /subscriptions (oneOf), told apart by subscriptionType. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "subscriptionType", visible = true)
@JsonSubTypes({
    @JsonSubTypes.Type(value = AppInstSubscriptionRequest.class, name = "AppInstanceStateChangeSubscription"),
    @JsonSubTypes.Type(value = AppLcmOpOccSubscriptionRequest.class, name = "AppLcmOpOccStateChangeSubscription"),
    @JsonSubTypes.Type(value = AppInstIdCreationSubscriptionRequest.class, name = "AppIdentifierCreationSubscription"),
    @JsonSubTypes.Type(value = AppInstIdDeletionSubscriptionRequest.class, name = "AppIdentifierDeletionSubscription")})
public sealed interface LcmSubscriptionRequest permits AppInstSubscriptionRequest, AppLcmOpOccSubscriptionRequest,
        AppInstIdCreationSubscriptionRequest, AppInstIdDeletionSubscriptionRequest {

    String subscriptionType();

    String callbackUri();
}
