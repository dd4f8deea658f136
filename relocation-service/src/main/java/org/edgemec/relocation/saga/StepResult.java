package org.edgemec.relocation.saga;

import java.time.Duration;
import java.util.List;
import org.edgemec.mp1api.common.ProblemDetails;

/** What one run of a step came to; the ledger records it with the relocation. */
public sealed interface StepResult {

    /**
     * The step is done. {@code inTransaction} runs in the transaction that records it (MEC 021 notifications into the
     * outbox), so they exist exactly when the step is recorded done.
     */
    record Done(String detail, List<Runnable> inTransaction) implements StepResult {
    }

    /**
     * Not yet (a move in progress, a context transfer not reported, or {@code retry}: a call failed in a way that may
     * pass): run the step again after delay.
     */
    record Wait(Duration delay, String detail, boolean retry) implements StepResult {
    }

    /** The step failed for good; the saga compensates (or, for COMPENSATE itself, ends FAILED). */
    record Fail(ProblemDetails problem) implements StepResult {
    }

    static Done done(String detail) {
        return new Done(detail, List.of());
    }

    static Done done(String detail, Runnable inTransaction) {
        return new Done(detail, List.of(inTransaction));
    }

    static Wait waitFor(Duration delay, String detail) {
        return new Wait(delay, detail, false);
    }

    static Fail fail(long status, String title, String detail) {
        return new Fail(new ProblemDetails(null, title, status, detail, null));
    }
}
