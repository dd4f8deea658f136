package org.edgemec.applcm.domain.engine;

/** An engine rejected a request or answered something unexpected. */
public class EngineException extends RuntimeException {

    private final int status;

    public EngineException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public EngineException(String message) {
        this(message, 0, null);
    }

    /** The HTTP status of the engine's answer, 0 when there was none. */
    public int status() {
        return status;
    }
}
