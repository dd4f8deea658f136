package org.edgemec.platform.proxy.api;

import jakarta.validation.constraints.NotBlank;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.platform.proxy.domain.Endpoint;
import org.edgemec.platform.proxy.domain.HandoverService;
import org.edgemec.platform.proxy.domain.ServiceCatalogue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Body of {@code POST /edge_proxy/v1/handovers}; {@code sourceProxy} defaults to this platform's proxy.
 *
 * @param handoverId    optional id chosen by the caller (1..64 of {@code [A-Za-z0-9._-]}): ordering it again with the
 *                      same body answers the existing handover
 * @param forwarding    optional {@code {"<serviceHost>": "<host:port>"}} rewriting the target copy's backends
 * @param rewriteSource whether {@code forwarding} also applies to the client's state at the source (default false)
 */
public record HandoverRequest(@NotBlank String clientId, String sourceProxy, @NotBlank String targetProxy,
                              String handoverId, Map<String, String> forwarding, Boolean rewriteSource) {

    HandoverService.Order toOrder(String defaultSource) {
        Map<String, Endpoint> rewrite = new LinkedHashMap<>();
        if (forwarding != null) {
            forwarding.forEach((host, backend) -> {
                String name = host.toLowerCase(Locale.ROOT);
                name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
                if (!ServiceCatalogue.isHostName(name)) {
                    throw new InvalidFieldException("forwarding." + host, "must be a DNS host name");
                }
                rewrite.put(name, Endpoint.parse(backend, "forwarding." + host));
            });
        }
        if (Boolean.TRUE.equals(rewriteSource) && rewrite.isEmpty()) {
            throw new InvalidFieldException("rewriteSource", "needs a non-empty forwarding");
        }
        return new HandoverService.Order(clientId, sourceProxy == null ? defaultSource : sourceProxy, targetProxy,
                handoverId, rewrite, Boolean.TRUE.equals(rewriteSource));
    }
}
