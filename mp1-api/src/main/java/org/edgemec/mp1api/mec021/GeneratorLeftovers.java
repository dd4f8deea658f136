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
 * Four schemas of the V3 MEC 021 file that nothing references ({@code MobilityStatus1_},
 * {@code AppMobilityServiceLevel1_}, {@code contextTransferState1_}, {@code subscriptionType1_}): inline
 * definitions the generator also emitted as components. Typed here only so every schema has a mapping;
 * the referenced attributes use {@link MobilityStatus}, {@link AppMobilityServiceLevel.Level} and
 * {@link ContextTransferState}.
 */
public final class GeneratorLeftovers {

    private GeneratorLeftovers() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MobilityStatusHolder(@NotNull MobilityStatus status) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceLevelHolder(@NotNull AppMobilityServiceLevel.Level serviceLevel) {
    }

    /** The string form of the V2.1.1 file (the referenced attribute is numeric). */
    public enum ContextTransferStateName {
        NOT_TRANSFERRED, USER_CONTEXT_TRANSFER_COMPLETED
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SubscriptionTypeHolder(@NotNull SubscriptionTypeCode subscriptionType) {
    }

    /** 0 = RESERVED, 1 = MOBILITY_PROCEDURE, 2 = ADJACENT_APPINFO. */
    public enum SubscriptionTypeCode {
        RESERVED(0), MOBILITY_PROCEDURE(1), ADJACENT_APPINFO(2);

        private final int code;

        SubscriptionTypeCode(int code) {
            this.code = code;
        }

        @JsonValue
        public int code() {
            return code;
        }

        @JsonCreator
        public static SubscriptionTypeCode of(int code) {
            for (SubscriptionTypeCode v : values()) {
                if (v.code == code) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown subscriptionType " + code);
        }
    }
}
