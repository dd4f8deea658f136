package org.edgemec.applcm.domain.lcm;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A FORCED cancel stops the remote call an op occ is waiting for (engine, mec-platform) instead of waiting for the next
 * step boundary: the runner's thread is interrupted, but only while it is inside such a call, never in a database
 * transaction, and the interrupt never outlives the call (cleared under the same lock it is raised under).
 */
@ApplicationScoped
public class OpOccInterrupts {

    private final Object lock = new Object();
    private final Map<String, Thread> inCall = new ConcurrentHashMap<>();
    private final Set<String> forced = ConcurrentHashMap.newKeySet();

    /** Runs a remote call of op occ {@code opId} that a FORCED cancel may interrupt. */
    public <T> T call(String opId, Supplier<T> work) {
        if (forced.contains(opId)) {
            throw new LcmOperationRunner.Cancelled();
        }
        synchronized (lock) {
            inCall.put(opId, Thread.currentThread());
        }
        try {
            return work.get();
        } finally {
            synchronized (lock) {
                inCall.remove(opId);
                Thread.interrupted(); // a cancel meant for this call must not hit the next database write
            }
        }
    }

    public void run(String opId, Runnable work) {
        call(opId, () -> {
            work.run();
            return null;
        });
    }

    /** FORCED cancel of {@code opId}, if this process runs it: its current remote call is interrupted, no new one starts. */
    public void interrupt(String opId) {
        forced.add(opId);
        synchronized (lock) {
            Thread t = inCall.get(opId);
            if (t != null) {
                t.interrupt();
            }
        }
    }

    public boolean forced(String opId) {
        return forced.contains(opId);
    }

    void done(String opId) {
        forced.remove(opId);
    }
}
