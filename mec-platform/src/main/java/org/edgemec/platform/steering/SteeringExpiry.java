package org.edgemec.platform.steering;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Ends the steerings whose expiresAt passed, every {@code edgemec.steering.expiry-check-interval} (1 s). Rows are
 * claimed with FOR UPDATE SKIP LOCKED, so replicas sharing the schema never revert one twice. (A DNS steering stops
 * being answered at expiresAt already; the job reverts the proxy and removes the row.)
 */
@ApplicationScoped
public class SteeringExpiry {

    private static final int BATCH = 50;

    private final SteeringService steerings;

    public SteeringExpiry(SteeringService steerings) {
        this.steerings = steerings;
    }

    @Scheduled(every = "${edgemec.steering.expiry-check-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        while (steerings.removeExpired(OffsetDateTime.now(ZoneOffset.UTC), BATCH) == BATCH) {
            // a full batch: there may be more
        }
    }
}
