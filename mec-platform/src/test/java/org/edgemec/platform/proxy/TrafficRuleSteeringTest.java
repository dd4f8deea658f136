package org.edgemec.platform.proxy;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.edgemec.platform.provisioning.Mp1Apps;
import org.edgemec.platform.proxy.dataplane.EdgeProxy;
import org.edgemec.platform.proxy.dataplane.EdgeProxyLauncher;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Relocation steering with strategy TRAFFIC_RULE, end to end through the platform's own edge proxy with the real
 * curl and two real HTTP backends (the instance's endpoint and the relocation target): clients logged in before the
 * steering follow it, new logins get it, DELETE reverts, and a keepSteering deprovisioning keeps it.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class TrafficRuleSteeringTest {

    private static final Path DIR = Path.of("target", "curl", "steering");

    @Inject
    EdgeProxyLauncher launcher;

    @Test
    void shouldForwardTheFrontedNameToTheTargetWhileSteeredAndRevertOnDelete() throws Exception {
        HttpServer old = ProxyTestBed.echo("steer-old");
        HttpServer target = ProxyTestBed.echo("steer-new");
        try {
            EdgeProxy a = launcher.proxy().orElseThrow();
            String app = Mp1Apps.newId();
            String name = app + ".steer.test";
            int oldPort = old.getAddress().getPort();
            int targetPort = target.getAddress().getPort();
            provision(app, name, oldPort);
            String before = login(a, "drone-4");
            assertBackend(a, name, before, "steer-old");

            given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON).body("""
                    {"strategy": "TRAFFIC_RULE", "target": {"host": "127.0.0.1", "port": %d},
                     "relocationId": "reloc-t1", "expiresAfter": "PT1H"}""".formatted(targetPort))
                    .put(steering(app)).then().statusCode(200).body("strategy", equalTo("TRAFFIC_RULE"))
                    .body("target.port", equalTo(targetPort)).body("domainNames", contains(name));
            assertBackend(a, name, before, "steer-new"); // the logged-in client's state followed
            given().header("Authorization", ProxyTestBed.OPERATOR)
                    .get("/edge_proxy/v1/proxies/" + a.name() + "/clients/drone-4").then().statusCode(200)
                    .body("forwarding.'" + name + "'", equalTo("127.0.0.1:" + targetPort));
            given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/services/" + name).then()
                    .statusCode(200).body("backend", equalTo("127.0.0.1:" + targetPort));
            String after = login(a, "drone-5");
            assertBackend(a, name, after, "steer-new"); // a new login is forwarded there from the catalogue

            // the instance reports its endpoint again (a container restart): the steering stays in force
            given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON)
                    .body("{\"host\": \"127.0.0.1\", \"port\": " + oldPort + "}")
                    .put(Mp1Apps.APPS + "/" + app + "/endpoint").then().statusCode(200);
            assertBackend(a, name, after, "steer-new");

            given().header("Authorization", Mp1Apps.OPERATOR).delete(steering(app)).then().statusCode(204);
            assertBackend(a, name, before, "steer-old");
            assertBackend(a, name, after, "steer-old");
            given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/services/" + name).then()
                    .statusCode(200).body("backend", equalTo("127.0.0.1:" + oldPort));
            Mp1Apps.deprovision(app);
        } finally {
            old.stop(0);
            target.stop(0);
        }
    }

    @Test
    void shouldKeepForwardingToTheTargetAfterAKeepSteeringDeprovisioningUntilTheSteeringIsDeleted() throws Exception {
        HttpServer old = ProxyTestBed.echo("kept-old");
        HttpServer target = ProxyTestBed.echo("kept-new");
        try {
            EdgeProxy a = launcher.proxy().orElseThrow();
            String app = Mp1Apps.newId();
            String name = app + ".steer.test";
            int targetPort = target.getAddress().getPort();
            provision(app, name, old.getAddress().getPort());
            String before = login(a, "drone-6");
            given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON).body("""
                    {"strategy": "TRAFFIC_RULE", "target": {"host": "127.0.0.1", "port": %d}}""".formatted(targetPort))
                    .put(steering(app)).then().statusCode(200);

            given().header("Authorization", Mp1Apps.OPERATOR).delete(Mp1Apps.APPS + "/" + app + "?keepSteering=true")
                    .then().statusCode(204);
            given().header("Authorization", Mp1Apps.OPERATOR).get(Mp1Apps.APPS + "/" + app).then().statusCode(404);
            assertBackend(a, name, before, "kept-new");
            String fresh = login(a, "drone-7");
            assertBackend(a, name, fresh, "kept-new");
            given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/services/" + name).then()
                    .statusCode(200).body("backend", equalTo("127.0.0.1:" + targetPort));

            given().header("Authorization", Mp1Apps.OPERATOR).delete(steering(app)).then().statusCode(204);
            given().header("Authorization", ProxyTestBed.OPERATOR).get("/edge_proxy/v1/services/" + name).then()
                    .statusCode(404);
            Curl.Response unknown = get(a, name, login(a, "drone-7"));
            assertEquals(404, unknown.status(), unknown.body());
            assertTrue(unknown.body().contains("no backend for service host"), unknown.body());
        } finally {
            old.stop(0);
            target.stop(0);
        }
    }

    private static String steering(String app) {
        return Mp1Apps.APPS + "/" + app + "/steering";
    }

    private static void provision(String app, String name, int port) {
        given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON).body("""
                {"appInstanceId": "%s", "appDId": "d-steer", "appName": "steer", "appProvider": "acme",
                 "appSoftVersion": "1.0", "endpoint": {"host": "127.0.0.1", "port": %d},
                 "appDNSRule": [{"dnsRuleId": "dr1", "domainName": "%s", "ipAddressType": "IP_V4",
                    "ipAddress": "127.0.0.1", "ttl": 30}]}""".formatted(app, port, name))
                .post(Mp1Apps.APPS).then().statusCode(201);
    }

    private static String login(EdgeProxy a, String client) throws Exception {
        Curl.Response r = Curl.plain(DIR, ProxyTestBed.args("-H", "Host: " + ProxyTestBed.SERVICE, "-H",
                "Content-Type: application/json", "--data-binary",
                "{\"clientId\":\"" + client + "\",\"secret\":\"drone-secret\"}",
                "http://127.0.0.1:" + a.httpPort() + "/edge_proxy/v1/login"));
        assertEquals(200, r.status(), r.body());
        String setCookie = r.header("Set-Cookie");
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static Curl.Response get(EdgeProxy a, String host, String cookie) throws Exception {
        return Curl.plain(DIR, ProxyTestBed.args("-H", "Host: " + host, "-H", "Cookie: " + cookie,
                "http://127.0.0.1:" + a.httpPort() + "/steered"));
    }

    /** From the next request on: no waiting, no retry. */
    private static void assertBackend(EdgeProxy a, String host, String cookie, String backend) throws Exception {
        Curl.Response r = get(a, host, cookie);
        assertEquals(200, r.status(), r.body());
        assertTrue(r.body().contains("backend=" + backend + "\n"), r.body());
        assertTrue(r.body().contains("host=" + host), "the Host is kept: " + r.body());
    }
}
