package org.edgemec.applcm.domain.relocate;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Renews this replica's claims on the moves it works on, so a long phase (a big image copy) keeps its claim. */
@ApplicationScoped
public class MoveHeartbeat {

    private static final Logger LOG = Logger.getLogger(MoveHeartbeat.class);

    private final MoveClaims claims;
    private final MoveLedger ledger;

    public MoveHeartbeat(MoveClaims claims, MoveLedger ledger) {
        this.claims = claims;
        this.ledger = ledger;
    }

    @Scheduled(every = "${edgemec.lcm.move.heartbeat-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renew() {
        try {
            ledger.renew(claims.active());
        } catch (RuntimeException e) {
            LOG.warnf("renewing the claims on moves %s failed: %s", claims.active(), e.getMessage());
        }
    }
}
