package org.edgemec.applcm.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class MecHostsResourceTest {

    private static final String HOSTS = "/app_lcm_ext/v1/mec_hosts";

    @Test
    void shouldListConfiguredHostsWhenStarted() {
        given().get(HOSTS).then().statusCode(200)
                .body("name", hasItems("edge1", "edge2"))
                .body("find { it.name == 'edge1' }.engineKind", equalTo("PODMAN"))
                .body("find { it.name == 'edge1' }.platformUrl", equalTo("http://127.0.0.1:18082"))
                .body("find { it.name == 'edge1' }.source", equalTo("CONFIG"));
    }

    @Test
    void shouldCreateGetAndDeleteHostWhenValid() {
        String name = "h" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body(Map.of("name", name, "engineKind", "docker",
                        "engineEndpoint", "tcp://127.0.0.1:1", "zone", "z9", "capacityCpu", 2, "capacityMemoryMb", 512))
                .post(HOSTS).then().statusCode(201)
                .header("Location", endsWith(HOSTS + "/" + name))
                .body("engineKind", equalTo("DOCKER")).body("source", equalTo("API"));
        given().get(HOSTS + "/" + name).then().statusCode(200).body("capacityMemoryMb", equalTo(512));
        given().contentType(ContentType.JSON).body(Map.of("name", name, "engineKind", "DOCKER",
                "engineEndpoint", "tcp://127.0.0.1:1")).post(HOSTS).then().statusCode(409);
        given().delete(HOSTS + "/" + name).then().statusCode(204);
        given().get(HOSTS + "/" + name).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRejectHostWhenFieldsAreInvalid() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Bad_Name", "engineKind", "PODMAN",
                "engineEndpoint", "unix:///x.sock")).post(HOSTS).then().statusCode(400)
                .body("detail", containsString("name"));
        given().contentType(ContentType.JSON).body(Map.of("name", "ok", "engineKind", "LXC",
                "engineEndpoint", "unix:///x.sock")).post(HOSTS).then().statusCode(400)
                .body("detail", containsString("engineKind"));
        given().contentType(ContentType.JSON).body(Map.of("name", "ok", "engineKind", "PODMAN",
                "engineEndpoint", "http://x")).post(HOSTS).then().statusCode(400)
                .body("detail", containsString("engineEndpoint"));
        // an https:// engine needs certificate files, which only configuration hosts have
        given().contentType(ContentType.JSON).body(Map.of("name", "ok", "engineKind", "PODMAN",
                "engineEndpoint", "https://127.0.0.1:2376")).post(HOSTS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("engineEndpoint"))
                .body("detail", containsString("engine-tls"));
        given().contentType(ContentType.JSON).body(Map.of("name", "ok", "engineKind", "PODMAN",
                "engineEndpoint", "unix:///x.sock", "capacityCpu", 0)).post(HOSTS).then().statusCode(400)
                .body("detail", containsString("capacityCpu"));
    }

    @Test
    void shouldRefuseDeletingConfiguredHost() {
        given().delete(HOSTS + "/edge1").then().statusCode(409).body("detail", containsString("configuration"));
    }

    @Test
    void shouldReportEngineReachabilityWithoutFailingReadiness() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'mec-hosts' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'mec-hosts' }.data.edge1", containsString("engine"));
    }
}
