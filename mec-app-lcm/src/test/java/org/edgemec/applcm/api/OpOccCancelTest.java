package org.edgemec.applcm.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.edgemec.applcm.persistence.AppInstanceRepository;
import org.edgemec.applcm.support.Poll;
import org.edgemec.applcm.support.ProvisioningPlatform;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

/**
 * POST cancel acts on a running operation (configure_platform_for_app, which needs no engine): GRACEFUL lets the call
 * in progress finish and stops at the next step boundary before the platform is changed; FORCED stops the call in
 * progress at once and puts the platform's previous configuration back. Both end FAILED_TEMP (MEC 010-2) with
 * isCancelPending false and no cancelMode, and a retry then completes.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class OpOccCancelTest {

    static final String OPS = "/app_lcm/v1/app_lcm_op_occs/";

    @Inject
    AppInstanceRepository instances;

    String instanceOn(ProvisioningPlatform platform) {
        String host = ConfigurePlatformTest.hostWithPlatform(platform.url());
        String id = AppLcmResourceTest.createInstance(AppLcmResourceTest.onboardedAppD());
        QuarkusTransaction.requiringNew().run(() -> instances.update("instantiationState = 'INSTANTIATED', "
                + "operationalState = 'STARTED', hostName = ?1, containerId = 'c0ffee', containerName = 'mec-c' "
                + "where id = ?2", host, id));
        platform.provisioned("{\"appInstanceId\":\"" + id + "\",\"appName\":\"counter\","
                + "\"endpoint\":{\"host\":\"10.88.0.5\",\"port\":8080},\"appDNSRule\":[{\"dnsRuleId\":\"old\","
                + "\"domainName\":\"old.mec.example\",\"ipAddressType\":\"IP_V4\",\"ipAddress\":\"0.0.0.0\"}]}",
                ConfigurePlatformTest.IDENTITY);
        return id;
    }

    static String configure(String id) {
        return AppLcmResourceTest.opPath(given().contentType(ContentType.JSON)
                .body(Map.of("appDNSRule", List.of(ConfigurePlatformTest.dnsRule("new", "10.0.0.7"))))
                .post(AppLcmResourceTest.INSTANCES + "/" + id + "/configure_platform_for_app").then().statusCode(202)
                .extract().header("Location"));
    }

    static JsonPath details(String op) {
        return given().get("/app_lcm_ext/v1/app_lcm_op_occs/" + op.substring(op.lastIndexOf('/') + 1)).then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void shouldStopGracefullyAtTheNextStepBoundaryBeforeThePlatformIsChanged() {
        try (ProvisioningPlatform platform = new ProvisioningPlatform()) {
            String id = instanceOn(platform);
            platform.slowNext("GET", Duration.ofSeconds(3));
            String op = configure(id);
            Poll.until(platform::calls, c -> !c.isEmpty(), AppLcmResourceTest.WAIT, "the platform is read");
            given().contentType(ContentType.JSON).body(Map.of("CancelMode", "GRACEFUL")).post(op + "/cancel").then()
                    .statusCode(202);
            given().get(op).then().body("isCancelPending", equalTo(true))
                    .body("cancelMode.CancelMode", equalTo("GRACEFUL"));
            given().contentType(ContentType.JSON).body(Map.of("CancelMode", "FORCED")).post(op + "/cancel").then()
                    .statusCode(409).body("detail", containsString("already being cancelled"));
            JsonPath failed = AppLcmResourceTest.awaitOp(op, "FAILED_TEMP");
            assertFalse(failed.getBoolean("isCancelPending"));
            assertNull(failed.get("cancelMode"), "cancelMode only while isCancelPending");
            JsonPath d = details(op);
            assertEquals(409, d.getInt("error.status"));
            assertTrue(d.getString("error.detail").contains("GRACEFUL"), d.getString("error.detail"));
            assertTrue(d.getString("error.detail").contains("configuration read"), d.getString("error.detail"));
            assertFalse(platform.calls().stream().anyMatch(c -> c.startsWith("DELETE") || c.startsWith("POST")),
                    "the platform was not changed: " + platform.calls());
            assertEquals("old", platform.provisioning(id).at("/appDNSRule/0/dnsRuleId").asText());
            given().contentType(ContentType.JSON).body(Map.of("CancelMode", "GRACEFUL")).post(op + "/cancel").then()
                    .statusCode(409);

            // retried, it runs to the end from the configuration it saved
            given().post(op + "/retry").then().statusCode(202);
            AppLcmResourceTest.awaitOp(op, "COMPLETED");
            assertEquals("new", platform.provisioning(id).at("/appDNSRule/0/dnsRuleId").asText());
            assertEquals("client-kept", platform.identity(id).get("clientId").asText());
        }
    }

    @Test
    void shouldStopTheCallInProgressWhenForcedAndPutThePreviousConfigurationBack() {
        try (ProvisioningPlatform platform = new ProvisioningPlatform()) {
            String id = instanceOn(platform);
            // the platform applies the new configuration, then takes 20 s to answer
            platform.slowNext("POST", Duration.ofSeconds(20));
            String op = configure(id);
            Poll.until(platform::calls, c -> c.stream().anyMatch(x -> x.startsWith("POST")), AppLcmResourceTest.WAIT,
                    "the new configuration is posted");
            long start = System.nanoTime();
            given().contentType(ContentType.JSON).body(Map.of("CancelMode", "FORCED")).post(op + "/cancel").then()
                    .statusCode(202);
            JsonPath failed = AppLcmResourceTest.awaitOp(op, "FAILED_TEMP");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < 10_000, "FORCED does not wait for the 20 s call: " + ms + " ms");
            assertFalse(failed.getBoolean("isCancelPending"));
            JsonPath d = details(op);
            assertEquals(409, d.getInt("error.status"));
            assertTrue(d.getString("error.detail").contains("FORCED"), d.getString("error.detail"));
            assertTrue(d.getString("error.detail").toLowerCase(java.util.Locale.ROOT).contains("interrupt"),
                    d.getString("error.detail"));
            org.hamcrest.MatcherAssert.assertThat(d.getList("steps.step"), hasItem(containsString(
                    "previous one is restored")));
            JsonNode now = platform.provisioning(id);
            assertEquals("old", now.at("/appDNSRule/0/dnsRuleId").asText(), "previous configuration back: " + now);
            assertEquals("10.88.0.5", now.at("/endpoint/host").asText());
            assertEquals("client-kept", platform.identity(id).get("clientId").asText());
            given().post(op + "/fail").then().statusCode(200).body("operationState", equalTo("FAILED"));
        }
    }
}
