package org.edgemec.relocation.saga.steering;

import org.edgemec.relocation.config.RelocationConfig;
import org.edgemec.relocation.saga.RelocationRun;
import org.edgemec.relocation.saga.SagaContext;
import org.edgemec.relocation.saga.Steering;
import org.edgemec.relocation.saga.ports.PlatformSteering;

/**
 * DNS and TRAFFIC_RULE: one operator call on the source host's mec-platform makes its DNS server answer (DNS) or its
 * edge proxy forward (TRAFFIC_RULE) the app's names to the target endpoint, for {@code edgemec.relocation.steering-linger}.
 */
abstract class PlatformRuleSteering implements SteeringStrategy {

    private final PlatformSteering platforms;
    private final RelocationConfig config;

    PlatformRuleSteering(PlatformSteering platforms, RelocationConfig config) {
        this.platforms = platforms;
        this.config = config;
    }

    @Override
    public String steer(RelocationRun run, SagaContext ctx) {
        if (ctx.sourcePlatformUrl == null) {
            return "the source host " + ctx.sourceHost + " has no mec-platform: nothing to steer";
        }
        if (ctx.targetEndpoint == null || kind() == Steering.TRAFFIC_RULE && ctx.targetEndpoint.port() == null) {
            throw new IllegalStateException(kind() + " steering needs the target's endpoint"
                    + (kind() == Steering.TRAFFIC_RULE ? " with a port" : "") + "; the target reported "
                    + ctx.targetEndpoint);
        }
        platforms.steer(ctx.sourcePlatformUrl, run.appInstanceId(), kind(), ctx.targetEndpoint, run.relocationId(),
                config.steeringLinger());
        ctx.steered = true;
        return what() + " on " + ctx.sourceHost + " now lead to " + ctx.targetEndpoint.authority() + " (for "
                + config.steeringLinger() + ")";
    }

    @Override
    public String revert(RelocationRun run, SagaContext ctx) {
        if (!ctx.steered || ctx.sourcePlatformUrl == null) {
            return "nothing steered";
        }
        platforms.unsteer(ctx.sourcePlatformUrl, run.appInstanceId());
        ctx.steered = false;
        return what() + " on " + ctx.sourceHost + " reverted";
    }

    abstract String what();
}
