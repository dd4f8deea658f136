package org.edgemec.applcm.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.edgemec.applcm.support.TestPackages;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class GrantsResourceTest {

    private static final String GRANTS = "/granting/v1/grants";

    /** Onboards a package whose AppD asks for 1 vCPU and 1024 MB. */
    static String onboardedAppD() {
        String appDId = TestPackages.newAppDId();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("appd.json", TestPackages.appD(appDId, PackagesResourceTest.IMAGE, "DOCKER", 1024, 1)
                .getBytes(StandardCharsets.UTF_8));
        entries.put("images/app.tar", TestPackages.fakeImageArchive(PackagesResourceTest.IMAGE));
        PackagesResourceTest.onboard(TestPackages.zip(entries));
        return appDId;
    }

    static String smallHost() {
        String name = "g" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body(Map.of("name", name, "engineKind", "PODMAN",
                "engineEndpoint", "unix:///nonexistent.sock", "zone", "zone-g", "capacityCpu", 1,
                "capacityMemoryMb", 1500)).post("/app_lcm_ext/v1/mec_hosts").then().statusCode(201);
        return name;
    }

    static Map<String, Object> request(String appDId, String instance, String operation, String host) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appInstanceId", instance);
        body.put("appLcmOpOccId", UUID.randomUUID().toString());
        body.put("appDId", appDId);
        body.put("operation", operation);
        if (host != null) {
            body.put("additionalParams", Map.of("mecHostName", host));
        }
        body.put("_links", Map.of("appLcmOpOcc", Map.of("href", "http://127.0.0.1/app_lcm/v1/app_lcm_op_occs/x"),
                "appInstance", Map.of("href", "http://127.0.0.1/app_lcm/v1/app_instances/" + instance)));
        return body;
    }

    @Test
    void shouldGrantUntilCapacityIsUsedAndAgainAfterTermination() {
        String appDId = onboardedAppD();
        String host = smallHost();
        String first = UUID.randomUUID().toString();
        String location = given().contentType(ContentType.JSON).body(request(appDId, first, "INSTANTIATE", host))
                .post(GRANTS).then().statusCode(201).header("Location", containsString(GRANTS + "/"))
                .body("appInstanceId", equalTo(first)).body("zones[0].zoneId", equalTo("zone-g"))
                .body("additionalParams.mecHostName", equalTo(host)).extract().header("Location");
        given().get(location.substring(location.indexOf(GRANTS))).then().statusCode(200)
                .body("appInstanceId", equalTo(first));

        given().contentType(ContentType.JSON).body(request(appDId, UUID.randomUUID().toString(), "INSTANTIATE", host))
                .post(GRANTS).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("insufficient resources on MEC host " + host));

        given().contentType(ContentType.JSON).body(request(appDId, first, "TERMINATE", null))
                .post(GRANTS).then().statusCode(201);
        given().contentType(ContentType.JSON).body(request(appDId, UUID.randomUUID().toString(), "INSTANTIATE", host))
                .post(GRANTS).then().statusCode(201);
    }

    @Test
    void shouldCheckResourceTemplatesAgainstTheAppD() {
        String appDId = onboardedAppD();
        Map<String, Object> body = request(appDId, UUID.randomUUID().toString(), "INSTANTIATE", smallHost());
        Map<String, Object> resource = Map.of("id", "r1", "type", "COMPUTE", "resourceTemplateId", List.of("other"),
                "resource", Map.of("vimConnectionInfo", Map.of("id", "v", "vimType", "PODMAN"), "resourceId", "x"));
        body.put("addResources", List.of(resource));
        given().contentType(ContentType.JSON).body(body).post(GRANTS).then().statusCode(400)
                .body("detail", containsString("addResources[0].resourceTemplateId"));
        body.put("addResources", List.of(Map.of("id", "r1", "type", "COMPUTE",
                "resourceTemplateId", List.of("counter-compute"), "resource", resource.get("resource"))));
        given().contentType(ContentType.JSON).body(body).post(GRANTS).then().statusCode(201)
                .body("addResources[0].resourceDefinitionId", equalTo("r1"));
    }

    @Test
    void shouldRejectInvalidGrantRequests() {
        String appDId = onboardedAppD();
        Map<String, Object> missing = request(appDId, "i", "INSTANTIATE", null);
        missing.remove("appInstanceId");
        given().contentType(ContentType.JSON).body(missing).post(GRANTS).then().statusCode(400)
                .body("detail", containsString("appInstanceId"));
        given().contentType(ContentType.JSON).body(request("unknown-appd", "i", "INSTANTIATE", null))
                .post(GRANTS).then().statusCode(400).body("detail", containsString("appDId"));
        given().contentType(ContentType.JSON).body(request(appDId, "i", "INSTANTIATE", "no-such-host"))
                .post(GRANTS).then().statusCode(400).body("detail", containsString("mecHostName"));
        given().contentType(ContentType.JSON).body(request(appDId, "i", "MIGRATE", null))
                .post(GRANTS).then().statusCode(400).body("detail", containsString("operation"));
        given().get(GRANTS + "/nope").then().statusCode(404).body("status", equalTo(404));
    }
}
