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

/** DeviceInformation.contextTransferState: numeric 0/1 in the V3 file (a string enum in V2.1.1). */
public enum ContextTransferState {
    NOT_TRANSFERRED(0), USER_CONTEXT_TRANSFER_COMPLETED(1);

    private final int code;

    ContextTransferState(int code) {
        this.code = code;
    }

    @JsonValue
    public int code() {
        return code;
    }

    @JsonCreator
    public static ContextTransferState of(int code) {
        for (ContextTransferState v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown contextTransferState " + code);
    }
}
