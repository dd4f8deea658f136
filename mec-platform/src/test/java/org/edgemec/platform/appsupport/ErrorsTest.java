package org.edgemec.platform.appsupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.edgemec.platform.provisioning.Mp1Apps;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Bad input of every kind answers a 4xx ProblemDetails, never a 500. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ErrorsTest {

    @Test
    void shouldAnswer400ForMalformedJsonWrongTypesAndUnknownValues() {
        Mp1Apps.App app = Mp1Apps.provision();
        String registrations = "/mec_app_support/v2/registrations";
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON).body("{\"appName\": ")
                .post(registrations).then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400));
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON).body("{\"appName\": {\"first\": 1}}")
                .post(registrations).then().statusCode(400).body("detail", containsString("appName"));
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body("{\"appName\": \"a\", \"isInsByMec\": \"yes\"}")
                .post(registrations).then().statusCode(400).body("detail", containsString("isInsByMec"));
        // an unknown field is ignored with a Warning by default (mec-common's tolerant reader); Strict refuses it
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .queryParam("fieldValidation", "Strict").body("{\"appName\": \"a\", \"color\": \"blue\"}")
                .post(registrations).then().statusCode(400).body("detail", containsString("color"));
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body("{\"operationAction\": \"EXPLODING\"}")
                .post("/mec_app_support/v2/applications/" + app.id() + "/confirm_termination")
                .then().statusCode(400).body("detail", containsString("operationAction"));
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .post("/mec_app_support/v2/applications/" + app.id() + "/confirm_ready")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer404ForUnknownIdsOfAnyShape() {
        Mp1Apps.App app = Mp1Apps.provision();
        given().header("Authorization", app.bearer()).get("/mec_service_mgmt/v1/services/not-a-uuid%20at-all")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", app.bearer())
                .get("/mec_app_support/v2/applications/" + app.id() + "/subscriptions/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer413ForAnOversizedBody() {
        Mp1Apps.App app = Mp1Apps.provision();
        String huge = "{\"appName\": \"" + "x".repeat(1_100_000) + "\"}";
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON).body(huge)
                .post("/mec_app_support/v2/registrations").then().statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void shouldAnswer415And405AsProblemDetails() {
        Mp1Apps.App app = Mp1Apps.provision();
        given().header("Authorization", app.bearer()).contentType(ContentType.TEXT).body("hello")
                .post("/mec_app_support/v2/registrations").then().statusCode(415)
                .contentType("application/problem+json");
        given().header("Authorization", app.bearer()).delete("/mec_service_mgmt/v1/transports")
                .then().statusCode(405).contentType("application/problem+json");
    }
}
