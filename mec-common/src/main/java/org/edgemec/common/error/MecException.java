package org.edgemec.common.error;

/**
 * Base of the domain errors. Domain code throws these without knowing HTTP; {@link ProblemStatus} maps each kind to a
 * status code and the REST layer renders an RFC 7807 ProblemDetails.
 */
public abstract class MecException extends RuntimeException {

    protected MecException(String message) {
        super(message);
    }

    protected MecException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Short, human-readable summary of the problem type (ProblemDetails {@code title}). */
    public abstract String title();
}
