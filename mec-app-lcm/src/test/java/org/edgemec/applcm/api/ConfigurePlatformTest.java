package org.edgemec.applcm.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.edgemec.applcm.persistence.AppInstanceRepository;
import org.edgemec.applcm.support.CallbackRecorder;
import org.edgemec.applcm.support.ProvisioningPlatform;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

/**
 * configure_platform_for_app as an LCM operation: 202 + Location of a CONFIGURE_PLATFORM_FOR_APP op occ, the
 * platform's provisioning replaced keeping the instance's Mp1 identity and endpoint, a refused configuration rolled
 * back to the previous one (FAILED_TEMP with the platform's 400), 4xx before anything is recorded.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ConfigurePlatformTest {

    static final String INSTANCES = AppLcmResourceTest.INSTANCES;

    @Inject
    AppInstanceRepository instances;

    static String hostWithPlatform(String platformUrl) {
        String name = "p" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body(Map.of("name", name, "engineKind", "PODMAN",
                "engineEndpoint", "tcp://127.0.0.1:1", "platformUrl", platformUrl))
                .post("/app_lcm_ext/v1/mec_hosts").then().statusCode(201);
        return name;
    }

    /** The instance as an instantiation leaves it (no engine here: the host's engine is never called). */
    void instantiatedOn(String id, String host) {
        QuarkusTransaction.requiringNew().run(() -> instances.update("instantiationState = 'INSTANTIATED', "
                + "operationalState = 'STARTED', hostName = ?1, containerId = 'c0ffee', containerName = 'mec-c' "
                + "where id = ?2", host, id));
    }

    static Map<String, Object> dnsRule(String id, String address) {
        return Map.of("dnsRuleId", id, "domainName", id + ".mec.example", "ipAddressType", "IP_V4",
                "ipAddress", address, "ttl", 5);
    }

    static final String IDENTITY = "{\"clientId\":\"client-kept\",\"clientSecretHash\":\"hash-kept\","
            + "\"tokenKeys\":[{\"issuer\":\"edgemec-platform-edge1\",\"publicKey\":\"AAAA\"}]}";

    @Test
    void shouldReplaceTheConfigurationKeepingIdentityAndEndpointThenRollBackARefusedOne() {
        try (ProvisioningPlatform platform = new ProvisioningPlatform(); CallbackRecorder subscriber =
                new CallbackRecorder()) {
            given().contentType(ContentType.JSON).body(Map.of("subscriptionType", "AppLcmOpOccStateChangeSubscription",
                    "callbackUri", subscriber.url("/lcm"))).post("/app_lcm/v1/subscriptions").then().statusCode(201);
            String host = hostWithPlatform(platform.url());
            String id = AppLcmResourceTest.createInstance(AppLcmResourceTest.onboardedAppD());
            instantiatedOn(id, host);
            platform.provisioned("{\"appInstanceId\":\"" + id + "\",\"appDId\":\"d\",\"appName\":\"counter\","
                    + "\"endpoint\":{\"host\":\"10.88.0.5\",\"port\":8080},"
                    + "\"appTrafficRule\":[{\"trafficRuleId\":\"tr1\",\"filterType\":\"FLOW\",\"priority\":1,"
                    + "\"trafficFilter\":[{}],\"action\":\"FORWARD_DECAPSULATED\"}],"
                    + "\"appDNSRule\":[{\"dnsRuleId\":\"old\",\"domainName\":\"old.mec.example\","
                    + "\"ipAddressType\":\"IP_V4\",\"ipAddress\":\"0.0.0.0\"}]}", IDENTITY);

            String location = given().contentType(ContentType.JSON)
                    .body(Map.of("appDNSRule", List.of(dnsRule("new", "10.0.0.7"))))
                    .post(INSTANCES + "/" + id + "/configure_platform_for_app").then().statusCode(202)
                    .extract().header("Location");
            String op = AppLcmResourceTest.opPath(location);
            JsonPath done = AppLcmResourceTest.awaitOp(op, "COMPLETED");
            assertEquals("CONFIGURE_PLATFORM_FOR_APP", done.getString("lcmOperation"));
            assertEquals("new", done.getString("operationParams.appDNSRule[0].dnsRuleId"));
            assertEquals(id, done.getString("_links.appInstance.href").replaceAll(".*/", ""));

            JsonNode now = platform.provisioning(id);
            assertEquals("new", now.at("/appDNSRule/0/dnsRuleId").asText(), now.toString());
            assertEquals(1, now.get("appDNSRule").size());
            assertEquals("tr1", now.at("/appTrafficRule/0/trafficRuleId").asText(), "absent attribute kept: " + now);
            assertEquals("10.88.0.5", now.at("/endpoint/host").asText(), "endpoint kept: " + now);
            assertEquals(8080, now.at("/endpoint/port").asInt());
            assertEquals("client-kept", platform.identity(id).get("clientId").asText(), "Mp1 identity adopted");
            assertEquals("hash-kept", platform.identity(id).get("clientSecretHash").asText());
            assertEquals("edgemec-platform-edge1", platform.identity(id).at("/tokenKeys/0/issuer").asText());
            assertFalse(platform.calls().stream().anyMatch(c -> c.contains("graceful=true")),
                    "the app is not told to terminate: " + platform.calls());
            String opId = done.getString("id");
            subscriber.await(b -> b.contains(opId) && b.contains("\"operationType\":\"CONFIGURE_PLATFORM_FOR_APP\"")
                    && b.contains("\"operationState\":\"COMPLETED\""), AppLcmResourceTest.WAIT);
            given().get(INSTANCES + "/" + id).then().body("instantiationState", equalTo("INSTANTIATED"))
                    .body("instantiatedAppState.operationalState", equalTo("STARTED"));
            given().get("/app_lcm_ext/v1/app_lcm_op_occs/" + opId).then().statusCode(200)
                    .body("steps.step", org.hamcrest.Matchers.hasItem(containsString("client-kept")));

            // the platform refuses the next configuration: what was there is put back, identity and endpoint too
            platform.refuseNextPost("appDNSRule[0].ipAddress: not an IP_V4 address");
            String second = AppLcmResourceTest.opPath(given().contentType(ContentType.JSON)
                    .body(Map.of("appDNSRule", List.of(dnsRule("bad", "10.0.0.8")), "appLatency",
                            Map.of("maxLatency", 10)))
                    .post(INSTANCES + "/" + id + "/configure_platform_for_app").then().statusCode(202)
                    .extract().header("Location"));
            String secondId = AppLcmResourceTest.awaitOp(second, "FAILED_TEMP").getString("id");
            given().get("/app_lcm_ext/v1/app_lcm_op_occs/" + secondId).then().statusCode(200)
                    .body("lcmOperation", equalTo("CONFIGURE_PLATFORM_FOR_APP"))
                    .body("error.status", equalTo(400)).body("error.detail", containsString("appDNSRule[0]"))
                    .body("steps.step", org.hamcrest.Matchers.hasItem(containsString("appLatency")))
                    .body("steps.step", org.hamcrest.Matchers.hasItem(containsString("previous one is restored")));
            now = platform.provisioning(id);
            assertEquals("new", now.at("/appDNSRule/0/dnsRuleId").asText(), "previous configuration back: " + now);
            assertEquals("10.88.0.5", now.at("/endpoint/host").asText());
            assertEquals("client-kept", platform.identity(id).get("clientId").asText());
            // an open op occ blocks another configuration; fail closes it
            given().contentType(ContentType.JSON).body(Map.of()).post(INSTANCES + "/" + id
                    + "/configure_platform_for_app").then().statusCode(409);
            given().post(second + "/fail").then().statusCode(200).body("operationState", equalTo("FAILED"))
                    .body("lcmOperation", equalTo("CONFIGURE_PLATFORM_FOR_APP"));
        }
    }

    @Test
    void shouldRefuseBadConfigurationsBeforeRecordingAnything() {
        String id = AppLcmResourceTest.createInstance(AppLcmResourceTest.onboardedAppD());
        String path = INSTANCES + "/" + id + "/configure_platform_for_app";
        given().contentType(ContentType.JSON).body(Map.of()).post(path).then().statusCode(409)
                .body("detail", containsString("NOT_INSTANTIATED"));
        instantiatedOn(id, AppLcmResourceTest.deadHost());
        given().contentType(ContentType.JSON).body(Map.of()).post(path).then().statusCode(409)
                .body("detail", containsString("no mec-platform"));
        String platformHost = hostWithPlatform("http://127.0.0.1:1");
        instantiatedOn(id, platformHost);
        given().contentType(ContentType.JSON).body(Map.of("appDNSRule", List.of(dnsRule("a", "10.0.0.1"),
                dnsRule("a", "10.0.0.2")))).post(path).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("appDNSRule[1].dnsRuleId"));
        given().contentType(ContentType.JSON).body("{\"appDNSRule\": \"x\"}").post(path).then().statusCode(400)
                .body("detail", containsString("appDNSRule"));
        given().contentType(ContentType.JSON).body(Map.of()).post(INSTANCES + "/nope/configure_platform_for_app")
                .then().statusCode(404);
        // a platform that does not answer: FAILED_TEMP with a 503 naming it, nothing changed
        String op = AppLcmResourceTest.opPath(given().contentType(ContentType.JSON).body(Map.of()).post(path)
                .then().statusCode(202).extract().header("Location"));
        JsonPath failed = AppLcmResourceTest.awaitOp(op, "FAILED_TEMP");
        given().get("/app_lcm_ext/v1/app_lcm_op_occs/" + failed.getString("id")).then()
                .body("error.status", equalTo(503)).body("error.detail", containsString("127.0.0.1:1"));
        given().post(op + "/fail").then().statusCode(200);
    }
}
