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

/** UE mobility status, numeric 1..3 (MobilityProcedureNotification, FilterCriteria). */
public enum MobilityStatus {
    INTERHOST_MOVEOUT_TRIGGERED(1), INTERHOST_MOVEOUT_COMPLETED(2), INTERHOST_MOVEOUT_FAILED(3);

    private final int code;

    MobilityStatus(int code) {
        this.code = code;
    }

    @JsonValue
    public int code() {
        return code;
    }

    @JsonCreator
    public static MobilityStatus of(int code) {
        for (MobilityStatus v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown mobilityStatus " + code);
    }
}
