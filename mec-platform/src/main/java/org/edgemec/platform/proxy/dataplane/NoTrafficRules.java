package org.edgemec.platform.proxy.dataplane;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.edgemec.platform.domain.rules.ActiveTrafficRules;

import java.util.List;

/** Used only while no Mp1 TrafficRule store provides {@link ActiveTrafficRules}: the proxy then forwards everything. */
@DefaultBean
@ApplicationScoped
public class NoTrafficRules implements ActiveTrafficRules {

    @Override
    public List<Rule> inPriorityOrder() {
        return List.of();
    }
}
