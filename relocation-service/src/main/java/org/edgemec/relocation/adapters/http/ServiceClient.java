package org.edgemec.relocation.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.edgemec.mp1api.common.ProblemDetails;
import org.edgemec.relocation.config.OperatorConfig;
import org.edgemec.relocation.saga.ports.RemoteCallFailed;

/**
 * JSON over HTTP to the other services of the MEC system, with the operator token. Answers of any status come back
 * to the caller; only a service that cannot be reached or does not answer in time throws ({@link RemoteCallFailed},
 * retryable, 503 or 504 naming the URI).
 */
@ApplicationScoped
public class ServiceClient {

    /** One answer: its status and its JSON body (MissingNode when empty or not JSON). */
    public record Answer(int status, JsonNode body, URI uri) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The answer as the failure of the call: the service's ProblemDetails, or one made from the status. */
        public RemoteCallFailed failure(String what) {
            String detail = body.hasNonNull("detail") ? body.path("detail").asText()
                    : body.hasNonNull("title") ? body.path("title").asText() : "status " + status;
            boolean retryable = status >= 500 && status != 501 || status == 429;
            return new RemoteCallFailed(new ProblemDetails(null, what + " failed", (long) status,
                    what + ": " + uri + " answered " + status + ": " + detail, null), retryable);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json;
    private final OperatorConfig operator;

    public ServiceClient(ObjectMapper json, OperatorConfig operator) {
        this.json = json;
        this.operator = operator;
    }

    public Answer get(URI uri) {
        return send(base(uri).GET(), uri);
    }

    public Answer post(URI uri, Object body) {
        return send(base(uri).POST(publisher(body)).header("Content-Type", "application/json"), uri);
    }

    public Answer put(URI uri, Object body) {
        return send(base(uri).PUT(publisher(body)).header("Content-Type", "application/json"), uri);
    }

    public Answer delete(URI uri) {
        return send(base(uri).DELETE(), uri);
    }

    private HttpRequest.Builder base(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Accept", "application/json")
                .header("Authorization", "Bearer " + operator.token());
    }

    private HttpRequest.BodyPublisher publisher(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        try {
            return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException("request body not serialisable", e);
        }
    }

    private Answer send(HttpRequest.Builder request, URI uri) {
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(answer.statusCode(), parse(answer.body()), uri);
        } catch (HttpTimeoutException e) {
            throw unreachable(uri, 504, "did not answer in time");
        } catch (IOException e) {
            throw unreachable(uri, 503, "could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(uri, 503, "interrupted");
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static RemoteCallFailed unreachable(URI uri, int status, String why) {
        return new RemoteCallFailed(new ProblemDetails(null, status == 504 ? "Gateway timeout" : "Service unavailable",
                (long) status, uri.getScheme() + "://" + uri.getAuthority() + " " + why + " (" + uri.getPath() + ")",
                null), true);
    }
}
