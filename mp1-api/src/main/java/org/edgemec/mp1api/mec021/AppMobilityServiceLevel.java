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

/** MEC 021 AppMobilityServiceLevel (an object holding the numeric level in the V3 file). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppMobilityServiceLevel(@NotNull Level appMobilityServiceLevel) {

    /** Numeric wire values 1..3. */
    public enum Level {
        APP_MOBILITY_NOT_ALLOWED(1), APP_MOBILITY_WITH_CONFIRMATION(2), APP_MOBILITY_WITHOUT_CONFIRMATION(3);

        private final int code;

        Level(int code) {
            this.code = code;
        }

        @JsonValue
        public int code() {
            return code;
        }

        @JsonCreator
        public static Level of(int code) {
            for (Level v : values()) {
                if (v.code == code) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown appMobilityServiceLevel " + code);
        }
    }
}
