package org.edgemec.relocation.saga.steps;

import jakarta.enterprise.context.ApplicationScoped;
import org.edgemec.mp1api.mec021.MobilityStatus;
import org.edgemec.relocation.saga.RelocationRun;
import org.edgemec.relocation.saga.SagaContext;
import org.edgemec.relocation.saga.SagaStep;
import org.edgemec.relocation.saga.StepName;
import org.edgemec.relocation.saga.StepResult;

/**
 * ANNOUNCE: INTERHOST_MOVEOUT_TRIGGERED to the app's MEC 021 subscribers. The notifications are written in the
 * transaction that records the step, so a repeated run after a crash does not announce twice.
 */
@ApplicationScoped
public class AnnounceStep implements SagaStep {

    private final Announcements announcements;

    public AnnounceStep(Announcements announcements) {
        this.announcements = announcements;
    }

    @Override
    public StepName name() {
        return StepName.ANNOUNCE;
    }

    @Override
    public StepResult run(RelocationRun run, SagaContext ctx) {
        return StepResult.done("INTERHOST_MOVEOUT_TRIGGERED for " + run.appInstanceId() + " to its subscribers",
                announcements.of(run, ctx, MobilityStatus.INTERHOST_MOVEOUT_TRIGGERED));
    }
}
