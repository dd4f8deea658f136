package org.edgemec.mp1api.mec021;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.edgemec.mp1api.common.CommunicationInterface;
import org.edgemec.mp1api.common.SubscriptionLinks;
import org.edgemec.mp1api.common.TimeStamp;

/**
 * MEC 021 AdjacentAppInfoNotification (GS MEC 021 V2.2.1 clause 7.4.3). The V2.2.1 and V2.1.1 OpenAPI files have
 * no schema for it although AdjacentAppInfoSubscription subscribes to it; the attributes are those of the spec
 * text. Not part of the sealed {@link AmsNotification}, whose subtypes are the file's schemas.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdjacentAppInfoNotification(@NotBlank String notificationType, @Valid TimeStamp timeStamp,
        List<@Valid AssociateId> associateId, List<@Valid AdjacentAppInfo> adjacentAppInfo,
        @JsonProperty("_links") @NotNull @Valid SubscriptionLinks links) {

    public static final String TYPE = "AdjacentAppInfoNotification";

    /** One adjacent application instance: its id and its communication interfaces. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AdjacentAppInfo(@NotBlank String appInstanceId,
            @NotEmpty List<@Valid CommunicationInterface> commInterface) {
    }
}
