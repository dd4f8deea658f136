package org.edgemec.platform.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.edgemec.platform.proxy.dataplane.EdgeProxy;
import org.edgemec.platform.proxy.dataplane.EdgeProxyLauncher;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end: a TrafficRule provisioned with an app instance (provisioning API) and changed by the app over Mp1 is
 * enforced by the platform's own proxy on the next requests.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class Mp1TrafficRuleEnforcementTest {

    private static final Path DIR = Path.of("target", "curl", "mp1-rules");

    @Inject
    EdgeProxyLauncher launcher;

    @Test
    void shouldDropMatchingRequestsWhileTheMp1RuleIsActive() throws Exception {
        ProxyTestBed.registerService();
        EdgeProxy a = launcher.proxy().orElseThrow();
        String path = "/mp1-dropped-" + UUID.randomUUID();
        String app = "app-" + UUID.randomUUID();
        var credentials = given().header("Authorization", ProxyTestBed.OPERATOR).contentType(ContentType.JSON)
                .body(provisioning(app, path)).post("/mec_platform_mgmt/v1/app_instances")
                .then().statusCode(201).extract();
        String token = given().auth().preemptive().basic(credentials.path("clientId"), credentials.path("clientSecret"))
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/mec_platform_mgmt/v1/oauth/token").then().statusCode(200).extract().path("access_token");

        String cookie = login(a);
        Curl.Response dropped = awaitStatus(a, cookie, path, 403);
        assertTrue(dropped.body().contains("dropped by traffic rule drop-path"), dropped.body());
        assertEquals(200, get(a, cookie, "/mp1-other").status());

        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body("""
                        {"trafficRuleId": "drop-path", "filterType": "FLOW", "priority": 1,
                         "trafficFilter": [{"uri": ["%s"]}], "action": "DROP", "state": "INACTIVE"}""".formatted(path))
                .put("/mec_app_support/v2/applications/" + app + "/traffic_rules/drop-path").then().statusCode(200);
        Curl.Response passed = awaitStatus(a, cookie, path, 200);
        assertTrue(passed.body().contains("backend=backend-1"), passed.body());
    }

    private static String provisioning(String app, String path) {
        return """
                {"appInstanceId": "%s", "appDId": "d-1", "appName": "rules", "appProvider": "acme",
                 "appSoftVersion": "1.0",
                 "appTrafficRule": [{"trafficRuleId": "drop-path", "filterType": "FLOW", "priority": 1,
                    "trafficFilter": [{"uri": ["%s"]}], "action": "DROP"}]}
                """.formatted(app, path);
    }

    private static String login(EdgeProxy a) throws Exception {
        Curl.Response r = Curl.plain(DIR, ProxyTestBed.args("-H", "Host: " + ProxyTestBed.SERVICE, "-H",
                "Content-Type: application/json", "--data-binary", "{\"clientId\":\"drone-10\",\"secret\":\"drone-secret\"}",
                "http://127.0.0.1:" + a.httpPort() + "/edge_proxy/v1/login"));
        assertEquals(200, r.status(), r.body());
        String setCookie = r.header("Set-Cookie");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static Curl.Response get(EdgeProxy a, String cookie, String path) throws Exception {
        return Curl.plain(DIR, ProxyTestBed.args("-H", "Host: " + ProxyTestBed.SERVICE, "-H", "Cookie: " + cookie,
                "http://127.0.0.1:" + a.httpPort() + path));
    }

    /** The proxy re-reads the ACTIVE rules every second: poll, bounded. */
    private static Curl.Response awaitStatus(EdgeProxy a, String cookie, String path, int status) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        Curl.Response r = get(a, cookie, path);
        while (r.status() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            r = get(a, cookie, path);
        }
        assertEquals(status, r.status(), r.body());
        return r;
    }

}
