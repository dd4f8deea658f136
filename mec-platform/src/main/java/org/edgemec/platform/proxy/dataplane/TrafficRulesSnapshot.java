package org.edgemec.platform.proxy.dataplane;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.edgemec.platform.domain.rules.ActiveTrafficRules;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The ACTIVE traffic rules, compiled, as last read. Re-read off the event loop (on {@link ProxyRuntime}'s rule
 * reader thread, so the event loop never waits for them) when the tables they come from change and on
 * {@link #refresh()}. Calls that arrive while a read runs are served by one more read after it, so the last change is
 * always read. Plain promises and an executor of its own: a read never depends on a Vert.x context that may be gone.
 */
final class TrafficRulesSnapshot {

    private static final Logger LOG = Logger.getLogger(TrafficRulesSnapshot.class);

    private final ProxyRuntime runtime;
    private final ActiveTrafficRules source;
    private final Executor reader;
    private volatile TrafficRuleMatcher rules = TrafficRuleMatcher.NONE;
    private boolean reading;
    /** The callers waiting for a read that starts after their call. */
    private List<Promise<Void>> waiting = new ArrayList<>();

    TrafficRulesSnapshot(ProxyRuntime runtime, ActiveTrafficRules source, Executor reader) {
        this.runtime = runtime;
        this.source = source;
        this.reader = reader;
    }

    TrafficRuleMatcher current() {
        return rules;
    }

    /** Reads the rules again; the future completes once a read that started after this call has ended. */
    Future<Void> refresh() {
        Promise<Void> done = Promise.promise();
        boolean start;
        synchronized (this) {
            waiting.add(done);
            start = !reading;
            reading = true;
        }
        if (start) {
            reader.execute(this::readWhileAsked);
        }
        return done.future();
    }

    private void readWhileAsked() {
        while (true) {
            List<Promise<Void>> served;
            synchronized (this) {
                if (waiting.isEmpty()) {
                    reading = false;
                    return;
                }
                served = waiting;
                waiting = new ArrayList<>();
            }
            try {
                rules = TrafficRuleMatcher.compile(runtime.rules(source));
            } catch (RuntimeException e) {
                LOG.warnf("traffic rules not re-read, keeping the last ones: %s", e.getMessage());
            }
            served.forEach(Promise::tryComplete);
        }
    }
}
