package org.edgemec.relocation.saga.steering;

import jakarta.inject.Singleton;
import org.edgemec.relocation.config.RelocationConfig;
import org.edgemec.relocation.saga.Steering;
import org.edgemec.relocation.saga.ports.PlatformSteering;

/** DNS rule update: the source host's DNS answers the app's names with the target's address; clients follow after the TTL. */
@Singleton
public class DnsSteering extends PlatformRuleSteering {

    public DnsSteering(PlatformSteering platforms, RelocationConfig config) {
        super(platforms, config);
    }

    @Override
    public Steering kind() {
        return Steering.DNS;
    }

    @Override
    String what() {
        return "DNS answers for the app's names";
    }
}
