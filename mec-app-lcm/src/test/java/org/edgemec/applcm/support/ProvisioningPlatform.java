package org.edgemec.applcm.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.edgemec.mp1api.Json;

/**
 * A provisioning API on a loopback port that keeps what it is given, as mec-platform's
 * {@code /mec_platform_mgmt/v1/app_instances} does: POST stores (409 when the id exists), GET answers the stored body
 * without its identity, {@code credential_handoff} the identity, DELETE removes. It checks only what the LCM's side of
 * the contract needs; the real platform's behaviour is proved by journey-tests/. {@link #refuseNextPost} makes the
 * next POST answer a 400 ProblemDetails, as the platform does for a rule it does not accept.
 */
public final class ProvisioningPlatform implements AutoCloseable {

    private static final String PATH = "/mec_platform_mgmt/v1/app_instances";
    private final ObjectMapper json = Json.newMapper();
    private final HttpServer server;
    private final Map<String, ObjectNode> stored = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> identities = new ConcurrentHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile String refusal;
    private final Map<String, java.time.Duration> slow = new ConcurrentHashMap<>();

    public ProvisioningPlatform() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, this::handle);
        // requests overlap (a slow one and the next), as on the real platform
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Provisions directly, as an earlier instantiation would have: the body and the identity it got. */
    public void provisioned(String body, String identity) {
        try {
            ObjectNode b = (ObjectNode) json.readTree(body);
            stored.put(b.get("appInstanceId").asText(), b);
            identities.put(b.get("appInstanceId").asText(), json.readTree(identity));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode provisioning(String id) {
        return stored.get(id);
    }

    public JsonNode identity(String id) {
        return identities.get(id);
    }

    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** The next request with this method answers only after {@code delay} (a POST is applied before the wait). */
    public void slowNext(String method, java.time.Duration delay) {
        slow.put(method, delay);
    }

    private void pause(String method) {
        java.time.Duration d = slow.remove(method);
        if (d != null) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void refuseNextPost(String detail) {
        refusal = detail;
    }

    private void handle(HttpExchange x) throws IOException {
        String method = x.getRequestMethod();
        String rest = x.getRequestURI().getPath().substring(PATH.length());
        String id = rest.startsWith("/") ? rest.substring(1).split("/")[0] : null;
        byte[] in = x.getRequestBody().readAllBytes();
        calls.add(method + " " + x.getRequestURI());
        if (!"Bearer edgemec-operator-dev-token".equals(x.getRequestHeaders().getFirst("Authorization"))) {
            send(x, 401, "{\"status\":401}");
        } else if ("POST".equals(method) && id == null) {
            ObjectNode body = (ObjectNode) json.readTree(new String(in, StandardCharsets.UTF_8));
            String newId = body.get("appInstanceId").asText();
            String refused = refusal;
            refusal = null;
            if (refused != null) {
                send(x, 400, "{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"" + refused + "\"}");
            } else if (stored.containsKey(newId)) {
                send(x, 409, "{\"status\":409,\"detail\":\"app instance " + newId + " is already provisioned\"}");
            } else {
                JsonNode identity = body.remove("credentials");
                stored.put(newId, body);
                identities.put(newId, identity == null
                        ? json.readTree("{\"clientId\":\"fresh-" + newId + "\",\"clientSecretHash\":\"fresh\","
                        + "\"tokenKeys\":[]}") : identity);
                send(x, 201, "{\"appInstanceId\":\"" + newId + "\",\"clientId\":\""
                        + identities.get(newId).get("clientId").asText() + "\",\"tokenEndpoint\":\"" + url()
                        + "/mec_platform_mgmt/v1/oauth/token\"" + (identity == null ? ",\"clientSecret\":\"s\"" : "")
                        + "}");
            }
        } else if ("GET".equals(method) && id != null && rest.endsWith("/credential_handoff")) {
            JsonNode identity = stored.containsKey(id) ? identities.get(id) : null;
            send(x, identity == null ? 404 : 200, identity == null ? "{\"status\":404}" : identity.toString());
        } else if ("GET".equals(method) && id != null) {
            ObjectNode body = stored.get(id);
            send(x, body == null ? 404 : 200, body == null ? "{\"status\":404}" : body.toString());
        } else if ("DELETE".equals(method) && id != null) {
            boolean had = stored.remove(id) != null;
            identities.remove(id);
            send(x, had ? 204 : 404, had ? "" : "{\"status\":404}");
        } else {
            send(x, 405, "{\"status\":405}");
        }
    }

    private void send(HttpExchange x, int status, String body) throws IOException {
        pause(x.getRequestMethod());
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        x.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            x.getResponseBody().write(out);
        }
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
