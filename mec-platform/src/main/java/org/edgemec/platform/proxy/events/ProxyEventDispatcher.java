package org.edgemec.platform.proxy.events;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import io.vertx.core.Vertx;
import org.edgemec.platform.proxy.domain.ClientArrived;
import org.jboss.logging.Logger;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes the due rows of {@link ProxyEventOutbox} on Kafka, outside any transaction: a row is SENT once the broker
 * acknowledged it, else retried with backoff. Runs every {@code edgemec.outbox.poll-interval} and right after an
 * arrival was committed. A publication whose ack was lost is repeated with the same event id; the consumers
 * ({@link ClientArrivedListener}) process each id once.
 */
@ApplicationScoped
public class ProxyEventDispatcher {

    private static final Logger LOG = Logger.getLogger(ProxyEventDispatcher.class);

    private final ProxyEventOutbox outbox;
    private final ProxyEventSink sink;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();

    public ProxyEventDispatcher(ProxyEventOutbox outbox, ProxyEventSink sink, Vertx vertx) {
        this.outbox = outbox;
        this.sink = sink;
        this.vertx = vertx;
    }

    @Scheduled(every = "${edgemec.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void publishDueScheduled() {
        publishDue();
    }

    void onArrived(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClientArrived arrived) {
        vertx.executeBlocking(this::publishDue, false)
                .onFailure(e -> LOG.debugf("immediate publication failed, the scheduler retries: %s", e.getMessage()));
    }

    /** Publishes what is due now; returns how many rows were published. One run at a time in this JVM. */
    @ActivateRequestContext
    public int publishDue() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        int sent = 0;
        try {
            for (ProxyEventOutbox.Due row : outbox.claimDue()) {
                try {
                    sink.publish(row.payload()).toCompletableFuture()
                            .get(outbox.attemptTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    outbox.sent(row.id());
                    sent++;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    outbox.failed(row.id(), "interrupted");
                    break;
                } catch (Exception e) {
                    Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null
                            ? e.getCause() : e;
                    outbox.failed(row.id(), cause.getMessage() == null ? cause.getClass().getSimpleName()
                            : cause.getMessage());
                }
            }
        } finally {
            running.set(false);
        }
        return sent;
    }
}
