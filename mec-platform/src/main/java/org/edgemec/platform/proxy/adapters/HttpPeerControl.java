package org.edgemec.platform.proxy.adapters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.edgemec.platform.config.OperatorConfig;
import org.edgemec.platform.proxy.api.ClientStateBody;
import org.edgemec.platform.proxy.domain.ClientState;
import org.edgemec.platform.proxy.domain.PeerCallException;
import org.edgemec.platform.proxy.domain.PeerControl;
import org.edgemec.platform.proxy.domain.ProxyRef;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls the control API of a peer platform ({@code PUT/DELETE /edge_proxy/v1/proxies/{name}/clients/{id}}).
 * Failures are {@link PeerCallException}s: 503 unreachable, 504 no answer within 5 s, 502 an error answer.
 */
@ApplicationScoped
public class HttpPeerControl implements PeerControl {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json;
    private final OperatorConfig operator;

    public HttpPeerControl(ObjectMapper json, OperatorConfig operator) {
        this.json = json;
        this.operator = operator;
    }

    @Override
    public void putState(ProxyRef proxy, ClientState state) {
        try {
            send(proxy, state.clientId(), HttpRequest.BodyPublishers.ofString(
                    json.writeValueAsString(ClientStateBody.of(state))), "PUT");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void removeState(ProxyRef proxy, String clientId) {
        send(proxy, clientId, HttpRequest.BodyPublishers.noBody(), "DELETE");
    }

    private void send(ProxyRef proxy, String clientId, HttpRequest.BodyPublisher body, String method) {
        String base = proxy.controlUrl().orElseThrow(() -> new PeerCallException(503, proxy.name(),
                "peer proxy " + proxy.name() + " has no control-url configured", null));
        URI uri = URI.create(base + "/edge_proxy/v1/proxies/" + enc(proxy.name()) + "/clients/" + enc(clientId));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).method(method, body)
                .header("Authorization", "Bearer " + operator.token())
                .header("Content-Type", "application/json").build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            boolean gone = method.equals("DELETE") && response.statusCode() == 404;
            if (response.statusCode() / 100 != 2 && !gone) {
                throw new PeerCallException(502, proxy.name(), "peer " + proxy.name() + " answered "
                        + response.statusCode() + " to " + method + " " + uri + ": " + abbreviate(response.body()), null);
            }
        } catch (HttpTimeoutException e) {
            throw new PeerCallException(504, proxy.name(), "peer " + proxy.name() + " at " + base
                    + " did not answer " + method + " within " + TIMEOUT.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new PeerCallException(503, proxy.name(), "peer " + proxy.name() + " unreachable at " + base + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerCallException(503, proxy.name(), "interrupted while calling peer " + proxy.name(), e);
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
