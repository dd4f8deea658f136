package org.edgemec.platform.domain.rules;

import org.edgemec.mp1api.common.TrafficFilter;
import org.edgemec.mp1api.mec011.appsupport.DestinationInterface;

import java.util.List;

/**
 * The data-plane view of the Mp1 TrafficRules of the applications on this host: what the edge proxy enforces.
 * Only ACTIVE rules, ordered by priority (highest first: the lowest {@code priority} number); a change made over
 * Mp1 is visible to the next call.
 */
public interface ActiveTrafficRules {

    List<Rule> inPriorityOrder();

    record Rule(String trafficRuleId, String appInstanceId, int priority, Action action, List<TrafficFilter> filters,
                List<DestinationInterface> destinations) {
    }

    enum Action {
        DROP, FORWARD_DECAPSULATED, FORWARD_ENCAPSULATED, PASSTHROUGH, DUPLICATE_DECAPSULATED, DUPLICATE_ENCAPSULATED
    }
}
