package org.edgemec.relocation.saga.ports;

import java.util.List;
import java.util.Map;

/** A MEC host's edge proxy, as the Alt-Svc steering uses it through its platform's operator routes. */
public interface ProxyHandovers {

    /** A client at a proxy and the backends its state forwards each service host to. */
    record Client(String clientId, Map<String, String> forwarding) {
    }

    /** The name of the (first) proxy this platform runs. */
    String localProxy(String platformUrl);

    /** The clients at {@code proxy} whose state forwards some service host to {@code backend} (host:port). */
    List<Client> clientsForwardingTo(String platformUrl, String proxy, String backend);

    /**
     * Hands the client over to {@code targetProxy} with its forwarding rewritten; idempotent for one
     * {@code handoverId}. Returns the handover's state.
     */
    String handover(String platformUrl, String handoverId, String clientId, String targetProxy,
                    Map<String, String> forwarding);

    /** The service host names the platform's proxies forward to {@code backend} (host:port). */
    List<String> serviceHostsForwardingTo(String platformUrl, String backend);

    /** Holds the requests for these service hosts at the platform's proxies (bounded by {@code maxWait} each). */
    void hold(String platformUrl, String holdId, List<String> serviceHosts, java.time.Duration maxWait);

    /** Releases a hold: the waiting requests are forwarded as the proxy's state says now; nothing when none. */
    void release(String platformUrl, String holdId);

    /** Cancels a handover that is still pending; nothing to do when it ended or does not exist. */
    void cancel(String platformUrl, String handoverId);
}
