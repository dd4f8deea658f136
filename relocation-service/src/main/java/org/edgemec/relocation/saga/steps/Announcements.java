package org.edgemec.relocation.saga.steps;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.edgemec.mp1api.common.Addresses;
import org.edgemec.mp1api.common.CommunicationInterface;
import org.edgemec.mp1api.mec021.MobilityStatus;
import org.edgemec.mp1api.mec021.TargetAppInfo;
import org.edgemec.relocation.domain.MobilityProcedureNotifier;
import org.edgemec.relocation.saga.RelocationRun;
import org.edgemec.relocation.saga.SagaContext;
import org.edgemec.relocation.saga.StateTransfer;

/** The MEC 021 MobilityProcedureNotification of a relocation at one mobilityStatus, to matching subscribers. */
@ApplicationScoped
public class Announcements {

    private final MobilityProcedureNotifier notifier;

    public Announcements(MobilityProcedureNotifier notifier) {
        this.notifier = notifier;
    }

    /** Runs inside the transaction that records the step (the notifications go into the outbox there). */
    public Runnable of(RelocationRun run, SagaContext ctx, MobilityStatus status) {
        TargetAppInfo target = targetAppInfo(run, ctx);
        List<org.edgemec.mp1api.mec021.AssociateId> devices = List.copyOf(ctx.associateId);
        return () -> notifier.mobilityProcedure(run.appInstanceId(), devices, status, target);
    }

    /**
     * Checkpoint/restore keeps the instance id, so the target app instance is the same one, reachable at its new
     * endpoint once restored; application-driven transfer names the instance on the target.
     */
    static TargetAppInfo targetAppInfo(RelocationRun run, SagaContext ctx) {
        String id = run.stateTransfer() == StateTransfer.APPLICATION ? ctx.targetAppInstanceId : run.appInstanceId();
        CommunicationInterface comm = ctx.targetEndpoint == null || ctx.targetEndpoint.port() == null ? null
                : new CommunicationInterface(List.of(new Addresses(ctx.targetEndpoint.host(),
                        ctx.targetEndpoint.port())));
        return new TargetAppInfo(id, comm);
    }
}
