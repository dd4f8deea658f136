package org.edgemec.journeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A JSON client for the stack's HTTP APIs; every exchange is written to the {@link Journal}. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    record Answer(String method, String url, int status, String body, HttpResponse<String> raw) {

        JsonNode json() {
            try {
                return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(method + " " + url + " answered no JSON: " + body, e);
            }
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        Answer expect(int wanted) {
            if (status != wanted) {
                throw new AssertionError(method + " " + url + ": expected " + wanted + ", got " + status + ": " + body);
            }
            return this;
        }
    }

    private Http() {
    }

    static Answer get(String url, String auth) {
        return send("GET", url, auth, null, null);
    }

    static Answer post(String url, String auth, Object body) {
        return send("POST", url, auth, "application/json", write(body));
    }

    static Answer put(String url, String auth, Object body) {
        return send("PUT", url, auth, "application/json", write(body));
    }

    static Answer delete(String url, String auth) {
        return send("DELETE", url, auth, null, null);
    }

    static Answer send(String method, String url, String auth, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            Answer a = new Answer(method, url, r.statusCode(), r.body(), r);
            Journal.exchange(a);
            return a;
        } catch (IOException e) {
            Journal.note(method + " " + url + " failed: " + e);
            throw new AssertionError(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static byte[] write(Object body) {
        try {
            return body instanceof byte[] bytes ? bytes : body instanceof String s ? s.getBytes()
                    : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
