package org.edgemec.applcm.adapters.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.edgemec.applcm.domain.engine.EngineException;

/**
 * Raw requests for the endpoints docker-java has no command for (checkpoint/restore), sent
 * through the same {@link DockerHttpClient} so unix sockets, TLS (the client certificate, the server checked
 * against the host's CA) and timeouts behave alike. Bodies are streamed both ways: archives are never held in memory.
 * Podman's archive calls, which move whole checkpoints, go through {@link ArchiveTransport} instead when the engine is
 * reached without TLS.
 */
final class RawApi {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_BODY = 8192;

    private final DockerHttpClient http;
    private final String engineName;
    private final EngineErrors errors;

    RawApi(DockerHttpClient http, String engineName, EngineErrors errors) {
        this.http = http;
        this.engineName = engineName;
        this.errors = errors;
    }

    /**
     * Sends a request and returns the open response when the status is 2xx; the caller closes
     * it. Error answers become {@link EngineException} carrying the engine's own message.
     */
    Response send(String method, String path, String contentType, InputStream body) {
        Request.Builder builder = Request.builder().method(method).path(path);
        if (body != null) {
            builder.body(body).putHeader("Content-Type", contentType);
        }
        Response response;
        try {
            response = http.execute(builder.build());
        } catch (RuntimeException e) {
            throw errors.translate(method + " " + path, e);
        }
        int status = response.getStatusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        String message = errorMessage(response);
        response.close();
        throw new EngineException(engineName + ": " + method + " " + path + " answered " + status + ": " + message,
                status, null);
    }

    /** Sends a request and returns the whole (small) answer body as text. */
    String sendForText(String method, String path, String contentType, InputStream body) {
        try (Response response = send(method, path, contentType, body)) {
            InputStream in = response.getBody();
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EngineException(engineName + ": reading the answer to " + method + " " + path + " failed", 0, e);
        }
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Engines answer errors as JSON {"message": ...} (Podman adds "cause"); fall back to the text. */
    private static String errorMessage(Response response) {
        try (InputStream in = response.getBody()) {
            if (in == null) {
                return "(no body)";
            }
            return messageOf(new String(in.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8).trim());
        } catch (IOException e) {
            return "(unreadable body: " + e.getMessage() + ")";
        }
    }

    /** The "message" of a JSON error body, else the text as it is. */
    static String messageOf(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node != null && node.hasNonNull("message")) {
                return node.get("message").asText();
            }
        } catch (IOException notJson) {
            // plain-text error body: return it as is
        }
        return text;
    }

    /** {@code body}, running {@code atEnd} once when its last byte has been read (it has then been sent). */
    static InputStream onEnd(InputStream body, Runnable atEnd) {
        return new FilterInputStream(body) {
            private boolean ended;

            @Override
            public int read() throws IOException {
                return ended(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return ended(super.read(b, off, len));
            }

            private int ended(int n) {
                if (n < 0 && !ended) {
                    ended = true;
                    atEnd.run();
                }
                return n;
            }
        };
    }

    /** Streams a response body and releases the HTTP connection when the caller closes it. */
    static InputStream bodyOf(Response response) {
        InputStream body = response.getBody();
        return new FilterInputStream(body == null ? InputStream.nullInputStream() : body) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    response.close();
                }
            }
        };
    }
}
