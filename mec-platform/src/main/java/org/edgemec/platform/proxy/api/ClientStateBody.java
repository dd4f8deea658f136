package org.edgemec.platform.proxy.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.platform.proxy.domain.ClientState;
import org.edgemec.platform.proxy.domain.Endpoint;
import org.edgemec.platform.proxy.domain.Requirements;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** A client's state at one proxy, as the control API carries it between platforms. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientStateBody(@NotBlank String clientId, @NotBlank String latency, @NotBlank String throughput,
                              @NotNull Map<String, String> forwarding, String handoverId, Boolean arrived,
                              String advertiseAltSvc, OffsetDateTime expiresAt) {

    public static ClientStateBody of(ClientState s) {
        Map<String, String> forwarding = new LinkedHashMap<>();
        s.forwarding().forEach((host, backend) -> forwarding.put(host, backend.toString()));
        return new ClientStateBody(s.clientId(), s.requirements().latency().name(),
                s.requirements().throughput().name(), forwarding, s.handoverId(), s.arrived(), s.advertiseAltSvc(),
                s.expiresAt());
    }

    public ClientState toState(String proxyName) {
        Map<String, Endpoint> rules = new LinkedHashMap<>();
        forwarding.forEach((host, backend) -> rules.put(host.toLowerCase(java.util.Locale.ROOT), Endpoint.parse(backend, "forwarding." + host)));
        return new ClientState(proxyName, clientId, new Requirements(
                parse(Requirements.LatencyClass.class, latency, "latency"),
                parse(Requirements.ThroughputClass.class, throughput, "throughput")),
                rules, handoverId, Boolean.TRUE.equals(arrived), advertiseAltSvc, expiresAt);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "unknown value '" + value + "'");
        }
    }
}
