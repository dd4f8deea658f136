package org.edgemec.platform.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.edgemec.platform.proxy.dataplane.EdgeProxy;
import org.edgemec.platform.proxy.dataplane.EdgeProxyLauncher;
import org.edgemec.platform.proxy.dataplane.ProxyRuntime;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Alt-Svc handover of seed 000 with the real curl: login at the origin, requests through proxy A, a handover to
 * proxy B ordered over the control API, the next requests reach B with the same cookie and Host, served by the same
 * backend, with no failed request; B's "client arrived" event on Kafka finalizes the handover at A.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class EdgeProxyHandoverTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    EdgeProxyLauncher launcher;
    @Inject
    ProxyRuntime runtime;

    EdgeProxy a;
    EdgeProxy b;
    EdgeProxy c;
    Path ca;

    @BeforeEach
    void proxies() throws Exception {
        ProxyTestBed.registerService();
        a = launcher.proxy().orElseThrow();
        b = ProxyTestBed.extraProxy(runtime, "edge-b", "zone-b", null);
        c = ProxyTestBed.extraProxy(runtime, "edge-c", "zone-c", null);
        ca = ProxyTestBed.caFile();
    }

    private Curl curl(String client, boolean altSvc) throws Exception {
        return new Curl(Path.of("target", "curl", client), ca, ProxyTestBed.SERVICE, a.httpsPort(), altSvc);
    }

    private static String login(String client) {
        return "{\"clientId\":\"" + client + "\",\"secret\":\"drone-secret\",\"zone\":\"zone-a\"}";
    }

    @Test
    void shouldMoveCurlClientToTargetProxyWithoutFailedRequestWhenHandoverOrdered() throws Exception {
        Curl client = curl("drone-1", true);
        Curl.Response login = client.post("/edge_proxy/v1/login", login("drone-1"));
        assertEquals(200, login.status(), login.body());
        assertEquals("h2=\"127.0.0.1:" + a.httpsPort() + "\"; ma=3600", login.header("Alt-Svc"));
        assertTrue(login.header("Set-Cookie").startsWith("edgemec_session="), login.headers());

        for (int i = 0; i < 3; i++) {
            Curl.Response r = client.get("/hello?i=" + i);
            assertEquals(200, r.status(), r.body());
            assertTrue(r.body().contains("via=2 edge1"), r.body());
        }
        String handover = orderHandover("drone-1", "edge-b");

        Curl.Response advertising = client.get("/hello?step=advertise");
        assertEquals(200, advertising.status());
        assertEquals(a.httpsPort(), advertising.remotePort());
        assertEquals("h2=\"127.0.0.1:" + b.httpsPort() + "\"; ma=3600", advertising.header("Alt-Svc"));

        for (int i = 0; i < 3; i++) {
            Curl.Response r = client.get("/hello?after=" + i);
            assertEquals(200, r.status(), r.body());
            assertEquals(b.httpsPort(), r.remotePort(), "request reached proxy B, alt-svc file: "
                    + java.nio.file.Files.readString(client.altSvcFile()));
            assertTrue(r.body().contains("via=2 edge-b"), r.body());
            assertTrue(r.body().contains("backend=backend-1"), r.body());
            assertTrue(r.body().contains("host=" + ProxyTestBed.SERVICE + ":" + a.httpsPort()), r.body());
            assertTrue(r.body().contains("x-forwarded-proto=https"), r.body());
            assertTrue(r.body().contains("cookie=edgemec_session="), r.body());
        }
        awaitHandoverState(handover, "FINALIZED");
        given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/proxies/edge1/clients/drone-1")
                .then().statusCode(404);
        given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/proxies/edge-b/clients/drone-1")
                .then().statusCode(200).body("arrived", equalTo(true)).body("handoverId", equalTo(handover));
    }

    @Test
    void shouldKeepServingClientThatIgnoresAltSvcAndAdvertiseSourceAgainWhenCancelled() throws Exception {
        Curl client = curl("drone-2", false);
        assertEquals(200, client.post("/edge_proxy/v1/login", login("drone-2")).status());
        String handover = orderHandover("drone-2", "edge-b");
        for (int i = 0; i < 3; i++) {
            Curl.Response r = client.get("/stubborn?i=" + i);
            assertEquals(200, r.status(), r.body());
            assertEquals(a.httpsPort(), r.remotePort());
            assertTrue(r.body().contains("via=2 edge1"), r.body());
            assertEquals("h2=\"127.0.0.1:" + b.httpsPort() + "\"; ma=3600", r.header("Alt-Svc"));
        }
        given().header("Authorization", ProxyTestBed.OPERATOR).delete("/edge_proxy/v1/handovers/" + handover)
                .then().statusCode(204);
        awaitHandoverState(handover, "CANCELLED");
        Curl.Response r = client.get("/stubborn?after=cancel");
        assertEquals(200, r.status());
        assertEquals("h2=\"127.0.0.1:" + a.httpsPort() + "\"; ma=3600", r.header("Alt-Svc"));
        given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/proxies/edge-b/clients/drone-2")
                .then().statusCode(200).body("expiresAt", notNullValue())
                .body("advertiseAltSvc", equalTo("h2=\"127.0.0.1:" + a.httpsPort() + "\"; ma=3600"));
        // cancelling again changes nothing; finalizing a cancelled handover is a conflict
        given().header("Authorization", ProxyTestBed.OPERATOR).delete("/edge_proxy/v1/handovers/" + handover)
                .then().statusCode(204);
        given().header("Authorization", ProxyTestBed.OPERATOR).post("/edge_proxy/v1/handovers/" + handover + "/finalize")
                .then().statusCode(409).contentType(containsString("problem+json"));
    }

    @Test
    void shouldFollowTheNewestTargetWhenSecondHandoverOrderedDuringFirst() throws Exception {
        Curl client = curl("drone-3", true);
        assertEquals(200, client.post("/edge_proxy/v1/login", login("drone-3")).status());
        assertEquals(200, client.get("/x").status());
        String first = orderHandover("drone-3", "edge-b");
        String second = orderHandover("drone-3", "edge-c");
        awaitHandoverState(first, "SUPERSEDED");

        Curl.Response advertising = client.get("/x?step=advertise");
        assertEquals(200, advertising.status());
        assertEquals("h2=\"127.0.0.1:" + c.httpsPort() + "\"; ma=3600", advertising.header("Alt-Svc"));
        Curl.Response atC = client.get("/x?step=c");
        assertEquals(200, atC.status(), atC.body());
        assertEquals(c.httpsPort(), atC.remotePort());
        assertTrue(atC.body().contains("via=2 edge-c"), atC.body());
        awaitHandoverState(second, "FINALIZED");
        // the superseded target keeps a copy that sends stragglers on to the newest target, until it expires
        given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/proxies/edge-b/clients/drone-3")
                .then().statusCode(200).body("expiresAt", notNullValue())
                .body("advertiseAltSvc", equalTo("h2=\"127.0.0.1:" + c.httpsPort() + "\"; ma=3600"));
    }

    @Test
    void shouldRejectHandoverOfUnknownClientOrToUnknownProxy() {
        given().header("Authorization", ProxyTestBed.OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("clientId", "nobody", "targetProxy", "edge-b"))
                .post("/edge_proxy/v1/handovers").then().statusCode(404).contentType(containsString("problem+json"));
        given().header("Authorization", ProxyTestBed.OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("clientId", "nobody", "targetProxy", "nowhere"))
                .post("/edge_proxy/v1/handovers").then().statusCode(400).body("detail", containsString("targetProxy"));
        given().header("Authorization", ProxyTestBed.OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("clientId", "x"))
                .post("/edge_proxy/v1/handovers").then().statusCode(400).body("detail", containsString("targetProxy"));
        given().contentType(ContentType.JSON).body(Map.of("clientId", "x", "targetProxy", "edge-b"))
                .post("/edge_proxy/v1/handovers").then().statusCode(401).contentType(containsString("problem+json"));
    }

    private static String orderHandover(String client, String target) {
        String location = given().header("Authorization", ProxyTestBed.OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("clientId", client, "targetProxy", target))
                .post("/edge_proxy/v1/handovers").then().statusCode(201)
                .body("state", equalTo("PENDING")).body("sourceProxy", equalTo("edge1"))
                .extract().header("Location");
        assertNotNull(location);
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static void awaitHandoverState(String id, String state) throws InterruptedException {
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
