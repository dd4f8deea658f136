package org.edgemec.applcm.adapters.engine;

import com.github.dockerjava.api.exception.DockerException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import org.edgemec.applcm.domain.engine.EngineException;
import org.edgemec.applcm.domain.engine.EngineTimeoutException;
import org.edgemec.applcm.domain.engine.EngineUnavailableException;

/**
 * Maps docker-java and transport failures to the domain's exceptions, so callers can tell "the
 * host is gone" (relocate elsewhere, retry later) from "the engine refused" (a bug or bad input) and from "the
 * engine took longer than the response timeout" (a read timeout; a connect timeout counts as unreachable).
 */
final class EngineErrors {

    private final String engineName;
    private final URI endpoint;

    EngineErrors(String engineName, URI endpoint) {
        this.engineName = engineName;
        this.endpoint = endpoint;
    }

    EngineException translate(String what, RuntimeException e) {
        if (e instanceof EngineException ee) {
            return ee;
        }
        if (e instanceof DockerException de) {
            return new EngineException(engineName + ": " + what + " failed with " + de.getHttpStatus() + ": "
                    + de.getMessage(), de.getHttpStatus(), de);
        }
        if (readTimedOut(e)) {
            return new EngineTimeoutException(engineName + " at " + endpoint + " timed out (" + what + "): "
                    + rootMessage(e), e);
        }
        if (hasIoCause(e)) {
            return unavailable(what, e);
        }
        return new EngineException(engineName + ": " + what + " failed: " + e, 0, e);
    }

    EngineUnavailableException unavailable(String what, Throwable cause) {
        return new EngineUnavailableException(engineName + " at " + endpoint + " is unreachable (" + what + "): "
                + rootMessage(cause), cause);
    }

    /** A socket read timeout; Apache HttpClient's ConnectTimeoutException (not a SocketTimeoutException) is not. */
    private static boolean readTimedOut(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SocketTimeoutException && !c.getClass().getSimpleName().contains("Connect")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasIoCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
