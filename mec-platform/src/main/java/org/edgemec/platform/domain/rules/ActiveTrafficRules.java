package org.edgemec.platform.domain.rules;

import org.edgemec.mp1api.common.TrafficFilter;
import org.edgemec.mp1api.mec011.appsupport.DestinationInterface;

import java.util.List;
import java.util.Set;

/**
 * The data-plane view of the Mp1 TrafficRules of the applications on this host: what the edge proxy enforces.
 * Only ACTIVE rules, ordered by priority (highest first: the lowest {@code priority} number); a change made over
 * Mp1 is visible to the next call.
 * <p>
 * A rule acts only on traffic for its own app instance: {@code serviceHosts} are the host names the edge proxy fronts
 * for {@code appInstanceId} (the AppD DNS names of the instance, or its relocation steering's), and the proxy applies
 * the rule to a request only when the requested service host is one of them. Without that, one app's DROP rule with
 * an unrestricted filter would drop every client's traffic through the proxy.
 */
public interface ActiveTrafficRules {

    List<Rule> inPriorityOrder();

    record Rule(String trafficRuleId, String appInstanceId, int priority, Action action, List<TrafficFilter> filters,
                List<DestinationInterface> destinations, Set<String> serviceHosts) {

        public Rule {
            serviceHosts = serviceHosts == null ? Set.of() : Set.copyOf(serviceHosts);
        }

        /** Whether a request for {@code serviceHost} is the owning app's traffic (the only traffic it acts on). */
        public boolean covers(String serviceHost) {
            return serviceHost != null && serviceHosts.contains(serviceHost);
        }
    }

    enum Action {
        DROP, FORWARD_DECAPSULATED, FORWARD_ENCAPSULATED, PASSTHROUGH, DUPLICATE_DECAPSULATED, DUPLICATE_ENCAPSULATED
    }
}
