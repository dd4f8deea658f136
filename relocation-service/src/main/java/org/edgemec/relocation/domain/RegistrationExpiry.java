package org.edgemec.relocation.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * The timer of a registration (MEC 021 {@code expiryTime}, seconds since it was registered or last updated): once it
 * runs out the registration is removed, like a deregister_task, with an {@code AmsRegistrationChangedEvent} of cause
 * EXPIRED. Rows are claimed with FOR UPDATE SKIP LOCKED, so replicas never remove one twice.
 */
@ApplicationScoped
public class RegistrationExpiry {

    private static final Logger LOG = Logger.getLogger(RegistrationExpiry.class);
    private static final int BATCH = 100;

    private final AmsRegistrationService registrations;

    public RegistrationExpiry(AmsRegistrationService registrations) {
        this.registrations = registrations;
    }

    @Scheduled(every = "${edgemec.ams.expiry-check-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        int removed = registrations.removeExpired(OffsetDateTime.now(ZoneOffset.UTC), BATCH);
        if (removed > 0) {
            LOG.debugf("%d expired registration(s) removed", removed);
        }
    }
}
