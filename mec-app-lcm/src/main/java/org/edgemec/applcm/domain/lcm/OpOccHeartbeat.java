package org.edgemec.applcm.domain.lcm;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Renews this replica's claims on the op occs it runs, so a long step (a big image load) keeps its claim. */
@ApplicationScoped
public class OpOccHeartbeat {

    private static final Logger LOG = Logger.getLogger(OpOccHeartbeat.class);

    private final OpOccClaims claims;
    private final LcmOpOccService ops;

    public OpOccHeartbeat(OpOccClaims claims, LcmOpOccService ops) {
        this.claims = claims;
        this.ops = ops;
    }

    @Scheduled(every = "${edgemec.lcm.operation.heartbeat-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renew() {
        try {
            ops.renew(claims.active());
        } catch (RuntimeException e) {
            LOG.warnf("renewing the claims on op occs %s failed: %s", claims.active(), e.getMessage());
        }
    }
}
