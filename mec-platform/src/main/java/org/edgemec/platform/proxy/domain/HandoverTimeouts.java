package org.edgemec.platform.proxy.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Ends PENDING handovers older than {@code edgemec.proxy.handover-timeout} (TIMED_OUT), see {@link HandoverLedger#timeOut}. */
@ApplicationScoped
public class HandoverTimeouts {

    private final HandoverService handovers;

    public HandoverTimeouts(HandoverService handovers) {
        this.handovers = handovers;
    }

    @Scheduled(every = "${edgemec.proxy.handover-check-every:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void timeOutOverdue() {
        while (handovers.timeOutOverdue() >= 50) {
            // a full batch: there may be more
        }
    }
}
