package org.edgemec.applcm.domain.relocate;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Finishes or compensates the moves a stopped replica left PROCESSING or ROLLING_BACK: at start-up (on the LCM
 * executor, not delaying the start) and every {@code edgemec.lcm.move.recovery-every}. A move is taken only once its
 * owner's lease ran out, and claimed with {@code FOR UPDATE SKIP LOCKED}, so two replicas never work on one move;
 * each step inspects before it acts, so recovering a move twice does no harm. {@link MoveWorker#recover} says what
 * each phase becomes.
 */
@ApplicationScoped
public class MoveRecovery {

    private static final Logger LOG = Logger.getLogger(MoveRecovery.class);
    private static final int BATCH = 20;

    private final MoveLedger ledger;
    private final MoveWorker worker;
    private final ManagedExecutor executor;

    public MoveRecovery(MoveLedger ledger, MoveWorker worker, ManagedExecutor executor) {
        this.ledger = ledger;
        this.worker = worker;
        this.executor = executor;
    }

    void onStart(@Observes StartupEvent start) {
        executor.runAsync(this::scan);
    }

    @Scheduled(every = "${edgemec.lcm.move.recovery-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        try {
            recoverNow();
        } catch (RuntimeException e) {
            LOG.warnf("move recovery scan failed: %s", e.getMessage());
        }
    }

    /** Claims the abandoned moves and resolves each, in the caller's thread; returns what they became. */
    public List<AppMove> recoverNow() {
        List<AppMove> done = new ArrayList<>();
        for (String id : ledger.claimAbandoned(BATCH)) {
            try {
                done.add(worker.recover(id));
            } catch (RuntimeException e) {
                LOG.warnf("move %s: recovery failed: %s", id, e.getMessage());
            }
        }
        return done;
    }
}
