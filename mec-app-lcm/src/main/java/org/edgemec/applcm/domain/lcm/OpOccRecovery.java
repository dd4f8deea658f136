package org.edgemec.applcm.domain.lcm;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * Op occs a dead process left STARTING or PROCESSING become FAILED_TEMP with an error saying so (and the usual
 * notification and Kafka event), so that retry or fail can close them: at start-up (on the LCM executor, not delaying
 * the start) and every {@code edgemec.lcm.operation.recovery-every}. An op occ is taken only once its claim ran out, with
 * {@code FOR UPDATE SKIP LOCKED}, so a running one (its claim renewed by its replica) is never touched.
 */
@ApplicationScoped
public class OpOccRecovery {

    private static final Logger LOG = Logger.getLogger(OpOccRecovery.class);
    private static final int BATCH = 50;

    private final LcmOpOccService ops;
    private final ManagedExecutor executor;

    public OpOccRecovery(LcmOpOccService ops, ManagedExecutor executor) {
        this.ops = ops;
        this.executor = executor;
    }

    void onStart(@Observes StartupEvent start) {
        executor.runAsync(this::scan);
    }

    @Scheduled(every = "${edgemec.lcm.operation.recovery-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        try {
            recoverNow();
        } catch (RuntimeException e) {
            LOG.warnf("op occ recovery scan failed: %s", e.getMessage());
        }
    }

    /** Sets the abandoned op occs FAILED_TEMP, in the caller's thread; returns their ids. */
    public List<String> recoverNow() {
        List<String> ids = ops.failAbandoned(BATCH);
        if (!ids.isEmpty()) {
            LOG.warnf("op occs %s were left running by a process that stopped: FAILED_TEMP", ids);
        }
        return ids;
    }
}
