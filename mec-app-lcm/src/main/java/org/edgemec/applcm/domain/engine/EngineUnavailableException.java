package org.edgemec.applcm.domain.engine;

/** The engine's endpoint could not be reached at all (no socket, connection refused, timeout). */
public class EngineUnavailableException extends EngineException {

    public EngineUnavailableException(String message, Throwable cause) {
        super(message, 0, cause);
    }
}
