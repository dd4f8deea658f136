package org.edgemec.relocation.saga.steps;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.edgemec.mp1api.mec021.MobilityStatus;
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
import org.edgemec.relocation.saga.steering.SteeringStrategies;

/**
 * COMPENSATE: back to serving at the source with its state. The steering is reverted first (clients go back to the
 * source's names and proxy), then the move is rolled back (mec-app-lcm removes the target container and restores the
 * frozen source in place from its kept checkpoint), then INTERHOST_MOVEOUT_FAILED. A committed move is not undone.
 */
@ApplicationScoped
public class CompensateStep implements SagaStep {

    private final SteeringStrategies strategies;
    private final AppMoves moves;
    private final RequestHolds holds;
    private final Announcements announcements;
    private final StepRetries retries;

    public CompensateStep(SteeringStrategies strategies, AppMoves moves, RequestHolds holds,
                          Announcements announcements, StepRetries retries) {
        this.strategies = strategies;
        this.moves = moves;
        this.holds = holds;
        this.announcements = announcements;
        this.retries = retries;
    }

    @Override
    public StepName name() {
        return StepName.COMPENSATE;
    }

    @Override
    public StepResult run(RelocationRun run, SagaContext ctx) {
        List<String> done = new ArrayList<>();
        try {
            if (ctx.steered && !ctx.moveCommitted) {
                done.add(strategies.of(run.steering()).revert(run, ctx));
            }
            if (run.stateTransfer() != StateTransfer.APPLICATION && !ctx.moveCommitted) {
                // the move id is the relocation id: a move started just before a crash is found without ctx.moveId
                String rolledBack = rollBack(ctx.moveId != null ? ctx.moveId : run.relocationId());
                if (rolledBack == null) {
                    return StepResult.waitFor(java.time.Duration.ofMillis(500), "waiting for move " + run.relocationId()
                            + " to reach a phase it can be rolled back from");
                }
                done.add(rolledBack);
            }
        } catch (RemoteCallFailed e) {
            if (retries.canRetryCompensation(ctx, e)) {
                // compensation has to finish: keep trying, more slowly, beyond the forward steps' limit
                return retries.retry(ctx, "retrying: " + e.getMessage());
            }
            // the relocation ends FAILED with this error: what is left needs an operator (logged as such)
            return new StepResult.Fail(e.problem());
        }
        String released = holds.release(run, ctx);
        if (!released.isEmpty()) {
            done.add(released.substring(2));
        }
        if (done.isEmpty()) {
            done.add("nothing had changed yet: the source kept serving");
        }
        done.add("INTERHOST_MOVEOUT_FAILED");
        return StepResult.done((run.cancelRequested() ? "cancelled: " : "") + String.join("; ", done),
                announcements.of(run, ctx, MobilityStatus.INTERHOST_MOVEOUT_FAILED));
    }

    /** What the rollback did; null while the move is still in progress. */
    private String rollBack(String moveId) {
        AppMoves.Move m;
        try {
            m = moves.get(moveId);
        } catch (RemoteCallFailed e) {
            if (e.status() == 404) {
                return "no move had been started: the source kept serving";
            }
            throw e;
        }
        if (m.failed()) {
            return "move " + moveId + " had already been undone by mec-app-lcm (" + m.state() + " at " + m.phase()
                    + "): the source serves with its state";
        }
        if (m.committed()) {
            return "move " + moveId + " was committed: nothing to roll back";
        }
        if (!m.awaitingCommit()) {
            return null; // still PROCESSING or ROLLING_BACK: mec-app-lcm finishes or undoes it by itself first
        }
        AppMoves.Move r = moves.rollback(moveId);
        return "move " + moveId + " rolled back (" + r.state() + "): the source serves again with its state";
    }
}
