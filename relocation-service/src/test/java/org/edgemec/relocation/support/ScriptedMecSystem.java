package org.edgemec.relocation.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scripted stand-in for mec-app-lcm and two hosts' mec-platforms, for the unit tests of the saga engine (claiming,
 * step records, compensation, cancel, resume): the answers follow the documented contracts of those APIs and every
 * call is logged. The saga against the real services is proved by journey-tests.
 */
public final class ScriptedMecSystem implements QuarkusTestResourceLifecycleManager {

    public static final String TARGET_IP = "10.88.7.7";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MOVE_START = Pattern.compile("/app_lcm_ext/v1/app_instances/([^/]+)/checkpoint_restore");
    private static final Pattern MOVE = Pattern.compile("/app_lcm_ext/v1/app_moves/([^/]+)(/commit|/rollback)?");
    private static final Pattern INSTANCE = Pattern.compile("/app_lcm/v1/app_instances/([^/]+)");
    private static final Pattern PLATFORM = Pattern.compile("/(edge\\d)(/.*)");
    private static final Pattern PLATFORM_INSTANCE = Pattern.compile("/mec_platform_mgmt/v1/app_instances/([^/]+)(/steering)?");

    private static HttpServer server;
    private static String url;

    /** instance id -> {appDId, host, started} */
    public static final Map<String, String[]> INSTANCES = new ConcurrentHashMap<>();
    /** move id -> state */
    public static final Map<String, ObjectNode> MOVES = new ConcurrentHashMap<>();
    /** instance ids whose move fails after DUMPED (mec-app-lcm restored the source) */
    public static final List<String> FAILING_MOVES = new CopyOnWriteArrayList<>();
    /** instance ids whose move stays PROCESSING until released */
    public static final List<String> HELD_MOVES = new CopyOnWriteArrayList<>();
    /** instance ids whose source platform goes down as soon as their move is committed */
    public static final List<String> SOURCE_DOWN_AFTER_COMMIT = new CopyOnWriteArrayList<>();
    /** instance ids whose rollback mec-app-lcm refuses every time (502, the target resumed) */
    public static final List<String> FAILING_ROLLBACKS = new CopyOnWriteArrayList<>();
    /** hosts whose platform answers 503 */
    public static final List<String> PLATFORMS_DOWN = new CopyOnWriteArrayList<>();
    /** clients at the edge1 proxy: clientId -> backend of service counter.example */
    public static final Map<String, String> CLIENTS = new ConcurrentHashMap<>();
    public static final List<String> CALLS = new CopyOnWriteArrayList<>();
    /**
     * Calls ("PUT /edge1/...", matched with or without a query) whose first arrival waits, unanswered, until the prefix is removed (at most 20 s):
     * the saga's worker is then inside that step's remote call.
     */
    public static final List<String> HELD_CALLS = new CopyOnWriteArrayList<>();
    /** The held calls that have arrived. */
    public static final List<String> ARRIVED_HELD_CALLS = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", ScriptedMecSystem::handle);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("edgemec.lcm.url", url, "edgemec.relocation.zones.zone-b.latitude", "48.1",
                "edgemec.relocation.zones.zone-b.longitude", "11.6", "edgemec.relocation.zones.zone-a.latitude",
                "52.5", "edgemec.relocation.zones.zone-a.longitude", "13.4");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Calls whose "METHOD path" line mentions {@code fragment}. */
    public static List<String> calls(String fragment) {
        return CALLS.stream().filter(c -> c.contains(fragment)).toList();
    }

    public static void instance(String id, String appDId, String host) {
        INSTANCES.put(id, new String[] {appDId, host, "true"});
    }

    public static String sourceIp(String id) {
        return "10.88.1." + (Math.abs(id.hashCode()) % 200 + 1);
    }

    private static void holdWhileListed(String call) {
        String held = HELD_CALLS.stream().filter(h -> call.equals(h) || call.startsWith(h + "?")).findFirst().orElse(null);
        if (held == null || ARRIVED_HELD_CALLS.contains(held)) {
            return;
        }
        ARRIVED_HELD_CALLS.add(held);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (HELD_CALLS.contains(held) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void handle(HttpExchange x) throws IOException {
        String method = x.getRequestMethod();
        String path = x.getRequestURI().getPath();
        String query = x.getRequestURI().getRawQuery();
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String call = method + " " + path + (query == null ? "" : "?" + query);
        CALLS.add(call + (body.isEmpty() ? "" : " " + body));
        holdWhileListed(call);
        try {
            Matcher m;
            if (path.equals("/app_lcm_ext/v1/mec_hosts")) {
                send(x, 200, hosts());
            } else if (path.equals("/app_lcm/v1/app_instances")) {
                ArrayNode all = JSON.createArrayNode();
                INSTANCES.keySet().forEach(id -> all.add(instanceJson(id)));
                send(x, 200, all);
            } else if ((m = INSTANCE.matcher(path)).matches()) {
                send(x, INSTANCES.containsKey(m.group(1)) ? 200 : 404, INSTANCES.containsKey(m.group(1))
                        ? instanceJson(m.group(1)) : problem(404, "no such app instance"));
            } else if ((m = MOVE_START.matcher(path)).matches() && method.equals("POST")) {
                startMove(x, m.group(1), JSON.readTree(body));
            } else if ((m = MOVE.matcher(path)).matches()) {
                move(x, m.group(1), m.group(2));
            } else if ((m = PLATFORM.matcher(path)).matches()) {
                platform(x, method, m.group(1), m.group(2), query, body);
            } else {
                send(x, 404, problem(404, "not scripted: " + method + " " + path));
            }
        } catch (RuntimeException e) {
            send(x, 500, problem(500, e.toString()));
        }
    }

    private static ArrayNode hosts() {
        ArrayNode a = JSON.createArrayNode();
        a.add(host("edge1", "zone-a", url + "/edge1", 4));
        a.add(host("edge2", "zone-b", url + "/edge2", 4));
        a.add(host("edge3", "zone-b", null, 1));
        return a;
    }

    private static ObjectNode host(String name, String zone, String platform, int cpu) {
        ObjectNode h = JSON.createObjectNode().put("name", name).put("zone", zone).put("capacityCpu", cpu)
                .put("capacityMemoryMb", 4096);
        if (platform != null) {
            h.put("platformUrl", platform);
        }
        return h;
    }

    private static ObjectNode instanceJson(String id) {
        String[] i = INSTANCES.get(id);
        ObjectNode n = JSON.createObjectNode().put("id", id).put("appDId", i[0])
                .put("instantiationState", "INSTANTIATED");
        ObjectNode state = n.putObject("instantiatedAppState").put("operationalState",
                "true".equals(i[2]) ? "STARTED" : "STOPPED");
        state.putArray("mcioInfo").addObject().put("mcioNamespace", i[1]);
        return n;
    }

    private static void startMove(HttpExchange x, String instanceId, JsonNode req) throws IOException {
        String moveId = req.path("moveId").asText();
        ObjectNode existing = MOVES.get(moveId);
        if (existing != null) {
            send(x, 202, existing);
            return;
        }
        if (!"MANUAL".equals(req.path("commit").asText())) {
            send(x, 400, problem(400, "the saga must ask for commit MANUAL"));
            return;
        }
        ObjectNode mv = JSON.createObjectNode().put("moveId", moveId).put("appInstanceId", instanceId)
                .put("sourceHost", INSTANCES.get(instanceId)[1]).put("targetHost", req.path("targetHost").asText())
                .put("mode", req.path("mode").asText()).put("state", "PROCESSING").put("phase", "STARTED");
        mv.putObject("sourceEndpoint").put("host", sourceIp(instanceId)).put("port", 8080);
        MOVES.put(moveId, mv);
        send(x, 202, mv);
    }

    private static void move(HttpExchange x, String moveId, String action) throws IOException {
        ObjectNode mv = MOVES.get(moveId);
        if (mv == null) {
            send(x, 404, problem(404, "no move " + moveId));
            return;
        }
        String instanceId = mv.path("appInstanceId").asText();
        String state = mv.path("state").asText();
        if (action == null) {
            if (state.equals("PROCESSING") && !HELD_MOVES.contains(instanceId)) {
                if (FAILING_MOVES.contains(instanceId)) {
                    mv.put("state", "FAILED").put("phase", "ROLLED_BACK");
                    mv.putObject("error").put("title", "Bad Gateway").put("status", 502)
                            .put("detail", "engine of edge2 refused the restore");
                } else {
                    mv.put("state", "AWAITING_COMMIT").put("phase", "RESTORED");
                    mv.putObject("targetEndpoint").put("host", TARGET_IP).put("port", 8080);
                    mv.putObject("timings").put("freezeDumpMs", 120).put("transferRestoreMs", 340)
                            .put("firstResponseMs", 610);
                }
            }
            send(x, 200, mv);
        } else if (action.equals("/commit")) {
            if (!state.equals("AWAITING_COMMIT") && !state.equals("COMMITTED")) {
                send(x, 409, problem(409, "move is " + state));
                return;
            }
            mv.put("state", "COMMITTED").put("phase", "COMMITTED");
            if (SOURCE_DOWN_AFTER_COMMIT.contains(instanceId)) {
                PLATFORMS_DOWN.add(INSTANCES.get(instanceId)[1]);
            }
            INSTANCES.get(instanceId)[1] = mv.path("targetHost").asText();
            send(x, 200, mv);
        } else {
            if (state.equals("COMMITTED")) {
                send(x, 409, problem(409, "move is COMMITTED"));
                return;
            }
            if (FAILING_ROLLBACKS.contains(instanceId)) {
                send(x, 502, problem(502, "edge1's engine refused the in-place restore; the target resumed"));
                return;
            }
            mv.put("state", "ROLLED_BACK").put("phase", "ROLLED_BACK");
            send(x, 200, mv);
        }
    }

    private static void platform(HttpExchange x, String method, String host, String path, String query, String body)
            throws IOException {
        if (PLATFORMS_DOWN.contains(host)) {
            send(x, 503, problem(503, "platform " + host + " down"));
            return;
        }
        Matcher m;
        if ((m = PLATFORM_INSTANCE.matcher(path)).matches()) {
            String id = m.group(1);
            if (m.group(2) != null) {
                send(x, method.equals("DELETE") ? 204 : 200, method.equals("DELETE") ? null
                        : JSON.createObjectNode().put("appInstanceId", id));
            } else if (method.equals("GET")) {
                String[] i = INSTANCES.get(id);
                if (i == null || !i[1].equals(host)) {
                    send(x, 404, problem(404, "not provisioned"));
                } else {
                    ObjectNode p = JSON.createObjectNode().put("appInstanceId", id);
                    p.putObject("endpoint").put("host", sourceIp(id)).put("port", 8080);
                    send(x, 200, p);
                }
            } else {
                send(x, 204, null);
            }
        } else if (path.equals("/edge_proxy/v1/services")) {
            ArrayNode a = JSON.createArrayNode();
            INSTANCES.forEach((id, i) -> {
                if (i[1].equals(host)) {
                    a.addObject().put("serviceHost", "svc-" + id + ".example").put("backend", sourceIp(id) + ":8080");
                }
            });
            send(x, 200, a);
        } else if (path.startsWith("/edge_proxy/v1/holds/")) {
            send(x, method.equals("DELETE") ? 204 : 200, method.equals("DELETE") ? null
                    : JSON.createObjectNode().put("holdId", path.substring(path.lastIndexOf('/') + 1)));
        } else if (path.equals("/edge_proxy/v1/proxies")) {
            ArrayNode a = JSON.createArrayNode();
            a.addObject().put("name", "proxy-" + host).put("local", true);
            send(x, 200, a);
        } else if (path.matches("/edge_proxy/v1/proxies/[^/]+/clients")) {
            ArrayNode a = JSON.createArrayNode();
            String backend = query == null ? "" : java.net.URLDecoder.decode(query.replace("backend=", ""),
                    StandardCharsets.UTF_8);
            CLIENTS.forEach((client, b) -> {
                if (b.equals(backend)) {
                    ObjectNode c = a.addObject().put("clientId", client);
                    c.putObject("forwarding").put("counter.example", b);
                }
            });
            send(x, 200, a);
        } else if (path.startsWith("/edge_proxy/v1/handovers")) {
            send(x, method.equals("DELETE") ? 204 : 201, method.equals("DELETE") ? null
                    : ((ObjectNode) JSON.readTree(body)).put("state", "PENDING"));
        } else {
            send(x, 404, problem(404, "not scripted: " + method + " " + path));
        }
    }

    private static ObjectNode problem(int status, String detail) {
        return JSON.createObjectNode().put("status", status).put("title", "scripted").put("detail", detail);
    }

    private static void send(HttpExchange x, int status, JsonNode body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }
}
