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
import org.edgemec.platform.proxy.dataplane.ProxyRuntime;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator routes a relocation saga calls at the source platform, with real curl, real PostgreSQL and Kafka and
 * two real HTTP backends: finding an app's clients, an idempotent handover that rewrites the target copy's forwarding,
 * finalize and cancel twice, a peer that is down, the handover timeout, and arrival events that survive a Kafka
 * failure through the outbox.
 */
@QuarkusTest
@TestProfile(SagaTestProfile.class)
@QuarkusTestResource(RealInfrastructureResource.class)
class SagaHandoverTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static HttpServer backend2;

    @Inject
    EdgeProxyLauncher launcher;
    @Inject
    ProxyRuntime runtime;
    @Inject
    EntityManager em;

    EdgeProxy a;
    EdgeProxy b;
    Path ca;

    @BeforeEach
    void proxies() throws Exception {
        ProxyTestBed.registerService();
        a = launcher.proxy().orElseThrow();
        b = ProxyTestBed.extraProxy(runtime, "edge-b", "zone-b", null);
        ProxyTestBed.extraProxy(runtime, "edge-c", "zone-c", null);
        ca = ProxyTestBed.caFile();
        synchronized (SagaHandoverTest.class) {
            if (backend2 == null) {
                backend2 = ProxyTestBed.echo("backend-2");
            }
        }
    }

    @AfterAll
    static void stopBackend() {
        if (backend2 != null) {
            backend2.stop(0);
            backend2 = null;
        }
    }

    private static String backend1() throws Exception {
        return "127.0.0.1:" + ProxyTestBed.backendPort();
    }

    private static String backend2() {
        return "127.0.0.1:" + backend2.getAddress().getPort();
    }

    private Curl loggedIn(String client, boolean altSvc) throws Exception {
        Curl curl = new Curl(Path.of("target", "curl", client), ca, ProxyTestBed.SERVICE, a.httpsPort(), altSvc);
        Curl.Response login = curl.post("/edge_proxy/v1/login",
                "{\"clientId\":\"" + client + "\",\"secret\":\"drone-secret\",\"zone\":\"zone-a\"}");
        assertEquals(200, login.status(), login.body());
        return curl;
    }

    @Test
    void shouldListTheClientsForwardingToABackendAndRejectUnknownFilters() throws Exception {
        loggedIn("saga-1", false);
        given().header("Authorization", ProxyTestBed.OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("clientId", "saga-filter", "latency", "NORMAL", "throughput", "NORMAL",
                        "forwarding", Map.of("other.edge.test", backend2())))
                .put("/edge_proxy/v1/proxies/edge1/clients/saga-filter").then().statusCode(200);

        clients("backend", backend1()).body("clientId", hasItem("saga-1")).body("clientId", not(hasItem("saga-filter")));
        clients("backend", backend2()).body("clientId", hasItem("saga-filter")).body("clientId", not(hasItem("saga-1")));
        clients("serviceHost", "other.edge.test").body("clientId", hasItem("saga-filter"))
                .body("clientId", not(hasItem("saga-1")));
        clients("serviceHost", "OTHER.edge.test.").body("clientId", hasItem("saga-filter"));
        given().header("Authorization", ProxyTestBed.OPERATOR)
                .queryParam("serviceHost", ProxyTestBed.SERVICE).queryParam("backend", backend2())
                .get("/edge_proxy/v1/proxies/edge1/clients").then().statusCode(200)
                .body("clientId", not(hasItem("saga-filter"))).body("clientId", not(hasItem("saga-1")));
        given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/proxies/edge1/clients")
                .then().statusCode(200).body("clientId", hasItem("saga-1")).body("clientId", hasItem("saga-filter"));

        given().header("Authorization", ProxyTestBed.OPERATOR).queryParam("backnd", "x").queryParam("host", "y")
                .get("/edge_proxy/v1/proxies/edge1/clients").then().statusCode(400)
                .contentType(containsString("problem+json"))
                .body("detail", containsString("backnd")).body("detail", containsString("host"));
        given().header("Authorization", ProxyTestBed.OPERATOR).queryParam("backend", "no-port")
                .get("/edge_proxy/v1/proxies/edge1/clients").then().statusCode(400)
                .body("detail", containsString("backend"));
        given().header("Authorization", ProxyTestBed.OPERATOR).queryParam("serviceHost", "not a host")
                .get("/edge_proxy/v1/proxies/edge1/clients").then().statusCode(400)
                .body("detail", containsString("serviceHost"));
        given().header("Authorization", ProxyTestBed.OPERATOR).delete("/edge_proxy/v1/proxies/edge1/clients/saga-filter")
                .then().statusCode(204);
    }

    private static ValidatableResponse clients(String filter, String value) {
        return given().header("Authorization", ProxyTestBed.OPERATOR).queryParam(filter, value)
                .get("/edge_proxy/v1/proxies/edge1/clients").then().statusCode(200);
    }

    @Test
    void shouldAnswerTheSameHandoverForTheSameIdAndBodyAnd409ForAnotherBody() throws Exception {
        loggedIn("saga-2", false);
        Map<String, Object> body = order("saga-2", "edge-b", "saga-2.h_1");
        String createdAt = post(body).statusCode(201).header("Location", containsString("/handovers/saga-2.h_1"))
                .body("id", equalTo("saga-2.h_1")).body("state", equalTo("PENDING")).extract().path("createdAt");
        post(body).statusCode(200).header("Location", containsString("/handovers/saga-2.h_1"))
                .body("id", equalTo("saga-2.h_1")).body("state", equalTo("PENDING"))
                .body("createdAt", equalTo(createdAt));

        Map<String, Object> other = order("saga-2", "edge-c", "saga-2.h_1");
        post(other).statusCode(409).contentType(containsString("problem+json"))
                .body("detail", containsString("saga-2.h_1"));
        Map<String, Object> rewritten = new HashMap<>(body);
        rewritten.put("forwarding", Map.of(ProxyTestBed.SERVICE, backend2()));
        post(rewritten).statusCode(409);
        List<String> ids = given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/handovers")
                .then().statusCode(200).extract().path("findAll { it.clientId == 'saga-2' }.id");
        assertEquals(List.of("saga-2.h_1"), ids);
        // the source advertises only the first order's target
        given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/proxies/edge1/clients/saga-2")
                .then().statusCode(200).body("advertiseAltSvc", equalTo("h2=\"127.0.0.1:" + b.httpsPort() + "\"; ma=3600"));

        String finalizedAt = given().header("Authorization", ProxyTestBed.OPERATOR)
                .post("/edge_proxy/v1/handovers/saga-2.h_1/finalize").then().statusCode(200)
                .body("state", equalTo("FINALIZED")).extract().path("updatedAt");
        given().header("Authorization", ProxyTestBed.OPERATOR).post("/edge_proxy/v1/handovers/saga-2.h_1/finalize")
                .then().statusCode(200).body("state", equalTo("FINALIZED")).body("updatedAt", equalTo(finalizedAt));
        given().header("Authorization", ProxyTestBed.OPERATOR).delete("/edge_proxy/v1/handovers/saga-2.h_1")
                .then().statusCode(409);
        post(body).statusCode(200).body("state", equalTo("FINALIZED"));
    }

    @Test
    void shouldCreateOneHandoverWhenTheSameOrderArrivesConcurrently() throws Exception {
        loggedIn("saga-9", false);
        Map<String, Object> body = order("saga-9", "edge-b", "saga-9.race");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> post(body).extract().statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> f : answers) {
                statuses.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertEquals(1, statuses.stream().filter(st -> st == 201).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(st -> st == 200).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        awaitState("saga-9.race", "PENDING");
        List<String> ids = given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/handovers")
                .then().statusCode(200).extract().path("findAll { it.clientId == 'saga-9' }.id");
        assertEquals(List.of("saga-9.race"), ids);
        given().header("Authorization", ProxyTestBed.OPERATOR).delete("/edge_proxy/v1/handovers/saga-9.race")
                .then().statusCode(204);
    }

    @Test
    void shouldValidateTheNewHandoverFields() {
        post(Map.of("clientId", "x", "targetProxy", "edge-b", "handoverId", "has space")).statusCode(400)
                .body("detail", containsString("handoverId"));
        post(Map.of("clientId", "x", "targetProxy", "edge-b", "handoverId", "x".repeat(65))).statusCode(400)
                .body("detail", containsString("handoverId"));
        post(Map.of("clientId", "x", "targetProxy", "edge-b", "forwarding", Map.of("app.edge.test", "nope")))
                .statusCode(400).body("detail", containsString("forwarding.app.edge.test"));
        post(Map.of("clientId", "x", "targetProxy", "edge-b", "forwarding", Map.of("bad host", "127.0.0.1:1")))
                .statusCode(400).body("detail", containsString("forwarding.bad host"));
        post(Map.of("clientId", "x", "targetProxy", "edge-b", "rewriteSource", true)).statusCode(400)
                .body("detail", containsString("rewriteSource"));
        post(Map.of("clientId", "x", "targetProxy", "edge-b", "forwarding", List.of())).statusCode(400)
                .body("detail", containsString("forwarding"));
        given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/handovers/no-such-handover")
                .then().statusCode(404).contentType(containsString("problem+json"));
    }

    @Test
    void shouldCancelTwiceAndFinalizeNoMore() throws Exception {
        loggedIn("saga-3", false);
        post(order("saga-3", "edge-b", "saga-3.h")).statusCode(201);
        given().header("Authorization", ProxyTestBed.OPERATOR).delete("/edge_proxy/v1/handovers/saga-3.h")
                .then().statusCode(204);
        given().header("Authorization", ProxyTestBed.OPERATOR).delete("/edge_proxy/v1/handovers/saga-3.h")
                .then().statusCode(204);
        given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/handovers/saga-3.h")
                .then().statusCode(200).body("state", equalTo("CANCELLED"));
        given().header("Authorization", ProxyTestBed.OPERATOR).post("/edge_proxy/v1/handovers/saga-3.h/finalize")
                .then().statusCode(409).contentType(containsString("problem+json"));
        given().header("Authorization", ProxyTestBed.OPERATOR).delete("/edge_proxy/v1/handovers/unknown-handover")
                .then().statusCode(404);
    }

    @Test
    void shouldReachTheNewBackendThroughTheTargetWhenTheHandoverRewritesForwarding() throws Exception {
        Curl client = loggedIn("saga-4", true);
        Curl.Response before = client.get("/counter?i=0");
        assertEquals(200, before.status(), before.body());
        assertTrue(before.body().contains("backend=backend-1") && before.body().contains("via=2 edge1"), before.body());

        Map<String, Object> body = order("saga-4", "edge-b", "saga-4.move");
        body.put("forwarding", Map.of(ProxyTestBed.SERVICE, backend2()));
        post(body).statusCode(201).body("forwarding.'app.edge.test'", equalTo(backend2()))
                .body("rewriteSource", equalTo(false));
        // the source keeps forwarding to the old instance until the client has moved; the target's copy is rewritten
        state("edge1", "saga-4").body("forwarding.'app.edge.test'", equalTo(backend1()));
        state("edge-b", "saga-4").body("forwarding.'app.edge.test'", equalTo(backend2()))
                .body("handoverId", equalTo("saga-4.move"));

        Curl.Response advertising = client.get("/counter?i=1");
        assertEquals(a.httpsPort(), advertising.remotePort());
        assertTrue(advertising.body().contains("backend=backend-1"), advertising.body());
        assertEquals("h2=\"127.0.0.1:" + b.httpsPort() + "\"; ma=3600", advertising.header("Alt-Svc"));
        for (int i = 2; i < 5; i++) {
            Curl.Response r = client.get("/counter?i=" + i);
            assertEquals(200, r.status(), r.body());
            assertEquals(b.httpsPort(), r.remotePort());
            assertTrue(r.body().contains("via=2 edge-b"), r.body());
            assertTrue(r.body().contains("backend=backend-2"), r.body());
            assertTrue(r.body().contains("host=" + ProxyTestBed.SERVICE + ":" + a.httpsPort()), r.body());
        }
        awaitState("saga-4.move", "FINALIZED");
        given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/proxies/edge1/clients/saga-4")
                .then().statusCode(404);
    }

    @Test
    void shouldRewriteTheSourceTooWhenAsked() throws Exception {
        loggedIn("saga-5", false);
        Map<String, Object> body = order("saga-5", "edge-b", "saga-5.move");
        body.put("forwarding", Map.of(ProxyTestBed.SERVICE, backend2()));
        body.put("rewriteSource", true);
        post(body).statusCode(201).body("rewriteSource", equalTo(true));
        state("edge1", "saga-5").body("forwarding.'app.edge.test'", equalTo(backend2()));
        state("edge-b", "saga-5").body("forwarding.'app.edge.test'", equalTo(backend2()));
        given().header("Authorization", ProxyTestBed.OPERATOR).delete("/edge_proxy/v1/handovers/saga-5.move")
                .then().statusCode(204);
    }

    @Test
    void shouldFailNamingThePeerAndLeaveTheSourceAsItWasWhenThePeerIsDown() throws Exception {
        Curl client = loggedIn("saga-6", true);
        Map<String, Object> before = state("edge1", "saga-6").extract().as(Map.class);

        post(order("saga-6", SagaTestProfile.DOWN_PEER, "saga-6.down")).statusCode(503)
                .contentType(containsString("problem+json"))
                .body("status", equalTo(503)).body("detail", containsString(SagaTestProfile.DOWN_PEER));
        given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/handovers/saga-6.down")
                .then().statusCode(200).body("state", equalTo("FAILED"))
                .body("failure", containsString(SagaTestProfile.DOWN_PEER));
        Map<String, Object> after = state("edge1", "saga-6").body("advertiseAltSvc", nullValue()).extract().as(Map.class);
        assertEquals(before, after);

        Curl.Response r = client.get("/still-here");
        assertEquals(200, r.status(), r.body());
        assertEquals(a.httpsPort(), r.remotePort());
        assertNull(r.header("Alt-Svc"), r.headers());
        // the same order again answers the failed handover; a retry takes a new id
        post(order("saga-6", SagaTestProfile.DOWN_PEER, "saga-6.down")).statusCode(200).body("state", equalTo("FAILED"));
    }

    @Test
    void shouldTimeOutAPendingHandoverAndKeepServingFromTheSourceWithoutAltSvc() throws Exception {
        Curl client = loggedIn("saga-7", false);
        Instant ordered = Instant.now();
        post(order("saga-7", "edge-b", "saga-7.late")).statusCode(201);
        Curl.Response advertising = client.get("/late?i=0");
        assertEquals("h2=\"127.0.0.1:" + b.httpsPort() + "\"; ma=3600", advertising.header("Alt-Svc"));

        awaitState("saga-7.late", "TIMED_OUT");
        Duration waited = Duration.between(ordered, Instant.now());
        assertTrue(waited.toMillis() >= (SagaTestProfile.HANDOVER_TIMEOUT_SECONDS - 1) * 1000L, "timed out after " + waited);
        given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/handovers/saga-7.late")
                .then().body("failure", containsString("edge-b"));
        state("edge1", "saga-7").body("advertiseAltSvc", nullValue());
        given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/proxies/edge-b/clients/saga-7")
                .then().statusCode(404);
        Curl.Response r = client.get("/late?i=1");
        assertEquals(200, r.status(), r.body());
        assertEquals(a.httpsPort(), r.remotePort());
        assertTrue(r.body().contains("via=2 edge1"), r.body());
        assertNull(r.header("Alt-Svc"), r.headers());
        given().header("Authorization", ProxyTestBed.OPERATOR).post("/edge_proxy/v1/handovers/saga-7.late/finalize")
                .then().statusCode(409);
    }

    @Test
    void shouldPublishAnArrivalRecordedWhileKafkaFailsLaterAndFinalizeOnce() throws Exception {
        Curl client = loggedIn("saga-8", true);
        FlakyProxyEventSink.failNext("saga-8.kafka", 2);
        int failedBefore = FlakyProxyEventSink.FAILED.get();
        post(order("saga-8", "edge-b", "saga-8.kafka")).statusCode(201);
        assertEquals(a.httpsPort(), client.get("/k?i=0").remotePort());
        Curl.Response atB = client.get("/k?i=1");
        assertEquals(b.httpsPort(), atB.remotePort());

        awaitState("saga-8.kafka", "FINALIZED");
        assertEquals(2, FlakyProxyEventSink.FAILED.get() - failedBefore);
        Object[] row = outboxRow("saga-8.kafka");
        assertEquals("SENT", row[1]);
        assertEquals(3, ((Number) row[2]).intValue());
        String finalizedAt = given().header("Authorization", ProxyTestBed.OPERATOR)
                .get("/edge_proxy/v1/handovers/saga-8.kafka").then().extract().path("updatedAt");

        // the same event published again (an ack that got lost) finalizes nothing twice
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE {h-schema}proxy_event_outbox SET "
                + "status = 'PENDING', next_attempt_at = now() WHERE id = ?1").setParameter(1, row[0]).executeUpdate());
        Instant deadline = Instant.now().plus(WAIT);
        while (!"SENT".equals(outboxRow("saga-8.kafka")[1]) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertEquals(4, ((Number) outboxRow("saga-8.kafka")[2]).intValue());
        Thread.sleep(1000);
        given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/handovers/saga-8.kafka")
                .then().body("state", equalTo("FINALIZED")).body("updatedAt", equalTo(finalizedAt));
        state("edge-b", "saga-8").body("arrived", equalTo(true));
    }

    private Object[] outboxRow(String handoverId) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                        "SELECT id, status, attempts FROM {h-schema}proxy_event_outbox WHERE payload LIKE ?1")
                .setParameter(1, "%\"" + handoverId + "\"%").getSingleResult());
    }

    private static Map<String, Object> order(String client, String target, String id) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientId", client);
        body.put("targetProxy", target);
        body.put("handoverId", id);
        return body;
    }

    private static ValidatableResponse post(Map<String, ?> body) {
        return given().header("Authorization", ProxyTestBed.OPERATOR).contentType(ContentType.JSON).body(body)
                .post("/edge_proxy/v1/handovers").then();
    }

    private static ValidatableResponse state(String proxy, String client) {
        return given().header("Authorization", ProxyTestBed.OPERATOR)
                .get("/edge_proxy/v1/proxies/" + proxy + "/clients/" + client).then().statusCode(200);
    }

    private static void awaitState(String id, String state) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        String current = null;
        while (Instant.now().isBefore(deadline)) {
            current = given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/handovers/" + id)
                    .then().statusCode(200).extract().path("state");
            if (state.equals(current)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("handover " + id + " is " + current + ", expected " + state);
    }
}
