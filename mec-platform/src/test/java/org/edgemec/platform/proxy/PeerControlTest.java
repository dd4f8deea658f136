package org.edgemec.platform.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.edgemec.platform.proxy.adapters.HttpPeerControl;
import org.edgemec.platform.proxy.dataplane.EdgeProxy;
import org.edgemec.platform.proxy.dataplane.ProxyRuntime;
import org.edgemec.platform.proxy.domain.ClientState;
import org.edgemec.platform.proxy.domain.Endpoint;
import org.edgemec.platform.proxy.domain.ProxyRef;
import org.edgemec.platform.proxy.domain.Requirements;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The peer adapter over real HTTP: this platform's control API plays the peer platform, so the state travels through
 * {@code PUT /edge_proxy/v1/proxies/{proxy}/clients/{id}} exactly as between two platforms.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PeerControlTest {

    @Inject
    HttpPeerControl peers;
    @Inject
    ProxyRuntime runtime;

    @Test
    void shouldInstallAndRemoveStateAtPeerThroughItsControlApi() throws Exception {
        EdgeProxy b = ProxyTestBed.extraProxy(runtime, "edge-b", "zone-b", null);
        ProxyRef remote = new ProxyRef("edge-b", b.authority(), Optional.empty(), Optional.empty(),
                Optional.of("http://localhost:" + RestAssured.port), false);
        ClientState state = new ClientState("edge-b", "peer-client", Requirements.DEFAULT,
                Map.of("peer.edge.test", new Endpoint("127.0.0.1", 9)), "h-1", false, null, null);

        peers.putState(remote, state);
        given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/proxies/edge-b/clients/peer-client")
                .then().statusCode(200).body("forwarding.'peer.edge.test'", equalTo("127.0.0.1:9"))
                .body("handoverId", equalTo("h-1"));
        // the peer makes its certificate valid for the origins it now serves
        assertTrue(b.certificateNames().contains("peer.edge.test"));

        peers.removeState(remote, "peer-client");
        given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/proxies/edge-b/clients/peer-client")
                .then().statusCode(404);
        peers.removeState(remote, "peer-client");
    }

    @Test
    void shouldRejectStateForProxyNotRunningHereOrWithMismatchedId() {
        given().header("Authorization", ProxyTestBed.OPERATOR).contentType("application/json")
                .body(Map.of("clientId", "x", "latency", "NORMAL", "throughput", "NORMAL", "forwarding", Map.of()))
                .put("/edge_proxy/v1/proxies/nowhere/clients/x").then().statusCode(404);
        given().header("Authorization", ProxyTestBed.OPERATOR).contentType("application/json")
                .body(Map.of("clientId", "y", "latency", "NORMAL", "throughput", "NORMAL", "forwarding", Map.of()))
                .put("/edge_proxy/v1/proxies/edge1/clients/x").then().statusCode(400)
                .body("detail", containsString("clientId"));
        given().header("Authorization", ProxyTestBed.OPERATOR).contentType("application/json")
                .body(Map.of("clientId", "x", "latency", "FAST", "throughput", "NORMAL", "forwarding", Map.of()))
                .put("/edge_proxy/v1/proxies/edge1/clients/x").then().statusCode(400)
                .body("detail", containsString("latency"));
    }
}
