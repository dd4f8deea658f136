package org.edgemec.platform.proxy;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.edgemec.platform.proxy.dataplane.EdgeProxy;
import org.edgemec.platform.proxy.dataplane.EdgeProxyLauncher;
import org.edgemec.platform.proxy.session.SessionCookies;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Request holds on the real data plane (curl over the proxy's HTTP listener, real JDK HttpServer backends): requests
 * sent while an app is frozen wait, and reach the backend in force when the hold is released; overflow, maxWait,
 * hosts that are not held, validation and idempotency.
 */
@QuarkusTest
@TestProfile(SagaTestProfile.class)
@QuarkusTestResource(RealInfrastructureResource.class)
class RequestHoldTest {

    private static final String HELD = "counter.hold.test";
    private static final List<String> SEEN = new CopyOnWriteArrayList<>();
    private static final ExecutorService CLIENTS = Executors.newCachedThreadPool();
    private static HttpServer old;
    private static HttpServer fresh;

    @Inject
    EdgeProxyLauncher launcher;
    @Inject
    SessionCookies cookies;
    @Inject
    EntityManager em;

    EdgeProxy a;

    @BeforeEach
    void setUp() throws Exception {
        a = launcher.proxy().orElseThrow();
        synchronized (RequestHoldTest.class) {
            if (old == null) {
                old = recording("old-instance");
                fresh = recording("new-instance");
            }
        }
    }

    @AfterAll
    static void stop() {
        if (old != null) {
            old.stop(0);
            fresh.stop(0);
            old = null;
        }
    }

    /** A backend that records the order in which requests reach it. */
    private static HttpServer recording(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            SEEN.add(name + " " + ex.getRequestURI());
            byte[] body = ("backend=" + name + "\npath=" + ex.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        return server;
    }

    private static String at(HttpServer s) {
        return "127.0.0.1:" + s.getAddress().getPort();
    }

    /** Installs the client's state at edge1 through the control API (as a login or a handover would). */
    private static void state(String client, Map<String, String> forwarding) {
        given().header("Authorization", ProxyTestBed.OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("clientId", client, "latency", "NORMAL", "throughput", "NORMAL", "forwarding", forwarding))
                .put("/edge_proxy/v1/proxies/edge1/clients/" + client).then().statusCode(200);
    }

    private static ValidatableResponse putHold(String id, Map<String, ?> body) {
        return given().header("Authorization", ProxyTestBed.OPERATOR).contentType(ContentType.JSON).body(body)
                .put("/edge_proxy/v1/holds/" + id).then();
    }

    private static void release(String id) {
        given().header("Authorization", ProxyTestBed.OPERATOR).delete("/edge_proxy/v1/holds/" + id)
                .then().statusCode(204);
    }

    private static int waiting(String id) {
        return given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/holds/" + id)
                .then().statusCode(200).extract().path("waiting");
    }

    private static void awaitWaiting(String id, int n) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (waiting(id) < n) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("hold " + id + " has " + waiting(id) + " waiting, expected " + n);
            }
            Thread.sleep(50);
        }
    }

    record Answer(int status, String headers, String body, Instant sentAt, Instant answeredAt) {

        Duration took() {
            return Duration.between(sentAt, answeredAt);
        }

        String header(String name) {
            return headers.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(null);
        }
    }

    /** curl over the proxy's plain HTTP listener, with the service host and the client's session cookie. */
    private Answer curl(String client, String host, String path) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "curl-hold"));
        Path headers = Files.createTempFile(dir, "h", ".txt");
        Path body = Files.createTempFile(dir, "b", ".txt");
        Instant sent = Instant.now();
        Process p = new ProcessBuilder("curl", "-sS", "--max-time", "40", "-D", headers.toString(), "-o",
                body.toString(), "-w", "%{http_code}", "-H", "Host: " + host,
                "-H", "Cookie: " + SessionCookies.NAME + "=" + cookies.issue(client),
                "http://127.0.0.1:" + a.httpPort() + path).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(45, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("curl failed: " + err);
        }
        return new Answer(Integer.parseInt(out), Files.readString(headers), Files.readString(body), sent, Instant.now());
    }

    private CompletableFuture<Answer> curlAsync(String client, String host, String path) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return curl(client, host, path);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, CLIENTS);
    }

    @Test
    void shouldForwardRequestsSentDuringAHoldInOrderToTheBackendInForceAtRelease() throws Exception {
        state("saga-11", Map.of(HELD, at(old)));
        assertTrue(curl("saga-11", HELD, "/before").body().contains("backend=old-instance"));
        putHold("relocation-1", Map.of("serviceHosts", List.of(HELD), "maxWait", "PT30S")).statusCode(200)
                .body("holdId", equalTo("relocation-1")).body("serviceHosts[0]", equalTo(HELD))
                .body("maxWait", equalTo("PT30S")).body("maxRequests", equalTo(200));

        SEEN.clear();
        List<CompletableFuture<Answer>> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            held.add(curlAsync("saga-11", HELD, "/held?i=" + i));
            awaitWaiting("relocation-1", i + 1); // one after the other: their order at the proxy is known
        }
        Thread.sleep(1000);
        assertTrue(held.stream().noneMatch(CompletableFuture::isDone), "nothing answered during the hold");
        assertTrue(SEEN.isEmpty(), "nothing reached a backend during the hold: " + SEEN);

        // the saga points the client at the restored instance, then releases
        state("saga-11", Map.of(HELD, at(fresh)));
        Instant releasedAt = Instant.now();
        release("relocation-1");
        for (int i = 0; i < held.size(); i++) {
            Answer r = held.get(i).get(30, TimeUnit.SECONDS);
            assertEquals(200, r.status(), r.body());
            assertTrue(r.body().contains("backend=new-instance"), r.body());
            assertFalse(r.answeredAt().isBefore(releasedAt), "answered after the release");
            assertTrue(r.took().toMillis() >= 1000, "request " + i + " waited " + r.took());
        }
        assertEquals(List.of("new-instance /held?i=0", "new-instance /held?i=1", "new-instance /held?i=2",
                "new-instance /held?i=3", "new-instance /held?i=4"), SEEN);
        given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/holds/relocation-1")
                .then().statusCode(404);
        Answer after = curl("saga-11", HELD, "/after");
        assertEquals(200, after.status());
        assertTrue(after.took().toMillis() < 5000, "not held any more: " + after.took());
    }

    @Test
    void shouldRefuseRequestsBeyondMaxRequestsAtOnce() throws Exception {
        state("saga-12", Map.of(HELD, at(old)));
        putHold("overflow", Map.of("serviceHosts", List.of(HELD), "maxWait", "PT30S", "maxRequests", 2))
                .statusCode(200);
        List<CompletableFuture<Answer>> held = List.of(curlAsync("saga-12", HELD, "/o?i=0"),
                curlAsync("saga-12", HELD, "/o?i=1"));
        awaitWaiting("overflow", 2);
        Answer refused = curl("saga-12", HELD, "/o?i=2");
        assertEquals(503, refused.status(), refused.body());
        assertTrue(refused.header("Content-Type").contains("problem+json"), refused.headers());
        assertTrue(refused.body().contains("held"), refused.body());
        assertEquals("30", refused.header("Retry-After"));
        assertTrue(refused.took().toMillis() < 5000, "refused at once: " + refused.took());
        release("overflow");
        for (CompletableFuture<Answer> f : held) {
            assertEquals(200, f.get(30, TimeUnit.SECONDS).status());
        }
    }

    @Test
    void shouldForwardAfterMaxWaitAsTheStateSaysOr503WithRetryAfterWithoutBackend() throws Exception {
        state("saga-13", Map.of(HELD, at(old)));
        putHold("frozen", Map.of("serviceHosts", List.of(HELD, "gone.hold.test"), "maxWait", "PT2S")).statusCode(200);

        CompletableFuture<Answer> waited = curlAsync("saga-13", HELD, "/w");
        Answer noBackend = curl("saga-13", "gone.hold.test", "/w");
        Answer forwarded = waited.get(30, TimeUnit.SECONDS);
        assertEquals(200, forwarded.status(), forwarded.body());
        assertTrue(forwarded.body().contains("backend=old-instance"), forwarded.body());
        assertTrue(forwarded.took().toMillis() >= 1900, "waited maxWait: " + forwarded.took());
        assertEquals(503, noBackend.status(), noBackend.body());
        assertTrue(noBackend.took().toMillis() >= 1900, "waited maxWait: " + noBackend.took());
        assertEquals("2", noBackend.header("Retry-After"), noBackend.headers());
        assertTrue(noBackend.body().contains("gone.hold.test"), noBackend.body());

        // route not found: a host that is neither fronted nor held fails at once, as without holds
        Answer unknown = curl("saga-13", "nothing.hold.test", "/w");
        assertEquals(404, unknown.status(), unknown.body());
        assertNull(unknown.header("Retry-After"));
        assertTrue(unknown.took().toMillis() < 1500, "failed at once: " + unknown.took());
        release("frozen");
    }

    @Test
    void shouldNotHoldAnUnrelatedHost() throws Exception {
        state("saga-14", Map.of(HELD, at(old), "other.hold.test", at(fresh)));
        putHold("only-counter", Map.of("serviceHosts", List.of(HELD), "maxWait", "PT30S")).statusCode(200);
        CompletableFuture<Answer> held = curlAsync("saga-14", HELD, "/u");
        awaitWaiting("only-counter", 1);
        Answer other = curl("saga-14", "other.hold.test", "/u");
        assertEquals(200, other.status(), other.body());
        assertTrue(other.body().contains("backend=new-instance"), other.body());
        assertTrue(other.took().toMillis() < 5000, "not held: " + other.took());
        assertFalse(held.isDone());
        release("only-counter");
        assertEquals(200, held.get(30, TimeUnit.SECONDS).status());
    }

    @Test
    void shouldAnswerTheSameHoldAgainReleaseTwiceAndEndByItself() throws Exception {
        Map<String, Object> body = Map.of("serviceHosts", List.of("Idem.Hold.Test."), "maxWait", "PT1S");
        String expiresAt = putHold("idem", body).statusCode(200).body("serviceHosts[0]", equalTo("idem.hold.test"))
                .extract().path("expiresAt");
        putHold("idem", body).statusCode(200).body("expiresAt", equalTo(expiresAt));
        assertEquals(1L, rows("idem"));
        release("idem");
        release("idem");
        assertEquals(0L, rows("idem"));

        putHold("safety", Map.of("serviceHosts", List.of("safety.hold.test"), "maxWait", "PT1S")).statusCode(200);
        Instant deadline = Instant.now().plusSeconds(15);
        int status = 200;
        while (status == 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            status = given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/holds/safety")
                    .then().extract().statusCode();
        }
        assertEquals(404, status, "the hold ends by itself after 3 x maxWait");
        assertEquals(0L, rows("safety"));
    }

    @Test
    void shouldRejectInvalidHoldsNamingTheField() {
        putHold("v", Map.of("maxWait", "PT1S")).statusCode(400).contentType(containsString("problem+json"))
                .body("detail", containsString("serviceHosts"));
        putHold("v", Map.of("serviceHosts", List.of("ok.test", "not a host"))).statusCode(400)
                .body("detail", containsString("serviceHosts[1]"));
        putHold("v", Map.of("serviceHosts", List.of("ok.test"), "maxWait", "10s")).statusCode(400)
                .body("detail", containsString("maxWait"));
        putHold("v", Map.of("serviceHosts", List.of("ok.test"), "maxWait", "PT10M")).statusCode(400)
                .body("detail", containsString("maxWait"));
        putHold("v", Map.of("serviceHosts", List.of("ok.test"), "maxRequests", 0)).statusCode(400)
                .body("detail", containsString("maxRequests"));
        putHold("bad id!", Map.of("serviceHosts", List.of("ok.test"))).statusCode(400)
                .body("detail", containsString("holdId"));
        Map<String, Object> unknown = new HashMap<>(Map.of("serviceHosts", List.of("ok.test")));
        unknown.put("maxwait", "PT1S");
        // unknown fields are ignored with a Warning by default (mec-common's tolerant reader); Strict refuses them
        given().header("Authorization", ProxyTestBed.OPERATOR).contentType(ContentType.JSON)
                .queryParam("fieldValidation", "Strict").body(unknown).put("/edge_proxy/v1/holds/v").then()
                .statusCode(400).body("detail", containsString("maxwait"));
        given().contentType(ContentType.JSON).body(Map.of("serviceHosts", List.of("ok.test")))
                .put("/edge_proxy/v1/holds/v").then().statusCode(401);
        given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/holds/v").then().statusCode(404);
    }

    private long rows(String id) {
        Object n = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT count(*) FROM {h-schema}proxy_hold WHERE id = ?1").setParameter(1, id).getSingleResult());
        assertNotNull(n);
        return ((Number) n).longValue();
    }
}
