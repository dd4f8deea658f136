package org.edgemec.relocation.saga.steps;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.edgemec.relocation.config.RelocationConfig;
import org.edgemec.relocation.saga.RegisteredDevices;
import org.edgemec.relocation.saga.RelocationRun;
import org.edgemec.relocation.saga.RequestHolds;
import org.edgemec.relocation.saga.SagaContext;
import org.edgemec.relocation.saga.SagaStep;
import org.edgemec.relocation.saga.StateTransfer;
import org.edgemec.relocation.saga.StepName;
import org.edgemec.relocation.saga.StepResult;
import org.edgemec.relocation.saga.StepRetries;
import org.edgemec.relocation.saga.ports.AppMoves;
import org.edgemec.relocation.saga.ports.RemoteCallFailed;

/**
 * MOVE_STATE. CHECKPOINT and COLD: mec-app-lcm's two-phase move (the relocation id is the move id, so a repeated
 * start is the same move), polled until it waits for commit with the app restored on the target and the source
 * frozen. APPLICATION: the app transfers its own context and reports it in its MEC 021 registration
 * (contextTransferState USER_CONTEXT_TRANSFER_COMPLETED for every device concerned).
 */
@ApplicationScoped
public class MoveStateStep implements SagaStep {

    private static final Duration POLL = Duration.ofMillis(200);

    private final AppMoves moves;
    private final RequestHolds holds;
    private final RegisteredDevices devices;
    private final RelocationConfig config;
    private final StepRetries retries;

    public MoveStateStep(AppMoves moves, RequestHolds holds, RegisteredDevices devices, RelocationConfig config,
                         StepRetries retries) {
        this.moves = moves;
        this.holds = holds;
        this.devices = devices;
        this.config = config;
        this.retries = retries;
    }

    @Override
    public StepName name() {
        return StepName.MOVE_STATE;
    }

    @Override
    public StepResult run(RelocationRun run, SagaContext ctx) {
        if (ctx.waitingSince == null) {
            ctx.waitingSince = OffsetDateTime.now();
        }
        try {
            return run.stateTransfer() == StateTransfer.APPLICATION ? contextTransfer(run, ctx) : move(run, ctx);
        } catch (RemoteCallFailed e) {
            return retries.retryOrFail(ctx, e);
        }
    }

    private StepResult move(RelocationRun run, SagaContext ctx) {
        String mode = run.stateTransfer() == StateTransfer.COLD ? "COLD" : "STOP_AND_COPY";
        if (ctx.moveId == null) {
            String held = holds.hold(run, ctx);
            AppMoves.Move started = moves.start(run.relocationId(), run.appInstanceId(), ctx.targetHost, mode);
            ctx.moveId = started.moveId();
            return StepResult.waitFor(POLL, "mec-app-lcm move " + started.moveId() + " (" + mode + ") started"
                    + held);
        }
        AppMoves.Move m = moves.get(ctx.moveId);
        if (m.awaitingCommit() || m.committed()) {
            ctx.waitingSince = null;
            ctx.targetEndpoint = m.targetEndpoint();
            if (m.timings() != null) {
                m.timings().fields().forEachRemaining(t -> ctx.moveTimings.put(t.getKey(), t.getValue().asLong()));
            }
            return StepResult.done(mode + " move to " + ctx.targetHost + " restored, source frozen"
                    + timing(m, "freezeDumpMs", "freeze+dump") + timing(m, "transferRestoreMs", "transfer+restore")
                    + timing(m, "firstResponseMs", "first connection accepted after the freeze")
                    + (m.targetEndpoint() == null ? "" : "; target serves at " + m.targetEndpoint().authority()));
        }
        if (m.failed()) {
            String why = m.error() == null ? "no reason given" : m.error().detail();
            return StepResult.fail(m.error() != null && m.error().status() != null ? m.error().status() : 502,
                    "State move failed", "mec-app-lcm move " + m.moveId() + " ended " + m.state() + " at phase "
                            + m.phase() + ": " + why);
        }
        if (waitedLongerThan(ctx, config.moveTimeout())) {
            return StepResult.fail(504, "State move timed out", "mec-app-lcm move " + m.moveId() + " still "
                    + m.state() + " (phase " + m.phase() + ") after " + config.moveTimeout());
        }
        return StepResult.waitFor(POLL, "move " + m.moveId() + ": " + m.state() + ", phase " + m.phase());
    }

    private StepResult contextTransfer(RelocationRun run, SagaContext ctx) {
        int[] done = devices.transferred(run.appInstanceId(), ctx.associateId);
        if (done[1] > 0 && done[0] == done[1]) {
            ctx.waitingSince = null;
            return StepResult.done("the app reported its user context transferred to " + ctx.targetAppInstanceId
                    + " for " + done[1] + " device(s)");
        }
        if (waitedLongerThan(ctx, config.contextTransferTimeout())) {
            return StepResult.fail(504, "Context transfer not reported", "app instance " + run.appInstanceId()
                    + " reported contextTransferState 1 for " + done[0] + " of " + done[1] + " device(s) within "
                    + config.contextTransferTimeout());
        }
        return StepResult.waitFor(Duration.ofMillis(500), "waiting for the app's context transfer (" + done[0]
                + " of " + done[1] + " device(s) reported)");
    }

    private static boolean waitedLongerThan(SagaContext ctx, Duration limit) {
        return ctx.waitingSince != null && ctx.waitingSince.plus(limit).isBefore(OffsetDateTime.now());
    }

    private static String timing(AppMoves.Move m, String key, String label) {
        Long v = m.timing(key);
        return v == null ? "" : "; " + label + " " + v + " ms";
    }
}
