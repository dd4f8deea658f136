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
 * AssociateId of ETSI GS MEC 012. The V3 file declares it as a bare string with "defined in MEC 012"
 * (the generator could not resolve the external type); MEC 012 and the V2.1.1 file define an object
 * {type, value}, which is modelled (see README).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssociateId(@NotNull Type type, @NotBlank String value) {

    /** Values of the V2.1.1 file. */
    public enum Type {
        UE_IPv4_ADDRESS, UE_IPV6_ADDRESS, NATED_IP_ADDRESS, GTP_TEID
    }
}
