package org.edgemec.platform.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.edgemec.edgeclient.EdgeClient;
import org.edgemec.platform.proxy.dataplane.EdgeProxy;
import org.edgemec.platform.proxy.dataplane.EdgeProxyLauncher;
import org.edgemec.platform.proxy.dataplane.ProxyRuntime;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same handover with the project's own Alt-Svc client (module edge-client) instead of curl. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class EdgeClientHandoverTest {

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

    private EdgeClient client() throws Exception {
        return EdgeClient.create(ProxyTestBed.caFile(), Duration.ofSeconds(10))
                .resolve(ProxyTestBed.SERVICE, "127.0.0.1");
    }

    private URI uri(String path) {
        return URI.create("https://" + ProxyTestBed.SERVICE + ":" + a.httpsPort() + path);
    }

    private void login(EdgeClient client, String id) {
        EdgeClient.Response r = client.post(uri("/edge_proxy/v1/login"), "application/json",
                "{\"clientId\":\"" + id + "\",\"secret\":\"drone-secret\"}");
        assertEquals(200, r.status(), r.body());
    }

    @Test
    void shouldFollowHandoverToTargetProxyWithSameCookieAndHost() throws Exception {
        EdgeProxy b = ProxyTestBed.extraProxy(runtime, "edge-b", "zone-b", null);
        try (EdgeClient client = client()) {
            login(client, "drone-8");
            assertEquals(Optional.of("127.0.0.1:" + a.httpsPort()), client.alternativeFor(uri("/")));
            EdgeClient.Response before = client.get(uri("/java?i=1"));
            assertEquals(200, before.status());
            assertTrue(before.body().contains("via=2 edge1"), before.body());

            orderHandover("drone-8", "edge-b");
            EdgeClient.Response advertising = client.get(uri("/java?i=2"));
            assertEquals(200, advertising.status());
            assertEquals(Optional.of("127.0.0.1:" + b.httpsPort()), client.alternativeFor(uri("/")));
            for (int i = 3; i < 6; i++) {
                EdgeClient.Response r = client.get(uri("/java?i=" + i));
                assertEquals(200, r.status(), r.body());
                assertEquals("127.0.0.1:" + b.httpsPort(), r.servedBy());
                assertTrue(r.body().contains("via=2 edge-b"), r.body());
                assertTrue(r.body().contains("host=" + ProxyTestBed.SERVICE + ":" + a.httpsPort()), r.body());
                assertTrue(r.body().contains("cookie=edgemec_session="), r.body());
            }
        }
    }

    @Test
    void shouldFallBackToOriginWhenTheAdvertisedProxyIsGone() throws Exception {
        EdgeProxy doomed = ProxyTestBed.start(runtime, "edge-doomed", null, null);
        try (EdgeClient client = client()) {
            login(client, "drone-9");
            orderHandover("drone-9", "edge-doomed");
            assertEquals(200, client.get(uri("/fallback?i=1")).status());
            assertEquals(Optional.of("127.0.0.1:" + doomed.httpsPort()), client.alternativeFor(uri("/")));
            doomed.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

            EdgeClient.Response r = client.get(uri("/fallback?i=2"));
            assertEquals(200, r.status(), r.body());
            assertTrue(r.body().contains("via=2 edge1"), r.body());
        }
    }

    private static void orderHandover(String client, String target) {
        given().header("Authorization", ProxyTestBed.OPERATOR).contentType(ContentType.JSON)
                .body(Map.of("clientId", client, "targetProxy", target))
                .post("/edge_proxy/v1/handovers").then().statusCode(201);
    }
}
