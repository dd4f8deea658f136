package org.edgemec.applcm.domain.relocate;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.edgemec.common.error.InvalidFieldException;

/**
 * The move primitive as the API sees it: a checked request becomes a recorded move (PROCESSING, STARTED) whose work
 * runs on the LCM executor; commit and rollback run there too, the caller waiting for their outcome.
 */
@ApplicationScoped
public class AppMoveService {

    static final Pattern MOVE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final MoveLedger ledger;
    private final MoveWorker worker;
    private final ManagedExecutor executor;

    public AppMoveService(MoveLedger ledger, MoveWorker worker, ManagedExecutor executor) {
        this.ledger = ledger;
        this.worker = worker;
        this.executor = executor;
    }

    /** A new move (started in the background) or, for a moveId this instance already used, that move. */
    public MoveLedger.Started start(String appInstanceId, String targetHost, RelocationMode mode, CommitMode commit,
            String moveId) {
        if (targetHost == null || targetHost.isBlank()) {
            throw new InvalidFieldException("targetHost", "is required");
        }
        if (moveId != null && !MOVE_ID.matcher(moveId).matches()) {
            throw new InvalidFieldException("moveId", "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_', '-'");
        }
        MoveLedger.Started started = ledger.create(appInstanceId, targetHost, mode, commit, moveId);
        if (started.created()) {
            executor.runAsync(() -> worker.forward(started.move().moveId()));
        }
        return started;
    }

    public AppMove get(String moveId) {
        return ledger.get(moveId);
    }

    public List<AppMove> list(String appInstanceId, MoveState state) {
        return ledger.list(appInstanceId, state);
    }

    /** Commits a move AWAITING_COMMIT; a COMMITTED one is returned (its failed cleanup step retried). */
    public AppMove commit(String moveId, boolean deprovisionSource) {
        boolean claimed = ledger.beginCommit(moveId, deprovisionSource);
        AppMove m = ledger.get(moveId);
        if (!claimed && m.error() == null) {
            return m;
        }
        return await(() -> worker.commit(moveId, claimed));
    }

    /** Rolls a move back; one already rolled back (or FAILED and compensated) is returned as it is. */
    public AppMove rollback(String moveId) {
        if (!ledger.beginRollback(moveId)) {
            return ledger.get(moveId);
        }
        return await(() -> worker.rollback(moveId));
    }

    private <T> T await(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, executor).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
