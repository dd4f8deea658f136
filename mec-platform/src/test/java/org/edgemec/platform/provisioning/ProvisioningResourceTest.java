package org.edgemec.platform.provisioning;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.edgemec.platform.provisioning.Mp1Apps.APPS;
import static org.edgemec.platform.provisioning.Mp1Apps.OPERATOR;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ProvisioningResourceTest {

    @Inject
    DataSource dataSource;

    @Test
    void shouldStoreInstanceRulesAndCredentialsWhenProvisioned() {
        String id = Mp1Apps.newId();
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(Mp1Apps.provisioning(id))
                .post(APPS).then().statusCode(201)
                .header("Location", endsWith(APPS + "/" + id))
                .body("appInstanceId", equalTo(id), "clientId", notNullValue(), "clientSecret", notNullValue(),
                        "tokenEndpoint", endsWith("/mec_platform_mgmt/v1/oauth/token"));

        assertEquals(1, Db.number(dataSource, "select count(*) from {s}.app_instance where app_instance_id = ?", id));
        assertEquals("ACTIVE", Db.single(dataSource,
                "select state from {s}.traffic_rule where app_instance_id = ? and traffic_rule_id = 'tr1'", id));
        assertEquals(id + ".example.mec", Db.single(dataSource,
                "select domain_name from {s}.dns_rule where app_instance_id = ? and dns_rule_id = 'dr1'", id));
        String hash = (String) Db.single(dataSource,
                "select client_secret_hash from {s}.app_instance where app_instance_id = ?", id);
        assertEquals(64, hash.length(), "the secret is stored as a SHA-256 hash");

        given().header("Authorization", OPERATOR).get(APPS + "/" + id).then().statusCode(200)
                .body("appInstanceId", equalTo(id), "appTrafficRule[0].trafficRuleId", equalTo("tr1"),
                        "appDNSRule[0].dnsRuleId", equalTo("dr1"), "endpoint.port", equalTo(8080));
        given().header("Authorization", OPERATOR).get(APPS).then().statusCode(200)
                .body("appInstanceId", hasItem(id));
    }

    @Test
    void shouldRemoveEverythingWhenDeleted() {
        Mp1Apps.App app = Mp1Apps.provision();
        Mp1Apps.deprovision(app.id());

        given().header("Authorization", OPERATOR).get(APPS + "/" + app.id()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        assertEquals(0, Db.number(dataSource, "select count(*) from {s}.traffic_rule where app_instance_id = ?",
                app.id()));
        assertEquals(0, Db.number(dataSource, "select count(*) from {s}.dns_rule where app_instance_id = ?", app.id()));
        given().header("Authorization", OPERATOR).delete(APPS + "/" + app.id()).then().statusCode(404);
    }

    @Test
    void shouldAnswer409WhenTheIdExists() {
        Mp1Apps.App app = Mp1Apps.provision();
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(Mp1Apps.provisioning(app.id()))
                .post(APPS).then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409), "detail", containsString(app.id()));
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenInvalidAndWriteNothing() {
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{\"appName\": \"x\"}")
                .post(APPS).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("appInstanceId"));

        String id = Mp1Apps.newId();
        String badAddress = Mp1Apps.provisioning(id).replace("\"ipAddress\": \"10.88.0.5\"",
                "\"ipAddress\": \"not-an-ip\"");
        assertNotEquals(badAddress, Mp1Apps.provisioning(id));
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(badAddress)
                .post(APPS).then().statusCode(400).body("detail", containsString("appDNSRule[0].ipAddress"));
        assertEquals(0, Db.number(dataSource, "select count(*) from {s}.app_instance where app_instance_id = ?", id),
                "a rejected provisioning leaves no partial write");

        String badEnum = Mp1Apps.provisioning(id).replace("\"FLOW\"", "\"SOMETIMES\"");
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(badEnum)
                .post(APPS).then().statusCode(400).body("detail", containsString("filterType"));
    }

    @Test
    void shouldFrontTheInstanceAtTheProxyAndLetItsClientsFollowANewEndpoint() {
        String id = Mp1Apps.newId();
        String service = "/edge_proxy/v1/services/" + id + ".example.mec";
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(Mp1Apps.provisioning(id))
                .post(APPS).then().statusCode(201);
        given().header("Authorization", OPERATOR).get(service).then().statusCode(200)
                .body("backend", equalTo("10.88.0.5:8080"));
        String client = "/edge_proxy/v1/proxies/edge1/clients/follow-" + id;
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body(java.util.Map.of("clientId", "follow-" + id, "latency", "NORMAL", "throughput", "NORMAL",
                        "forwarding", java.util.Map.of(id + ".example.mec", "10.88.0.5:8080",
                                "other.example.mec", "10.88.0.5:8080")))
                .put(client).then().statusCode(200);

        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"host\": \"10.88.0.9\", \"port\": 8080}").put(APPS + "/" + id + "/endpoint").then()
                .statusCode(200).body("endpoint.host", equalTo("10.88.0.9"), "appDNSRule[0].dnsRuleId", equalTo("dr1"));
        given().header("Authorization", OPERATOR).get(APPS + "/" + id).then().body("endpoint.host", equalTo("10.88.0.9"));
        given().header("Authorization", OPERATOR).get(service).then().body("backend", equalTo("10.88.0.9:8080"));
        given().header("Authorization", OPERATOR).get(client).then().statusCode(200)
                .body("forwarding.'" + id + ".example.mec'", equalTo("10.88.0.9:8080"))
                .body("forwarding.'other.example.mec'", equalTo("10.88.0.5:8080"));

        // no port: a host-only endpoint is valid, and nothing can be fronted
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{\"host\": \"10.88.0.10\"}")
                .put(APPS + "/" + id + "/endpoint").then().statusCode(200).body("endpoint.port", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", OPERATOR).get(service).then().statusCode(404);

        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"host\": \"10.88.0.9\", \"port\": 70000}").put(APPS + "/" + id + "/endpoint").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("port"));
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{\"port\": 80}")
                .put(APPS + "/" + id + "/endpoint").then().statusCode(400).body("detail", containsString("host"));
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{\"host\": \"10.88.0.9\"}")
                .put(APPS + "/" + Mp1Apps.newId() + "/endpoint").then().statusCode(404);

        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"host\": \"10.88.0.9\", \"port\": 8081}").put(APPS + "/" + id + "/endpoint").then()
                .statusCode(200);
        given().header("Authorization", OPERATOR).get(service).then().statusCode(200);
        Mp1Apps.deprovision(id);
        given().header("Authorization", OPERATOR).get(service).then().statusCode(404);
        given().header("Authorization", OPERATOR).delete(client).then().statusCode(204);
    }

    @Test
    void shouldProvisionWithoutAnEndpointUntilTheContainerStarts() {
        String id = Mp1Apps.newId();
        String body = Mp1Apps.provisioning(id).replace("\"endpoint\": {\"host\": \"10.88.0.5\", \"port\": 8080},", "");
        assertNotEquals(body, Mp1Apps.provisioning(id));
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body(body).post(APPS).then()
                .statusCode(201);
        given().header("Authorization", OPERATOR).get(APPS + "/" + id).then().statusCode(200)
                .body("endpoint", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", OPERATOR).get("/edge_proxy/v1/services/" + id + ".example.mec").then()
                .statusCode(404);
        Mp1Apps.deprovision(id);
    }

    @Test
    void shouldAnswer401WithoutTheOperatorToken() {
        given().contentType(ContentType.JSON).body(Mp1Apps.provisioning(Mp1Apps.newId())).post(APPS)
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().header("Authorization", "Bearer wrong").get(APPS).then().statusCode(401);
        Mp1Apps.App app = Mp1Apps.provision();
        given().header("Authorization", app.bearer()).get(APPS).then().statusCode(401);
    }
}
