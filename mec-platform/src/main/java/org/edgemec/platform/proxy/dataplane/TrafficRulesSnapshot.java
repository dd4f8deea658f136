package org.edgemec.platform.proxy.dataplane;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.edgemec.platform.domain.rules.ActiveTrafficRules;
import org.jboss.logging.Logger;

/**
 * The ACTIVE traffic rules, compiled, as last read. Re-read on a worker thread (the event loop never waits for them)
 * when {@link ProxyRuntime} reports a change of the tables they come from, and on {@link #refresh()}; changes that
 * arrive while a read runs are folded into one more read after it, so the last change is always read.
 */
final class TrafficRulesSnapshot {

    private static final Logger LOG = Logger.getLogger(TrafficRulesSnapshot.class);

    private final ProxyRuntime runtime;
    private final ActiveTrafficRules source;
    private volatile TrafficRuleMatcher rules = TrafficRuleMatcher.NONE;
    /** The read in progress (null when none) and whether a change came after it started. */
    private Future<Void> reading;
    private Promise<Void> again;

    TrafficRulesSnapshot(ProxyRuntime runtime, ActiveTrafficRules source) {
        this.runtime = runtime;
        this.source = source;
    }

    TrafficRuleMatcher current() {
        return rules;
    }

    /** Reads the rules again; the future completes once a read that started after this call has ended. */
    synchronized Future<Void> refresh() {
        if (reading == null) {
            reading = read();
            return reading;
        }
        if (again == null) {
            again = Promise.promise();
        }
        return again.future();
    }

    private Future<Void> read() {
        return runtime.vertx.executeBlocking(() -> TrafficRuleMatcher.compile(runtime.rules(source)), false)
                .onSuccess(fresh -> rules = fresh)
                .onFailure(e -> LOG.warnf("traffic rules not re-read, keeping the last ones: %s", e.getMessage()))
                .<Void>mapEmpty()
                .recover(e -> Future.succeededFuture())
                .andThen(done -> next());
    }

    private synchronized void next() {
        if (again == null) {
            reading = null;
            return;
        }
        Promise<Void> waiting = again;
        again = null;
        reading = read();
        reading.onComplete(waiting);
    }
}
