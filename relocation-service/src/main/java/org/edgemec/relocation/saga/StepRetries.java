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

    /** A retry (counted in the context's consecutive failures, reset by any other result) or the failure. */
    public StepResult retryOrFail(SagaContext ctx, RemoteCallFailed e) {
        return canRetry(ctx, e) ? retry(ctx, "retrying: " + e.getMessage()) : new StepResult.Fail(e.problem());
    }

    public boolean canRetry(SagaContext ctx, RemoteCallFailed e) {
        return e.retryable() && ctx.consecutiveFailures + 1 < config.maxStepAttempts();
    }

    /**
     * Compensation retries what may pass twice as often as a forward step; a call that keeps failing the same way
     * (for example a rollback the engine refuses every time) ends it instead of retrying for ever.
     */
    public boolean canRetryCompensation(SagaContext ctx, RemoteCallFailed e) {
        return e.retryable() && ctx.consecutiveFailures + 1 < 2 * config.maxStepAttempts();
    }

    /** A retry, counted in the context's consecutive failures, backing off like the others. */
    public StepResult.Wait retry(SagaContext ctx, String detail) {
        return new StepResult.Wait(backoff(ctx.consecutiveFailures), detail, true);
    }

    public Duration backoff(int attempts) {
        Duration d = config.retryBackoff().multipliedBy(1L << Math.min(Math.max(attempts, 0), 10));
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }
}
