package org.edgemec.relocation.saga.steps;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.edgemec.mp1api.mec021.MobilityStatus;
import org.edgemec.relocation.config.RelocationConfig;
import org.edgemec.relocation.saga.RelocationRun;
import org.edgemec.relocation.saga.SagaContext;
import org.edgemec.relocation.saga.SagaStep;
import org.edgemec.relocation.saga.StateTransfer;
import org.edgemec.relocation.saga.StepName;
import org.edgemec.relocation.saga.StepResult;
import org.edgemec.relocation.saga.StepRetries;
import org.edgemec.relocation.saga.ports.AppMoves;
import org.edgemec.relocation.saga.ports.PlatformSteering;
import org.edgemec.relocation.saga.ports.RemoteCallFailed;
import org.jboss.logging.Logger;

/**
 * FINALIZE: commit the move (the frozen source container and its grant go), retire the source host's provisioning
 * of the instance while its steering stays in force (with ALT_SVC that includes the source proxy's forwarding for
 * clients that have not followed Alt-Svc yet), and tell subscribers INTERHOST_MOVEOUT_COMPLETED. Once committed there is no way back: later failures are retried, and a leftover
 * is reported in the step rather than undoing a relocation that happened.
 */
@ApplicationScoped
public class FinalizeStep implements SagaStep {

    private static final Logger LOG = Logger.getLogger(FinalizeStep.class);

    private final AppMoves moves;
    private final PlatformSteering platforms;
    private final Announcements announcements;
    private final RelocationConfig config;
    private final StepRetries retries;

    public FinalizeStep(AppMoves moves, PlatformSteering platforms, Announcements announcements,
                        RelocationConfig config, StepRetries retries) {
        this.moves = moves;
        this.platforms = platforms;
        this.announcements = announcements;
        this.config = config;
        this.retries = retries;
    }

    @Override
    public StepName name() {
        return StepName.FINALIZE;
    }

    @Override
    public StepResult run(RelocationRun run, SagaContext ctx) {
        boolean moved = run.stateTransfer() != StateTransfer.APPLICATION;
        if (moved && !ctx.moveCommitted) {
            try {
                moves.commit(ctx.moveId, false);
                ctx.moveCommitted = true;
            } catch (RemoteCallFailed e) {
                return retries.retryOrFail(ctx, e);
            }
        }
        List<String> done = new ArrayList<>();
        done.add(moved ? "move " + ctx.moveId + " committed: the source container on " + ctx.sourceHost + " is gone"
                : "source instance left running (application-driven transfer: ending it is the app's)");
        try {
            if (moved && ctx.sourcePlatformUrl != null) {
                platforms.retire(ctx.sourcePlatformUrl, run.appInstanceId(), ctx.targetPlatformUrl);
                done.add("provisioning on " + ctx.sourceHost + " retired, its steering kept for "
                        + config.steeringLinger());
            }
        } catch (RemoteCallFailed e) {
            if (retries.canRetry(ctx, e)) {
                return retries.retry(ctx, "committed; retrying the source platform's clean-up: " + e.getMessage());
            }
            LOG.warnf("relocation %s committed, but the source platform's clean-up failed: %s", run.relocationId(),
                    e.getMessage());
            done.add("LEFT OVER on " + ctx.sourceHost + ": " + e.getMessage());
        }
        done.add("INTERHOST_MOVEOUT_COMPLETED");
        return StepResult.done(String.join("; ", done),
                announcements.of(run, ctx, MobilityStatus.INTERHOST_MOVEOUT_COMPLETED));
    }
}
