package org.edgemec.relocation.saga.ports;

import org.edgemec.mp1api.common.ProblemDetails;

/**
 * Another service of the MEC system (mec-app-lcm, a host's mec-platform) did not do what a saga step asked.
 * {@code retryable}: it did not answer, timed out or was unavailable (5xx other than 501), so the same call may
 * succeed later; otherwise it refused (4xx) and retrying changes nothing.
 */
public class RemoteCallFailed extends RuntimeException {

    private final transient ProblemDetails problem;
    private final boolean retryable;

    public RemoteCallFailed(ProblemDetails problem, boolean retryable) {
        super(problem.detail());
        this.problem = problem;
        this.retryable = retryable;
    }

    public ProblemDetails problem() {
        return problem;
    }

    public boolean retryable() {
        return retryable;
    }

    public long status() {
        return problem.status() == null ? 502 : problem.status();
    }
}
