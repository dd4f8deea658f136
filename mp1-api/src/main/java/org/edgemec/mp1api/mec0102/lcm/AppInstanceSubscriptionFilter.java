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

/** MEC 010-2 AppInstanceSubscriptionFilter. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppInstanceSubscriptionFilter(@NotNull AppInstSelectorType appInstSelectorType,
        List<String> appInstances, List<@Valid AppsFromProviders> appsFromProviders) {

    /** Numeric in the V3 file (0 = void ... 4 = APP_FROM_PROVIDER); names in V2.1.1. */
    public enum AppInstSelectorType {
        VOID(0), APP_IDENTITY(1), APP_NAME(2), APP_D_ID(3), APP_FROM_PROVIDER(4);

        private final int code;

        AppInstSelectorType(int code) {
            this.code = code;
        }

        @JsonValue
        public int code() {
            return code;
        }

        @JsonCreator
        public static AppInstSelectorType of(int code) {
            for (AppInstSelectorType v : values()) {
                if (v.code == code) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown appInstSelectorType " + code);
        }
    }
}
