package org.edgemec.relocation.saga;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.edgemec.relocation.config.RelocationConfig;
import org.edgemec.relocation.saga.ports.ProxyHandovers;
import org.edgemec.relocation.saga.ports.RemoteCallFailed;
import org.jboss.logging.Logger;

/**
 * While the instance is frozen, requests for its service hosts that reach the source host's edge proxy wait there
 * (a hold named by the relocation id) instead of failing, and go to the restored instance once the steering is in
 * force. Best effort: a proxy that cannot hold costs its clients errors during the freeze, not the relocation.
 */
@ApplicationScoped
public class RequestHolds {

    private static final Logger LOG = Logger.getLogger(RequestHolds.class);

    private final ProxyHandovers proxies;
    private final RelocationConfig config;

    public RequestHolds(ProxyHandovers proxies, RelocationConfig config) {
        this.proxies = proxies;
        this.config = config;
    }

    /** Holds the source proxy's requests for the instance; returns what it did, for the step record. */
    public String hold(RelocationRun run, SagaContext ctx) {
        if (ctx.sourcePlatformUrl == null || ctx.sourceEndpoint == null || ctx.sourceEndpoint.port() == null) {
            return "";
        }
        try {
            List<String> hosts = proxies.serviceHostsForwardingTo(ctx.sourcePlatformUrl,
                    ctx.sourceEndpoint.authority());
            if (hosts.isEmpty()) {
                return "";
            }
            proxies.hold(ctx.sourcePlatformUrl, run.relocationId(), hosts, config.holdMaxWait());
            ctx.heldServiceHosts = hosts;
            return "; requests for " + hosts + " held at " + ctx.sourceHost + "'s proxy";
        } catch (RemoteCallFailed e) {
            LOG.warnf("relocation %s: requests at %s's proxy not held: %s", run.relocationId(), ctx.sourceHost,
                    e.getMessage());
            return "; requests NOT held at " + ctx.sourceHost + "'s proxy: " + e.getMessage();
        }
    }

    /** Releases the hold (idempotent); the waiting requests follow the steering now in force. */
    public String release(RelocationRun run, SagaContext ctx) {
        if (ctx.heldServiceHosts.isEmpty() || ctx.sourcePlatformUrl == null) {
            return "";
        }
        try {
            proxies.release(ctx.sourcePlatformUrl, run.relocationId());
            ctx.heldServiceHosts = List.of();
            return "; held requests released";
        } catch (RemoteCallFailed e) {
            // the hold ends by itself after maxWait x 3
            LOG.warnf("relocation %s: hold at %s not released: %s", run.relocationId(), ctx.sourceHost,
                    e.getMessage());
            return "; hold not released (" + e.getMessage() + "), it expires by itself";
        }
    }

    Duration maxWait() {
        return config.holdMaxWait();
    }
}
