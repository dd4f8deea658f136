package org.edgemec.applcm.domain.provision;

import org.edgemec.mp1api.common.ProblemDetails;

/**
 * A host's mec-platform could not do a provisioning call. {@link #problem()} is the platform's own ProblemDetails
 * (its status and detail), or a 503 naming the platform when it did not answer, so the op occ can show it.
 */
public class ProvisioningFailedException extends RuntimeException {

    private final transient ProblemDetails problem;

    public ProvisioningFailedException(String message, ProblemDetails problem) {
        super(message);
        this.problem = problem;
    }

    public ProblemDetails problem() {
        return problem;
    }

    /** The platform answered 4xx: repeating the same call would not help. */
    public static class Rejected extends ProvisioningFailedException {
        public Rejected(String message, ProblemDetails problem) {
            super(message, problem);
        }
    }
}
