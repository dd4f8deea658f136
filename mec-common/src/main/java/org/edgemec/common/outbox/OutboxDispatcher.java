package org.edgemec.common.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.edgemec.common.callback.CallbackAllowList;
import org.edgemec.common.callback.CallbackAllowList.CallbackRefusedException;
import org.edgemec.common.outbox.OutboxLedger.Due;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Delivers due outbox rows to their callbackReference, outside any transaction, and records each outcome.
 * Failed deliveries are retried with exponential backoff until the row expires (see {@link OutboxLedger}). Before each
 * attempt the callback's host is resolved and checked against {@code edgemec.callbacks.allowed-networks} again, as
 * when the subscription was made: a host that resolves outside them now (DNS rebinding) gets nothing, and the row is
 * given up at once instead of being retried.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);

    private final OutboxLedger ledger;
    private final CallbackSender sender;
    private final CallbackAllowList allowList;

    public OutboxDispatcher(OutboxLedger ledger, CallbackSender sender, CallbackAllowList allowList) {
        this.ledger = ledger;
        this.sender = sender;
        this.allowList = allowList;
    }

    @Scheduled(every = "${edgemec.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deliverDue() {
        List<Due> due = ledger.claimDue();
        for (Due row : due) {
            try {
                allowList.checkDelivery(row.callbackUri());
                sender.post(row.callbackUri(), row.payload());
                ledger.delivered(row.id());
                LOG.debugf("notification %s delivered to %s", row.id(), row.callbackUri());
            } catch (CallbackRefusedException e) {
                ledger.refused(row.id(), describe(e));
            } catch (RuntimeException e) {
                ledger.failed(row.id(), describe(e));
                LOG.debugf("notification %s to %s failed: %s", row.id(), row.callbackUri(), describe(e));
            }
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
