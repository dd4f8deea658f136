package org.edgemec.applcm.adapters.engine;

import com.github.dockerjava.api.exception.DockerException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import javax.net.ssl.SSLException;
import org.edgemec.applcm.domain.engine.EngineException;
import org.edgemec.applcm.domain.engine.EngineTimeoutException;
import org.edgemec.applcm.domain.engine.EngineUnavailableException;

/**
 * Maps docker-java and transport failures to the domain's exceptions, so callers can tell "the
 * host is gone" (relocate elsewhere, retry later) from "the engine refused" (a bug or bad input) and from "the
 * engine took longer than the response timeout" (a read timeout; a connect timeout counts as unreachable). A TLS
 * failure counts as unreachable too, with its own message: the engine answers nothing this client can use.
 */
final class EngineErrors {

    private final String engineName;
    private final URI endpoint;
    private final boolean tls;

    EngineErrors(String engineName, URI endpoint, boolean tls) {
        this.engineName = engineName;
        this.endpoint = endpoint;
        this.tls = tls;
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
        if (tlsFailed(e)) {
            return new EngineUnavailableException(engineName + " at " + endpoint + ": TLS failed (" + what + "): "
                    + rootMessage(e) + "; the engine's certificate must be signed by the CA configured for this host"
                    + " and name the endpoint's host, and the engine must accept the client certificate", e);
        }
        if (tls && closedByPeer(e)) {
            // TLS 1.3 completes the client's side of the handshake before the server checks the client certificate;
            // a server that refuses it then closes, and the request write or read sees only the closed socket.
            return new EngineUnavailableException(engineName + " at " + endpoint + ": TLS connection closed by the "
                    + "engine (" + what + "): " + rootMessage(e) + "; an engine that refuses the client certificate "
                    + "(not signed by a CA it trusts) closes it so", e);
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

    /** A failed handshake or a TLS alert, e.g. the engine refused the client certificate (an IOException too). */
    private static boolean tlsFailed(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    /** The peer closed or reset an established connection (not a refused or unroutable connect). */
    private static boolean closedByPeer(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof NoRouteToHostException) {
                return false;
            }
            if (c instanceof SocketException || c instanceof EOFException
                    || c.getClass().getSimpleName().equals("NoHttpResponseException")) {
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
