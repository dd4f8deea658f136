package org.edgemec.applcm.domain.lcm;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Renews this replica's claims on the op occs it runs, so a long step (a big image load) keeps its claim, and passes on
 * FORCED cancels recorded by another replica.
 */
@ApplicationScoped
public class OpOccHeartbeat {

    private static final Logger LOG = Logger.getLogger(OpOccHeartbeat.class);

    private final OpOccClaims claims;
    private final LcmOpOccService ops;
    private final OpOccInterrupts interrupts;

    public OpOccHeartbeat(OpOccClaims claims, LcmOpOccService ops, OpOccInterrupts interrupts) {
        this.claims = claims;
        this.ops = ops;
        this.interrupts = interrupts;
    }

    @Scheduled(every = "${edgemec.lcm.operation.heartbeat-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renew() {
        try {
            ops.renew(claims.active());
            // a FORCED cancel another replica answered reaches the op occs running here
            ops.forcedCancels(claims.active()).forEach(interrupts::interrupt);
        } catch (RuntimeException e) {
            LOG.warnf("renewing the claims on op occs %s failed: %s", claims.active(), e.getMessage());
        }
    }
}
