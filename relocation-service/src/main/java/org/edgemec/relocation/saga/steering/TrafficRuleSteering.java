package org.edgemec.relocation.saga.steering;

import jakarta.inject.Singleton;
import org.edgemec.relocation.config.RelocationConfig;
import org.edgemec.relocation.saga.Steering;
import org.edgemec.relocation.saga.ports.PlatformSteering;

/** Traffic rule update: the source host's edge proxy forwards the app's traffic to the target until clients moved. */
@Singleton
public class TrafficRuleSteering extends PlatformRuleSteering {

    public TrafficRuleSteering(PlatformSteering platforms, RelocationConfig config) {
        super(platforms, config);
    }

    @Override
    public Steering kind() {
        return Steering.TRAFFIC_RULE;
    }

    @Override
    String what() {
        return "edge proxy requests for the app's names";
    }
}
