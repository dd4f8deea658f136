package org.edgemec.relocation.saga.steps;

import jakarta.enterprise.context.ApplicationScoped;
import org.edgemec.relocation.saga.RelocationRun;
import org.edgemec.relocation.saga.RequestHolds;
import org.edgemec.relocation.saga.SagaContext;
import org.edgemec.relocation.saga.SagaStep;
import org.edgemec.relocation.saga.StepName;
import org.edgemec.relocation.saga.StepResult;
import org.edgemec.relocation.saga.StepRetries;
import org.edgemec.relocation.saga.ports.PlatformSteering;
import org.edgemec.relocation.saga.ports.RemoteCallFailed;
import org.edgemec.relocation.saga.steering.SteeringStrategies;

/**
 * STEER_TRAFFIC: the relocation's steering strategy sends the app's clients to the restored instance; the target
 * host's platform first drops any steering it kept for the instance from an earlier relocation away from it.
 */
@ApplicationScoped
public class SteerTrafficStep implements SagaStep {

    private final SteeringStrategies strategies;
    private final PlatformSteering platforms;
    private final RequestHolds holds;
    private final StepRetries retries;

    public SteerTrafficStep(SteeringStrategies strategies, PlatformSteering platforms, RequestHolds holds,
                            StepRetries retries) {
        this.strategies = strategies;
        this.platforms = platforms;
        this.holds = holds;
        this.retries = retries;
    }

    @Override
    public StepName name() {
        return StepName.STEER_TRAFFIC;
    }

    @Override
    public StepResult run(RelocationRun run, SagaContext ctx) {
        try {
            if (ctx.targetPlatformUrl != null) {
                // a steering the target kept from an earlier relocation away from it would hide the instance now
                platforms.unsteer(ctx.targetPlatformUrl, run.appInstanceId());
            }
            String steered = strategies.of(run.steering()).steer(run, ctx);
            return StepResult.done(run.steering() + ": " + steered + holds.release(run, ctx));
        } catch (RemoteCallFailed e) {
            return retries.retryOrFail(ctx, e);
        } catch (IllegalStateException e) {
            return StepResult.fail(409, "Cannot steer", e.getMessage());
        }
    }
}
