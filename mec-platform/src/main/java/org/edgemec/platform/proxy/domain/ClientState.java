package org.edgemec.platform.proxy.domain;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What one proxy knows of one client: where each service host name of the client is forwarded, the client's
 * requirements, and the handover bookkeeping.
 *
 * @param handoverId      the handover that installed this copy (target side), null for a copy made at login
 * @param arrived         whether the client's first request reached this copy's proxy (target side)
 * @param advertiseAltSvc the Alt-Svc value added to every response to this client, null for none
 * @param expiresAt       when a copy that is kept only for stragglers (cancelled or superseded handover) goes away
 */
public record ClientState(String proxyName, String clientId, Requirements requirements,
                          Map<String, Endpoint> forwarding, String handoverId, boolean arrived,
                          String advertiseAltSvc, OffsetDateTime expiresAt) {

    public ClientState {
        forwarding = Map.copyOf(forwarding);
    }

    /** A copy of this state for another proxy, installed by handover {@code handoverId}. */
    public ClientState copyFor(String targetProxy, String handoverId) {
        return new ClientState(targetProxy, clientId, requirements, forwarding, handoverId, false, null, null);
    }

    public ClientState advertising(String altSvc, OffsetDateTime until) {
        return new ClientState(proxyName, clientId, requirements, forwarding, handoverId, arrived, altSvc, until);
    }

    /** This state with {@code rewrite} applied: each entry replaces (or adds) the backend of its service host. */
    public ClientState withForwarding(Map<String, Endpoint> rewrite) {
        if (rewrite.isEmpty()) {
            return this;
        }
        Map<String, Endpoint> merged = new java.util.LinkedHashMap<>(forwarding);
        merged.putAll(rewrite);
        return new ClientState(proxyName, clientId, requirements, merged, handoverId, arrived, advertiseAltSvc,
                expiresAt);
    }

    /** Whether some service host of this state is forwarded to {@code backend} (and is {@code serviceHost} if given). */
    public boolean forwardsTo(String serviceHost, Endpoint backend) {
        return forwarding.entrySet().stream().anyMatch(e -> (serviceHost == null || serviceHost.equals(e.getKey()))
                && (backend == null || backend.sameAs(e.getValue())));
    }

    public boolean awaitsFirstRequest() {
        return handoverId != null && !arrived;
    }
}
