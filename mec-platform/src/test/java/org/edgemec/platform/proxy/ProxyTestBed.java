package org.edgemec.platform.proxy;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import org.edgemec.platform.domain.rules.ActiveTrafficRules;
import org.edgemec.platform.proxy.dataplane.EdgeProxy;
import org.edgemec.platform.proxy.dataplane.ProxyRuntime;
import org.edgemec.platform.proxy.dataplane.ProxySettings;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/**
 * What the proxy tests share in the one test JVM: an echo backend (JDK HttpServer) that answers which proxy forwarded
 * the request, extra proxy instances next to the platform's own, and the platform CA as a file for curl.
 */
final class ProxyTestBed {

    static final String OPERATOR = "Bearer edgemec-operator-dev-token";
    static final String SERVICE = "app.edge.test";

    private static final Map<String, EdgeProxy> EXTRA = new java.util.concurrent.ConcurrentHashMap<>();
    private static Object owner;
    private static HttpServer backend;
    private static HttpServer mirror;
    static final AtomicInteger MIRRORED = new AtomicInteger();
    static final List<ActiveTrafficRules.Rule> RULES = new CopyOnWriteArrayList<>();

    private ProxyTestBed() {
    }

    /** An echo backend: the body lists what the proxy forwarded (Via, Host, X-Forwarded-*, cookie). */
    static synchronized int backendPort() throws IOException {
        if (backend == null) {
            backend = echo("backend-1");
        }
        return backend.getAddress().getPort();
    }

    static synchronized int mirrorPort() throws IOException {
        if (mirror == null) {
            mirror = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            mirror.createContext("/", ex -> {
                ex.getRequestBody().readAllBytes();
                MIRRORED.incrementAndGet();
                ex.sendResponseHeaders(204, -1);
                ex.close();
            });
            mirror.start();
        }
        return mirror.getAddress().getPort();
    }

    static HttpServer echo(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String requestBody = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String body = "backend=" + name + "\n"
                    + "via=" + ex.getRequestHeaders().getFirst("Via") + "\n"
                    + "host=" + ex.getRequestHeaders().getFirst("Host") + "\n"
                    + "x-forwarded-for=" + ex.getRequestHeaders().getFirst("X-Forwarded-For") + "\n"
                    + "x-forwarded-proto=" + ex.getRequestHeaders().getFirst("X-Forwarded-Proto") + "\n"
                    + "x-forwarded-host=" + ex.getRequestHeaders().getFirst("X-Forwarded-Host") + "\n"
                    + "cookie=" + ex.getRequestHeaders().getFirst("Cookie") + "\n"
                    + "path=" + ex.getRequestURI() + "\n"
                    + "body=" + requestBody + "\n";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
        return server;
    }

    /** The service {@link #SERVICE} on the echo backend, registered through the control API. */
    static void registerService() throws IOException {
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("backend", "127.0.0.1:" + backendPort()))
                .put("/edge_proxy/v1/services/" + SERVICE).then().statusCode(200);
    }

    /** A second (third, ...) proxy in this JVM, started once per name and application run. */
    static synchronized EdgeProxy extraProxy(ProxyRuntime runtime, String name, String zone,
                                             ActiveTrafficRules rules) throws Exception {
        if (owner != runtime) {
            // a test profile restarted the application: the proxies of the previous run went with its Vert.x
            EXTRA.clear();
            owner = runtime;
        }
        EdgeProxy existing = EXTRA.get(name);
        if (existing != null) {
            return existing;
        }
        EdgeProxy proxy = start(runtime, name, zone, rules);
        EXTRA.put(name, proxy);
        return proxy;
    }

    static EdgeProxy start(ProxyRuntime runtime, String name, String zone, ActiveTrafficRules rules) throws Exception {
        ProxySettings settings = new ProxySettings(name, "127.0.0.1", "127.0.0.1", 0, 0, Optional.ofNullable(zone),
                Optional.empty(), List.of());
        EdgeProxy proxy = rules == null ? runtime.create(settings) : runtime.create(settings, rules);
        return proxy.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    static void restart(ProxyRuntime runtime, String name) throws Exception {
        EdgeProxy old = EXTRA.remove(name);
        old.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        EXTRA.put(name, start(runtime, name, old.zone().orElse(null), null));
    }

    static synchronized Path caFile() throws IOException {
        Path file = Path.of("target", "proxy-test-ca.pem");
        String pem = given().get("/edge_proxy/v1/ca.pem").then().statusCode(200).extract().asString();
        Files.writeString(file, pem);
        return file;
    }

    static List<String> args(String... a) {
        return new ArrayList<>(List.of(a));
    }
}
