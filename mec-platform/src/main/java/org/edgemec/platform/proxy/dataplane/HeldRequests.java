package org.edgemec.platform.proxy.dataplane;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.edgemec.platform.proxy.domain.Hold;
import org.edgemec.platform.proxy.domain.HoldService;
import org.edgemec.platform.proxy.domain.HoldsReleased;
import org.jboss.logging.Logger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests waiting under a hold, for every proxy of this JVM: one FIFO queue per service host of parked
 * continuations (a promise, the request's Vert.x context and a maxWait timer). Nothing blocks an event loop: a parked
 * request is resumed on its own context when its hold is released or its maxWait passes. Released requests are
 * resumed one after the other, each once the previous one's backend has answered, so they arrive there in order.
 */
@ApplicationScoped
public class HeldRequests {

    private static final Logger LOG = Logger.getLogger(HeldRequests.class);

    /** How a parked request left the queue. */
    public enum Outcome { RELEASED, WAIT_EXPIRED }

    /** What to do with a request now. */
    public sealed interface Admission permits Proceed, Overflow, Parked {
    }

    public record Proceed() implements Admission {
    }

    /** The hold has maxRequests waiting already: 503 at once. */
    public record Overflow(Hold hold) implements Admission {
    }

    /**
     * A parked request. Once it has left the queue, the data plane calls {@code dispatched} when its backend has
     * answered (or it was answered otherwise): the next request released with it goes only then, so released
     * requests reach their backends in arrival order.
     */
    public record Parked(Hold hold, Future<Outcome> outcome, Runnable dispatched) implements Admission {
    }

    /**
     * A released request that has not signalled its dispatch by then no longer keeps the next one waiting. Only a lost
     * signal should reach it: at 1 s a dispatch slowed by a loaded machine let the next request overtake it.
     */
    private static final long DISPATCH_GRACE_MILLIS = 5000;

    private static final Proceed PROCEED = new Proceed();

    private final class Waiter {
        final String serviceHost;
        final Promise<Outcome> promise = Promise.promise();
        final Context context;
        final AtomicInteger counter;
        volatile long timer = -1;
        volatile Runnable next;

        Waiter(String serviceHost, Context context, AtomicInteger counter) {
            this.serviceHost = serviceHost;
            this.context = context;
            this.counter = counter;
        }

        void leave(Outcome outcome) {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            counter.decrementAndGet();
            context.runOnContext(v -> promise.tryComplete(outcome));
        }
    }

    private final HoldService holds;
    private final Vertx vertx;
    private final Map<String, Deque<Waiter>> queues = new ConcurrentHashMap<>();

    public HeldRequests(HoldService holds, Vertx vertx) {
        this.holds = holds;
        this.vertx = vertx;
    }

    /** Called on the request's event loop: proceed, refuse (overflow) or park the request for {@code serviceHost}. */
    public Admission admit(String serviceHost) {
        if (!holds.any()) {
            return PROCEED;
        }
        Deque<Waiter> queue = queues.computeIfAbsent(serviceHost, k -> new ArrayDeque<>());
        Waiter waiter;
        Hold hold;
        synchronized (queue) {
            // checked under the queue's lock: a release drains after removing the hold, so no waiter is left behind
            hold = holds.governing(serviceHost).orElse(null);
            if (hold == null) {
                return PROCEED;
            }
            AtomicInteger counter = holds.waiting(hold.id());
            if (counter.get() >= hold.maxRequests()) {
                return new Overflow(hold);
            }
            counter.incrementAndGet();
            waiter = new Waiter(serviceHost, vertx.getOrCreateContext(), counter);
            queue.addLast(waiter);
        }
        waiter.timer = vertx.setTimer(hold.maxWait().toMillis(), id -> {
            if (remove(waiter)) {
                waiter.timer = -1;
                LOG.debugf("request for %s waited %s under hold %s: forwarded as the state says now", serviceHost,
                        hold.maxWait(), hold.id());
                waiter.leave(Outcome.WAIT_EXPIRED);
            }
        });
        return new Parked(hold, waiter.promise.future(), () -> {
            Runnable next = waiter.next;
            if (next != null) {
                next.run();
            }
        });
    }

    /** Resumes, in arrival order, the requests of hosts that no hold governs any more. */
    void onReleased(@Observes HoldsReleased released) {
        for (String host : released.serviceHosts()) {
            Deque<Waiter> queue = queues.get(host);
            if (queue == null) {
                continue;
            }
            List<Waiter> resumed;
            synchronized (queue) {
                if (holds.governing(host).isPresent()) {
                    continue;
                }
                resumed = new ArrayList<>(queue);
                queue.clear();
            }
            if (!resumed.isEmpty()) {
                LOG.infof("%d request(s) for %s resumed", resumed.size(), host);
            }
            resumeFrom(resumed, 0);
        }
    }

    /** Resumes {@code waiters[i]}, and the next one once it was dispatched (or after a grace time). */
    private void resumeFrom(List<Waiter> waiters, int i) {
        if (i >= waiters.size()) {
            return;
        }
        Waiter w = waiters.get(i);
        java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
        long grace = vertx.setTimer(DISPATCH_GRACE_MILLIS, t -> {
            if (once.compareAndSet(false, true)) {
                resumeFrom(waiters, i + 1);
            }
        });
        w.next = () -> {
            if (once.compareAndSet(false, true)) {
                vertx.cancelTimer(grace);
                resumeFrom(waiters, i + 1);
            }
        };
        w.leave(Outcome.RELEASED);
    }

    /** How many requests wait for {@code serviceHost} at this moment. */
    public int waiting(String serviceHost) {
        Deque<Waiter> queue = queues.get(serviceHost);
        if (queue == null) {
            return 0;
        }
        synchronized (queue) {
            return queue.size();
        }
    }

    private boolean remove(Waiter waiter) {
        Deque<Waiter> queue = queues.get(waiter.serviceHost);
        synchronized (queue) {
            return queue.remove(waiter);
        }
    }
}
