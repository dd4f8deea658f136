package org.edgemec.mp1api.provisioning;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Where an app instance serves on its host: the container's address, and its port when the app declares one (in
 * the AppD's {@code appExtCpd[].additionalServiceData[].portData} or as an exposed port of its image). An app that
 * declares no port has a host-only endpoint.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppEndpoint(@NotBlank @Size(max = 255) String host, @Min(1) @Max(65535) Integer port) {

    /** {@code host:port}, or the host alone. */
    public String authority() {
        return port == null ? host : (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
