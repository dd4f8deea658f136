package org.edgemec.platform.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.edgemec.platform.proxy.dataplane.EdgeProxy;
import org.edgemec.platform.proxy.dataplane.EdgeProxyLauncher;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /edge_proxy/v1/transactions: what the proxy forwarded, with status, duration and backend, real curl as client
 * (client ids of the test registry, edgemec.proxy.clients.*, shared with the other proxy tests).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ProxyTransactionsTest {

    @Inject
    EdgeProxyLauncher launcher;

    @Test
    void shouldListAProxiedRequestWithItsStatusDurationClientAndBackend() throws Exception {
        ProxyTestBed.registerService();
        EdgeProxy proxy = launcher.proxy().orElseThrow();
        Curl client = loggedIn("transactions", ProxyTestBed.SERVICE, "drone-16");
        long before = System.currentTimeMillis();
        String path = "/tx-" + before;
        assertEquals(200, client.get(path).status());

        Map<String, Object> t = transaction(before, path);
        assertEquals(200, t.get("status"));
        assertEquals("drone-16", t.get("clientId"));
        assertEquals(ProxyTestBed.SERVICE, t.get("serviceHost"));
        assertEquals("127.0.0.1:" + ProxyTestBed.backendPort(), t.get("servedBy"));
        assertEquals(proxy.name(), t.get("proxy"));
        assertEquals("GET", t.get("method"));
        assertTrue(((Number) t.get("durationMs")).longValue() >= 0, t.toString());
        assertTrue(((Number) t.get("time")).longValue() >= before, t.toString());
        // an operator-put service fronts no app instance
        assertNull(t.get("appInstanceId"), t.toString());
    }

    @Test
    void shouldListAFailedRequestWithTheProxysOwnStatus() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        given().header("Authorization", ProxyTestBed.OPERATOR).contentType("application/json")
                .body(Map.of("backend", "127.0.0.1:" + closedPort)).put("/edge_proxy/v1/services/tx-down.edge.test")
                .then().statusCode(200);
        EdgeProxy proxy = launcher.proxy().orElseThrow();
        Curl client = loggedIn("transactions-down", "tx-down.edge.test", "drone-17");
        long before = System.currentTimeMillis();
        String path = "/down-" + before;
        assertEquals(502, client.get(path).status());
        Map<String, Object> t = transaction(before, path);
        assertEquals(502, t.get("status"));
        assertEquals("127.0.0.1:" + closedPort, t.get("servedBy"));

        // and without a session cookie: the proxy's 401, with no client and no backend
        Curl anonymous = new Curl(Path.of("target", "curl", "transactions-anonymous"), ProxyTestBed.caFile(),
                ProxyTestBed.SERVICE, proxy.httpsPort(), false);
        assertEquals(401, anonymous.get(path + "-anonymous").status());
        Map<String, Object> a = transaction(before, path + "-anonymous");
        assertEquals(401, a.get("status"));
        assertNull(a.get("clientId"));
        assertNull(a.get("servedBy"));
    }

    @Test
    void shouldAnswer400ForBadQueryParametersAnd401WithoutTheOperatorToken() {
        for (String query : List.of("since=yesterday", "since=-1", "colour=red", "since=1&since=2", "appInstanceId=")) {
            given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/transactions?" + query)
                    .then().statusCode(400).contentType(containsString("application/problem+json"))
                    .body("status", equalTo(400));
        }
        given().get("/edge_proxy/v1/transactions?since=yesterday").then().statusCode(401)
                .body("status", equalTo(401));
        given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/transactions?appInstanceId=none")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    /** A curl client of the platform's proxy (HTTPS) for {@code serviceHost}, logged in as {@code clientId}. */
    private Curl loggedIn(String dir, String serviceHost, String clientId) throws Exception {
        Curl client = new Curl(Path.of("target", "curl", dir), ProxyTestBed.caFile(), serviceHost,
                launcher.proxy().orElseThrow().httpsPort(), false);
        assertEquals(200, client.post("/edge_proxy/v1/login",
                "{\"clientId\":\"" + clientId + "\",\"secret\":\"drone-secret\"}").status());
        return client;
    }

    /** The one transaction for {@code path} since {@code since}; it is recorded when the answer has been written. */
    private static Map<String, Object> transaction(long since, String path) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        List<Map<String, Object>> found = List.of();
        while (found.isEmpty() && System.nanoTime() < end) {
            JsonPath list = given().header("Authorization", ProxyTestBed.OPERATOR)
                    .get("/edge_proxy/v1/transactions?since=" + since).then().statusCode(200).extract().jsonPath();
            found = list.<Map<String, Object>>getList("").stream().filter(t -> path.equals(t.get("path"))).toList();
            if (found.isEmpty()) {
                Thread.sleep(50);
            }
        }
        assertEquals(1, found.size(), "transactions for " + path + ": " + found);
        return found.get(0);
    }
}
