package org.edgemec.applcm.domain.engine;

/** The engine accepted the connection but did not answer within the response timeout. */
public class EngineTimeoutException extends EngineException {

    public EngineTimeoutException(String message, Throwable cause) {
        super(message, 0, cause);
    }
}
