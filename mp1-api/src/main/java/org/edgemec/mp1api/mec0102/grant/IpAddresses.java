package org.edgemec.mp1api.mec0102.grant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.edgemec.mp1api.common.*;

/** The Grant file's IpAddresses (IP address configuration); unrelated to MEC 021 IpAddresses (host/port). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IpAddresses(@NotNull Type type, List<String> fixedAddresses, Integer numDynamicAddresses,
        @Valid AddressRange addressRange, String subnetId) {

    /** {@code [SEE_DESCRIPTION]} in the file. */
    public enum Type {
        IPV4, IPV6
    }
}
