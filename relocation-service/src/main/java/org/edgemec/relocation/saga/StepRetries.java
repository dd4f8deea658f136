package org.edgemec.relocation.saga;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.edgemec.relocation.config.RelocationConfig;
import org.edgemec.relocation.saga.ports.RemoteCallFailed;

/** When a step retries a failed call: only what may pass (unreachable, 5xx), a bounded number of times, backing off. */
@ApplicationScoped
public class StepRetries {

    private static final Duration MAX_DELAY = Duration.ofSeconds(10);

    private final RelocationConfig config;

    public StepRetries(RelocationConfig config) {
        this.config = config;
    }

    public StepResult retryOrFail(RelocationRun run, RemoteCallFailed e) {
        return canRetry(run, e) ? StepResult.waitFor(backoff(run.attempts()), "retrying: " + e.getMessage())
                : new StepResult.Fail(e.problem());
    }

    public boolean canRetry(RelocationRun run, RemoteCallFailed e) {
        return e.retryable() && run.attempts() + 1 < config.maxStepAttempts();
    }

    public Duration backoff(int attempts) {
        Duration d = config.retryBackoff().multipliedBy(1L << Math.min(Math.max(attempts, 0), 10));
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }
}
