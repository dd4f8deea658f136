package org.edgemec.platform.proxy.dataplane;

import io.vertx.core.Future;
import org.edgemec.platform.domain.rules.ActiveTrafficRules;
import org.jboss.logging.Logger;

import java.util.List;

/** The ACTIVE traffic rules as last read; re-read on a worker thread so that the event loop never waits for them. */
final class TrafficRulesSnapshot {

    private static final Logger LOG = Logger.getLogger(TrafficRulesSnapshot.class);
    private static final long REFRESH_MILLIS = 1000;

    private final ProxyRuntime runtime;
    private final ActiveTrafficRules source;
    private volatile List<ActiveTrafficRules.Rule> rules = List.of();

    TrafficRulesSnapshot(ProxyRuntime runtime, ActiveTrafficRules source) {
        this.runtime = runtime;
        this.source = source;
    }

    List<ActiveTrafficRules.Rule> current() {
        return rules;
    }

    long refreshMillis() {
        return REFRESH_MILLIS;
    }

    Future<Void> refresh() {
        return runtime.vertx.executeBlocking(() -> runtime.rules(source), false)
                .onSuccess(fresh -> rules = List.copyOf(fresh))
                .onFailure(e -> LOG.warnf("traffic rules not refreshed, keeping the last ones: %s", e.getMessage()))
                .<Void>mapEmpty()
                .recover(e -> Future.succeededFuture());
    }
}
