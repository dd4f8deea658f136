package org.edgemec.platform.proxy;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.edgemec.mp1api.common.InterfaceType;
import org.edgemec.mp1api.common.TrafficFilter;
import org.edgemec.mp1api.mec011.appsupport.DestinationInterface;
import org.edgemec.platform.domain.rules.ActiveTrafficRules;
import org.edgemec.platform.proxy.dataplane.EdgeProxy;
import org.edgemec.platform.proxy.dataplane.EdgeProxyLauncher;
import org.edgemec.platform.proxy.dataplane.ProxyRuntime;
import org.edgemec.platform.proxy.session.SessionCookies;
import org.edgemec.platform.proxy.tls.InstallationSecrets;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Session cookies, login validation, backend failures, traffic rules, logout and restart, with the real curl. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class EdgeProxyDataPlaneTest {

    private static final Path DIR = Path.of("target", "curl", "dataplane");

    @Inject
    EdgeProxyLauncher launcher;
    @Inject
    ProxyRuntime runtime;

    EdgeProxy a;

    @BeforeEach
    void setUp() throws Exception {
        ProxyTestBed.registerService();
        a = launcher.proxy().orElseThrow();
    }

    /** Logs in over plain HTTP at proxy A, optionally naming the proxy; returns the session cookie value. */
    private String login(String client, String proxy) throws Exception {
        String body = "{\"clientId\":\"" + client + "\",\"secret\":\"drone-secret\""
                + (proxy == null ? "" : ",\"proxy\":\"" + proxy + "\"") + "}";
        Curl.Response r = post(a.httpPort(), "/edge_proxy/v1/login", body);
        assertEquals(200, r.status(), r.body());
        String setCookie = r.header("Set-Cookie");
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    private static Curl.Response get(int port, String host, String cookie, String path) throws Exception {
        List<String> args = ProxyTestBed.args("-H", "Host: " + host);
        if (cookie != null) {
            args.addAll(List.of("-H", "Cookie: " + SessionCookies.NAME + "=" + cookie));
        }
        args.add("http://127.0.0.1:" + port + path);
        return Curl.plain(DIR, args);
    }

    private static Curl.Response post(int port, String path, String json) throws Exception {
        return Curl.plain(DIR, ProxyTestBed.args("-H", "Host: " + ProxyTestBed.SERVICE, "-H",
                "Content-Type: application/json", "--data-binary", json, "http://127.0.0.1:" + port + path));
    }

    private static void assertProblem(Curl.Response r, int status, String detailPart) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.headers());
        assertTrue(r.body().contains("\"status\":" + status), r.body());
        assertTrue(r.body().contains(detailPart), r.body());
    }

    /**
     * The proxy keeps the cookie it verified per connection: a keep-alive connection that changes its cookie must
     * still have each one checked (a forged or expired one refused, a valid one accepted again).
     */
    @Test
    void shouldCheckEachCookieOnOneKeepAliveConnection() throws Exception {
        String valid = login("drone-12", null);
        String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        SessionCookies past = new SessionCookies(InstallationSecrets.sessionKey(Path.of("target", "proxy-ca")),
                Duration.ofMinutes(1), Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC));
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", a.httpPort())) {
            socket.setSoTimeout(10_000);
            var in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            var out = socket.getOutputStream();
            assertEquals(200, exchange(in, out, valid));
            assertEquals(403, exchange(in, out, forged));
            assertEquals(200, exchange(in, out, valid));
            assertEquals(401, exchange(in, out, past.issue("drone-12")));
            assertEquals(403, exchange(in, out, valid + "x"));
            assertEquals(200, exchange(in, out, valid));
        }
    }

    /** One GET on an open HTTP/1.1 connection; returns the status once the whole response has been read. */
    private static int exchange(java.io.DataInputStream in, java.io.OutputStream out, String cookie) throws Exception {
        out.write(("GET /keep-alive HTTP/1.1\r\nHost: " + ProxyTestBed.SERVICE + "\r\nCookie: " + SessionCookies.NAME
                + "=" + cookie + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.flush();
        String status = line(in);
        long length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).trim(), 16); size > 0; size = Long.parseLong(line(in).trim(), 16)) {
                in.skipNBytes(size);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            in.skipNBytes(length);
        }
        return Integer.parseInt(status.split(" ")[1]);
    }

    private static String line(java.io.DataInputStream in) throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new java.io.EOFException("connection closed after: " + b);
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @Test
    void shouldRejectMissingForgedAndExpiredSessionCookies() throws Exception {
        String valid = login("drone-11", null);
        assertProblem(get(a.httpPort(), ProxyTestBed.SERVICE, null, "/x"), 401, "log in first");
        String forged = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        assertProblem(get(a.httpPort(), ProxyTestBed.SERVICE, forged, "/x"), 403, "not issued by this installation");
        SessionCookies past = new SessionCookies(InstallationSecrets.sessionKey(Path.of("target", "proxy-ca")),
                Duration.ofMinutes(1), Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC));
        assertProblem(get(a.httpPort(), ProxyTestBed.SERVICE, past.issue("drone-11"), "/x"), 401, "expired");
        assertEquals(200, get(a.httpPort(), ProxyTestBed.SERVICE, valid, "/x").status());
    }

    @Test
    void shouldForwardAnHttp2BodyOfUnknownLengthAndRefuseConnect() throws Exception {
        String cookie = login("drone-18", null);
        Path upload = DIR.resolve("upload.txt");
        java.nio.file.Files.writeString(upload, "streamed over h2");
        Path answer = DIR.resolve("h2-answer.txt");
        java.nio.file.Files.deleteIfExists(answer);
        // -T - reads stdin: curl does not know the length and sends no content-length over HTTP/2
        Process p = new ProcessBuilder("curl", "-sS", "--http2", "--max-time", "20", "--cacert",
                ProxyTestBed.caFile().toString(), "--resolve", ProxyTestBed.SERVICE + ":" + a.httpsPort() + ":127.0.0.1",
                "-H", "Cookie: " + SessionCookies.NAME + "=" + cookie, "-X", "POST", "-T", "-", "-o", answer.toString(),
                "-w", "%{http_code} %{http_version}", "https://" + ProxyTestBed.SERVICE + ":" + a.httpsPort() + "/up")
                .redirectInput(upload.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        String err = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "curl ended");
        assertEquals("200 2", out, err);
        String echoed = java.nio.file.Files.readString(answer);
        assertTrue(echoed.contains("body=streamed over h2"), echoed);

        // a reverse proxy, not a tunnel
        assertProblem(Curl.plain(DIR, ProxyTestBed.args("-X", "CONNECT", "--request-target", ProxyTestBed.SERVICE
                + ":443", "-H", "Host: " + ProxyTestBed.SERVICE, "http://127.0.0.1:" + a.httpPort())), 405,
                "CONNECT is not supported");
    }

    @Test
    void shouldRejectWrongCredentialsAndInvalidLoginBodies() throws Exception {
        assertProblem(post(a.httpPort(), "/edge_proxy/v1/login", "{\"clientId\":\"drone-11\",\"secret\":\"nope\"}"),
                401, "wrong secret");
        assertProblem(post(a.httpPort(), "/edge_proxy/v1/login",
                "{\"clientId\":\"drone-11\",\"secret\":\"drone-secret\",\"proxy\":\"nowhere\"}"), 400, "proxy");
        assertProblem(post(a.httpPort(), "/edge_proxy/v1/login",
                "{\"clientId\":\"drone-11\",\"secret\":\"drone-secret\",\"position\":{\"latitude\":91,\"longitude\":0}}"),
                400, "position.latitude");
        assertProblem(post(a.httpPort(), "/edge_proxy/v1/login", "{\"clientId\":\"drone-11\",\"colour\":\"red\"}"),
                400, "colour");
        assertProblem(post(a.httpPort(), "/edge_proxy/v1/login", "{\"secret\":\"x\"}"), 400, "clientId");
        assertProblem(post(a.httpPort(), "/edge_proxy/v1/login", "{\"clientId\":\"" + "x".repeat(70_000) + "\"}"),
                413, "at most");
        assertProblem(post(a.httpPort(), "/edge_proxy/v1/login",
                "{\"clientId\":\"drone-11\",\"secret\":\"drone-secret\",\"requirements\":{\"latency\":\"FAST\"}}"),
                400, "requirements.latency");
    }

    @Test
    void shouldAssignProxyOfTheClientsZoneAndReportTheDeviceThere() throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("kafka.bootstrap.servers", String.class));
        p.put("group.id", "sightings-" + java.util.UUID.randomUUID());
        p.put("auto.offset.reset", "latest");
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, String> mobility =
                     new org.apache.kafka.clients.consumer.KafkaConsumer<>(p,
                             new org.apache.kafka.common.serialization.StringDeserializer(),
                             new org.apache.kafka.common.serialization.StringDeserializer())) {
            mobility.subscribe(List.of("edgemec.mobility"));
            long assigned = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (mobility.assignment().isEmpty() && System.nanoTime() < assigned) {
                mobility.poll(Duration.ofMillis(200));
            }
            EdgeProxy b = ProxyTestBed.extraProxy(runtime, "edge-b", "zone-b", null);
            Curl.Response r = post(a.httpPort(), "/edge_proxy/v1/login",
                    "{\"clientId\":\"drone-12\",\"secret\":\"drone-secret\",\"zone\":\"zone-b\"}");
            assertEquals(200, r.status(), r.body());
            assertEquals("h2=\"127.0.0.1:" + b.httpsPort() + "\"; ma=3600", r.header("Alt-Svc"));
            given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/proxies/edge-b/clients/drone-12")
                    .then().statusCode(200);
            // the login is a sighting of the device (its address) in the zone of the proxy it was assigned
            String seen = null;
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (seen == null && System.nanoTime() < end) {
                for (var record : mobility.poll(Duration.ofMillis(300))) {
                    if (record.value().contains("\"zone\":\"zone-b\"")) {
                        seen = record.value();
                    }
                }
            }
            assertTrue(seen != null, "a DeviceMobilityEvent on edgemec.mobility");
            assertTrue(seen.contains("\"type\":\"edgemec.mobility.device-located\"")
                    && seen.contains("\"associateId\":{\"type\":\"UE_IPv4_ADDRESS\",\"value\":\"127.0.0.1\"}"), seen);
        }
    }

    @Test
    void shouldAnswer502And504ForBackendFailuresAnd404ForAnUnfrontedHost() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        CountDownLatch release = new CountDownLatch(1);
        HttpServer silent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        silent.createContext("/", ex -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        silent.start();
        try {
            putService("down.edge.test", "127.0.0.1:" + closedPort);
            putService("silent.edge.test", "127.0.0.1:" + silent.getAddress().getPort());
            String cookie = login("drone-13", null);
            assertProblem(get(a.httpPort(), "down.edge.test", cookie, "/"), 502, "unreachable");
            assertProblem(get(a.httpPort(), "silent.edge.test", cookie, "/"), 504, "did not answer in time");
            assertProblem(get(a.httpPort(), "unknown.edge.test", cookie, "/"), 404, "no backend for service host");
        } finally {
            release.countDown();
            silent.stop(0);
        }
    }

    @Test
    void shouldEnforceTrafficRulesInPriorityOrder() throws Exception {
        HttpServer second = ProxyTestBed.echo("backend-2");
        try {
            EdgeProxy rules = ProxyTestBed.extraProxy(runtime, "edge-rules", null, () -> ProxyTestBed.RULES);
            ProxyTestBed.RULES.clear();
            ProxyTestBed.RULES.addAll(List.of(
                    rule("drop-blocked", 1, ActiveTrafficRules.Action.DROP, uri("/blocked"), null),
                    rule("pass-blocked-public", 2, ActiveTrafficRules.Action.PASSTHROUGH, uri("/blocked/public"), null),
                    rule("move", 3, ActiveTrafficRules.Action.FORWARD_DECAPSULATED, uri("/moved"),
                            "127.0.0.1:" + second.getAddress().getPort()),
                    rule("mirror", 4, ActiveTrafficRules.Action.DUPLICATE_DECAPSULATED, uri("/mirrored"),
                            "127.0.0.1:" + ProxyTestBed.mirrorPort()),
                    rule("tunnel-only", 5, ActiveTrafficRules.Action.DROP, new TrafficFilter(null, null, null, null,
                            null, null, null, null, List.of("10.0.0.1"), null, null, null, null, null, null), null)));
            rules.refreshRules().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            String cookie = login("drone-14", "edge-rules");

            assertProblem(get(rules.httpPort(), ProxyTestBed.SERVICE, cookie, "/blocked/public"), 403, "drop-blocked");
            Curl.Response moved = get(rules.httpPort(), ProxyTestBed.SERVICE, cookie, "/moved/here");
            assertEquals(200, moved.status());
            assertTrue(moved.body().contains("backend=backend-2"), moved.body());
            int before = ProxyTestBed.MIRRORED.get();
            Curl.Response mirrored = get(rules.httpPort(), ProxyTestBed.SERVICE, cookie, "/mirrored");
            assertTrue(mirrored.body().contains("backend=backend-1"), mirrored.body());
            awaitMirrored(before + 1);
            Curl.Response plain = get(rules.httpPort(), ProxyTestBed.SERVICE, cookie, "/other");
            assertTrue(plain.body().contains("backend=backend-1"), plain.body());
        } finally {
            second.stop(0);
            ProxyTestBed.RULES.clear();
        }
    }

    @Test
    void shouldKeepClientStateWhenProxyRestarts() throws Exception {
        ProxyTestBed.extraProxy(runtime, "edge-restart", null, null);
        String cookie = login("drone-15", "edge-restart");
        ProxyTestBed.restart(runtime, "edge-restart");
        EdgeProxy restarted = ProxyTestBed.extraProxy(runtime, "edge-restart", null, null);
        Curl.Response r = get(restarted.httpPort(), ProxyTestBed.SERVICE, cookie, "/after-restart");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.body().contains("via=1.1 edge-restart"), r.body());
    }

    @Test
    void shouldClearAltSvcAndForgetClientWhenLoggedOut() throws Exception {
        Curl client = new Curl(DIR.resolve("logout"), ProxyTestBed.caFile(), ProxyTestBed.SERVICE, a.httpsPort(), true);
        assertEquals(200, client.post("/edge_proxy/v1/login",
                "{\"clientId\":\"drone-16\",\"secret\":\"drone-secret\"}").status());
        assertEquals(200, client.get("/before").status());
        Curl.Response out = client.post("/edge_proxy/v1/logout", "{}");
        assertEquals(204, out.status(), out.body());
        assertEquals("clear", out.header("Alt-Svc"));
        String cookie = out.header("Set-Cookie");
        assertTrue(cookie.contains("Max-Age=0"), cookie);
        given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/proxies/edge1/clients/drone-16")
                .then().statusCode(404);
    }

    @Test
    void shouldSendUnknownClientBackToTheOriginWith421() throws Exception {
        String cookie = login("drone-17", null);
        given().header("Authorization", ProxyTestBed.OPERATOR).delete("/edge_proxy/v1/proxies/edge1/clients/drone-17")
                .then().statusCode(204);
        Curl.Response r = get(a.httpPort(), ProxyTestBed.SERVICE, cookie, "/gone");
        assertProblem(r, 421, "holds no state for the client");
        assertEquals("clear", r.header("Alt-Svc"));
    }

    private static void putService(String host, String backend) {
        given().header("Authorization", ProxyTestBed.OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("backend", backend)).put("/edge_proxy/v1/services/" + host).then().statusCode(200);
    }

    private static TrafficFilter uri(String prefix) {
        return new TrafficFilter(null, List.of("127.0.0.0/8"), null, null, List.of("TCP"), null, List.of(prefix),
                null, null, null, null, null, null, null, null);
    }

    private static ActiveTrafficRules.Rule rule(String id, int priority, ActiveTrafficRules.Action action,
                                                TrafficFilter filter, String destination) {
        List<DestinationInterface> destinations = destination == null ? List.of()
                : List.of(new DestinationInterface(InterfaceType.IP, null, null, null, destination));
        return new ActiveTrafficRules.Rule(id, "app-1", priority, action, List.of(filter), destinations,
                java.util.Set.of(ProxyTestBed.SERVICE));
    }

    private static void awaitMirrored(int count) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (ProxyTestBed.MIRRORED.get() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertTrue(ProxyTestBed.MIRRORED.get() >= count, "mirror received " + ProxyTestBed.MIRRORED.get());
    }
}
