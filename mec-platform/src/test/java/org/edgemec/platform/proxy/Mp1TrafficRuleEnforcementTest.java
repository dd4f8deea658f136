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
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end: a TrafficRule provisioned with an app instance (provisioning API) and changed by the app over Mp1 is
 * enforced by the platform's own proxy on the next requests, on that app's own host names only.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class Mp1TrafficRuleEnforcementTest {

    private static final Path DIR = Path.of("target", "curl", "mp1-rules");

    @Inject
    EdgeProxyLauncher launcher;
    @Inject
    javax.sql.DataSource dataSource;
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "edgemec.db.schema")
    String schema;

    @Test
    void shouldDropMatchingRequestsWhileTheMp1RuleIsActive() throws Exception {
        ProxyTestBed.registerService();
        EdgeProxy a = launcher.proxy().orElseThrow();
        String path = "/mp1-dropped-" + UUID.randomUUID();
        String app = "app-" + UUID.randomUUID();
        String host = "r-" + UUID.randomUUID() + ".edge.test";
        String token = provision(provisioning(app, host, """
                [{"trafficRuleId": "drop-path", "filterType": "FLOW", "priority": 1,
                  "trafficFilter": [{"uri": ["%s"]}], "action": "DROP"}]""".formatted(path)));

        String cookie = login(a);
        Curl.Response dropped = awaitStatus(a, cookie, host, path, 403);
        assertTrue(dropped.body().contains("dropped by traffic rule drop-path"), dropped.body());
        assertEquals(200, get(a, cookie, host, "/mp1-other").status());
        assertEquals(200, get(a, cookie, ProxyTestBed.SERVICE, path).status(),
                "the rule acts on its own app's host names only, not on a service the operator put");

        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body("""
                        {"trafficRuleId": "drop-path", "filterType": "FLOW", "priority": 1,
                         "trafficFilter": [{"uri": ["%s"]}], "action": "DROP", "state": "INACTIVE"}""".formatted(path))
                .put("/mec_app_support/v2/applications/" + app + "/traffic_rules/drop-path").then().statusCode(200);
        Curl.Response passed = awaitStatus(a, cookie, host, path, 200);
        assertTrue(passed.body().contains("backend=backend-1"), passed.body());
    }

    /**
     * A change that bypasses Hibernate (another replica, a bulk statement) reaches the proxy through the table's
     * NOTIFY trigger: nothing polls the rules, so without it the rule would stay enforced.
     */
    @Test
    void shouldFollowARuleChangedBySqlAlone() throws Exception {
        ProxyTestBed.registerService();
        EdgeProxy a = launcher.proxy().orElseThrow();
        String path = "/sql-dropped-" + UUID.randomUUID();
        String app = "app-" + UUID.randomUUID();
        String host = "s-" + UUID.randomUUID() + ".edge.test";
        provision(provisioning(app, host, """
                [{"trafficRuleId": "drop-sql", "filterType": "FLOW", "priority": 1,
                  "trafficFilter": [{"uri": ["%s"]}], "action": "DROP"}]""".formatted(path)));
        String cookie = login(a);
        awaitStatus(a, cookie, host, path, 403);

        try (var connection = dataSource.getConnection();
             var update = connection.prepareStatement(
                     "UPDATE " + schema + ".traffic_rule SET state = 'INACTIVE' WHERE app_instance_id = ?")) {
            update.setString(1, app);
            assertEquals(1, update.executeUpdate());
        }
        awaitStatus(a, cookie, host, path, 200);
    }

    /** Issue 13: one app's unrestricted DROP rule dropped every client's traffic through the proxy. */
    @Test
    void shouldNeverLetAnAppsRuleActOnAnotherAppsTraffic() throws Exception {
        ProxyTestBed.registerService();
        EdgeProxy a = launcher.proxy().orElseThrow();
        String victim = "app-" + UUID.randomUUID();
        String victimHost = "v-" + UUID.randomUUID() + ".edge.test";
        provision(provisioning(victim, victimHost, "[]"));
        String attacker = "app-" + UUID.randomUUID();
        String attackerHost = "x-" + UUID.randomUUID() + ".edge.test";
        String attackerToken = provision(provisioning(attacker, attackerHost, """
                [{"trafficRuleId": "drop-all", "filterType": "FLOW", "priority": 0,
                  "trafficFilter": [{"protocol": ["TCP"]}], "action": "DROP"}]"""));

        String cookie = login(a);
        // the attacker's rule is enforced (on its own host), so the proxy has read it before the checks below
        awaitStatus(a, cookie, attackerHost, "/", 403);
        assertEquals(200, get(a, cookie, victimHost, "/").status(), "another app's host is not dropped");
        assertEquals(200, get(a, cookie, ProxyTestBed.SERVICE, "/").status(), "an operator service is not dropped");

        // a filter naming another app's host name (tag = service host) is refused, and nothing is stored
        String ruleUri = "/mec_app_support/v2/applications/" + attacker + "/traffic_rules/drop-all";
        String before = given().header("Authorization", "Bearer " + attackerToken).get(ruleUri).then()
                .statusCode(200).extract().asString();
        given().header("Authorization", "Bearer " + attackerToken).contentType(ContentType.JSON)
                .body("""
                        {"trafficRuleId": "drop-all", "filterType": "FLOW", "priority": 0,
                         "trafficFilter": [{"protocol": ["TCP"]}, {"tag": ["%s", "%s"]}], "action": "DROP",
                         "state": "ACTIVE"}""".formatted(attackerHost, victimHost))
                .put(ruleUri).then().statusCode(400).contentType("application/problem+json")
                .body("detail", startsWith("trafficFilter[1].tag"));
        assertEquals(before, given().header("Authorization", "Bearer " + attackerToken).get(ruleUri).then()
                .statusCode(200).extract().asString());
        // its own host name is fine
        given().header("Authorization", "Bearer " + attackerToken).contentType(ContentType.JSON)
                .body("""
                        {"trafficRuleId": "drop-all", "filterType": "FLOW", "priority": 0,
                         "trafficFilter": [{"tag": ["%s"]}], "action": "DROP", "state": "ACTIVE"}"""
                        .formatted(attackerHost.toUpperCase()))
                .put(ruleUri).then().statusCode(200);

        // the same at provisioning: the AppD rule names a host name that is not the instance's own
        String refused = "app-" + UUID.randomUUID();
        given().header("Authorization", ProxyTestBed.OPERATOR).contentType(ContentType.JSON)
                .body(provisioning(refused, "y-" + UUID.randomUUID() + ".edge.test", """
                        [{"trafficRuleId": "t", "filterType": "FLOW", "priority": 1,
                          "trafficFilter": [{"tag": ["%s"]}], "action": "DROP"}]""".formatted(victimHost)))
                .post("/mec_platform_mgmt/v1/app_instances").then().statusCode(400)
                .body("detail", startsWith("appTrafficRule[0].trafficFilter[0].tag"));
        given().header("Authorization", ProxyTestBed.OPERATOR).get("/mec_platform_mgmt/v1/app_instances/" + refused)
                .then().statusCode(404);
    }

    private static String provision(String body) {
        var credentials = given().header("Authorization", ProxyTestBed.OPERATOR).contentType(ContentType.JSON)
                .body(body).post("/mec_platform_mgmt/v1/app_instances").then().statusCode(201).extract();
        return given().auth().preemptive().basic(credentials.path("clientId"), credentials.path("clientSecret"))
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .post("/mec_platform_mgmt/v1/oauth/token").then().statusCode(200).extract().path("access_token");
    }

    /** An instance served by the echo backend under its own AppD DNS name {@code host}, which the proxy fronts. */
    private static String provisioning(String app, String host, String trafficRules) throws Exception {
        return """
                {"appInstanceId": "%s", "appDId": "d-1", "appName": "rules", "appProvider": "acme",
                 "appSoftVersion": "1.0", "endpoint": {"host": "127.0.0.1", "port": %d},
                 "appDNSRule": [{"dnsRuleId": "d", "domainName": "%s", "ipAddressType": "IP_V4",
                    "ipAddress": "127.0.0.1"}],
                 "appTrafficRule": %s}
                """.formatted(app, ProxyTestBed.backendPort(), host, trafficRules);
    }

    private static String login(EdgeProxy a) throws Exception {
        Curl.Response r = Curl.plain(DIR, ProxyTestBed.args("-H", "Host: " + ProxyTestBed.SERVICE, "-H",
                "Content-Type: application/json", "--data-binary", "{\"clientId\":\"drone-10\",\"secret\":\"drone-secret\"}",
                "http://127.0.0.1:" + a.httpPort() + "/edge_proxy/v1/login"));
        assertEquals(200, r.status(), r.body());
        String setCookie = r.header("Set-Cookie");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static Curl.Response get(EdgeProxy a, String cookie, String host, String path) throws Exception {
        return Curl.plain(DIR, ProxyTestBed.args("-H", "Host: " + host, "-H", "Cookie: " + cookie,
                "http://127.0.0.1:" + a.httpPort() + path));
    }

    /** The proxy re-reads the ACTIVE rules (on a worker thread) after each committed change: poll, bounded. */
    private static Curl.Response awaitStatus(EdgeProxy a, String cookie, String host, String path, int status)
            throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        Curl.Response r = get(a, cookie, host, path);
        while (r.status() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            r = get(a, cookie, host, path);
        }
        assertEquals(status, r.status(), r.body());
        return r;
    }

}
