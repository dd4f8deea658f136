package org.edgemec.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.edgemec.cli.CliException;

/**
 * JSON over HTTP to one service of the stack, with the operator token. Failures become {@link CliException}s that
 * say which service and what to do: unreachable means the stack is not up; an error answer carries its
 * ProblemDetails {@code detail}.
 */
public final class ServiceClient {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final String name;
    private final String baseUrl;
    private final String token;

    public ServiceClient(String name, String baseUrl, String token) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** An answer; {@link #ok()} turns anything but 2xx into a clear error. */
    public record Answer(String service, String method, String path, int status, String body,
                         HttpResponse<byte[]> raw) {

        public JsonNode json() {
            try {
                return body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                throw new CliException(CliException.SERVICE, service + ": " + method + " " + path
                        + " answered no JSON: " + abbreviate(body));
            }
        }

        public Answer ok() {
            if (status / 100 != 2) {
                throw new CliException(CliException.SERVICE, service + ": " + method + " " + path + " answered "
                        + status + ": " + problem(body));
            }
            return this;
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public JsonNode get(String path) {
        return send("GET", path, null, null).ok().json();
    }

    public JsonNode post(String path, Object body) {
        return send("POST", path, "application/json", write(body)).ok().json();
    }

    public Answer send(String method, String path, String contentType, byte[] body) {
        return sendWithHeader(method, path, body, "Content-Type", contentType);
    }

    /** A JSON request with one extra header (e.g. Idempotency-Key); {@code value} null sends none. */
    public Answer sendWithHeader(String method, String path, byte[] body, String header, String value) {
        String contentType = body == null ? null : "application/json";
        if ("Content-Type".equals(header)) {
            contentType = value;
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (value != null && !"Content-Type".equals(header)) {
            b.header(header, value);
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(name, method, path, r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8), r);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new CliException(CliException.SERVICE, name + " (" + baseUrl + ") is not reachable: start the stack "
                    + "with ./mec up (./mec status shows what runs)");
        } catch (IOException e) {
            throw new CliException(CliException.SERVICE, name + " (" + baseUrl + "): " + method + " " + path
                    + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILED, "interrupted");
        }
    }

    /** The ProblemDetails {@code detail} (or {@code title}) of an error body, else the body itself. */
    static String problem(String body) {
        try {
            JsonNode p = JSON.readTree(body);
            if (p != null && p.isObject()) {
                String detail = p.path("detail").asText("");
                return detail.isBlank() ? p.path("title").asText(abbreviate(body)) : detail;
            }
        } catch (IOException notJson) {
            // fall through: not ProblemDetails
        }
        return abbreviate(body);
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.strip().replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "..." : one.isEmpty() ? "(empty body)" : one;
    }

    public static byte[] write(Object body) {
        try {
            return body instanceof byte[] bytes ? bytes : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
