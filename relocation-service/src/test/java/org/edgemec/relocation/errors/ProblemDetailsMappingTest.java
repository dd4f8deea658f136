package org.edgemec.relocation.errors;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Every error leaves a service as an RFC 7807 ProblemDetails that names the field; nothing leaks internals. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ProblemDetailsMappingTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String VALID = """
            {"serviceConsumerId":{"appInstanceId":"app-1"},
             "deviceInformation":[{"associateId":{"type":"UE_IPv4_ADDRESS","value":"10.0.0.1"},
                                   "appMobilityServiceLevel":{"appMobilityServiceLevel":1}}]}""";

    @Test
    void shouldAcceptValidEtsiBody() {
        given().contentType(ContentType.JSON).body(VALID)
                .when().post("/test/problems/registrations")
                .then().statusCode(200).body("serviceConsumerId.appInstanceId", equalTo("app-1"));
    }

    @Test
    void shouldRejectMalformedJson() {
        given().contentType(ContentType.JSON).body("{\"serviceConsumerId\": {")
                .when().post("/test/problems/registrations")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("status", equalTo(400))
                .body("detail", allOf(containsString("Unexpected end-of-input"), not(containsString("Source:"))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // body | field named in the detail
            "{\"serviceConsumerId\":{\"appInstanceId\":\"a\"},\"expiryTime\":\"soon\"} | expiryTime",
            "{\"serviceConsumerId\":{\"appInstanceId\":\"a\"},\"deviceInformation\":[{\"associateId\":"
                    + "{\"type\":\"UE_MAC_ADDRESS\",\"value\":\"x\"}}]} | deviceInformation[0].associateId.type",
            "{} | serviceConsumerId",
            "{\"serviceConsumerId\":{\"appInstanceId\":\"a\"},\"deviceInformation\":[{}]} | associateId"
    })
    void shouldNameTheFieldWhenBodyIsInvalid(String body, String field) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/test/problems/registrations")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("status", equalTo(400))
                .body("detail", allOf(containsString(field), not(containsString("org.edgemec"))))
                .body("instance", containsString("/test/problems/registrations"));
    }

    @Test
    void shouldReadUnknownFieldsTolerantlyNamingEachInAWarning() {
        String body = "{\"serviceConsumerId\":{\"appInstanceId\":\"a\",\"mepName\":\"m\"},\"bogus\":1,"
                + "\"deviceInformation\":[{\"associateId\":{\"type\":\"UE_IPv4_ADDRESS\",\"value\":\"10.0.0.1\"},"
                + "\"colour\":\"red\"}]}";
        List<String> warnings = given().contentType(ContentType.JSON).body(body)
                .when().post("/test/problems/registrations")
                .then().statusCode(200)
                .body("serviceConsumerId.appInstanceId", equalTo("a"))
                .body("$", not(hasKey("bogus")))
                .extract().headers().getValues("Warning");
        assertEquals(Set.of("299 - \"unknown field \\\"serviceConsumerId.mepName\\\"\"",
                "299 - \"unknown field \\\"bogus\\\"\"",
                "299 - \"unknown field \\\"deviceInformation[0].colour\\\"\""), Set.copyOf(warnings));
        assertEquals(3, warnings.size(), "one Warning per field: " + warnings);

        given().contentType(ContentType.JSON).queryParam("fieldValidation", "Strict").body(body)
                .when().post("/test/problems/registrations")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("detail", containsString("mepName"));
    }

    @ParameterizedTest
    @CsvSource({
            "not-found, 404, Resource not found",
            "invalid, 400, Invalid request",
            "conflict, 409, Conflict",
            "forbidden, 403, Forbidden",
            "unauthorized, 401, Unauthorized",
            "stale, 412, Precondition failed"
    })
    void shouldMapDomainErrorsToEtsiStatusCodes(String kind, int status, String title) {
        given().when().get("/test/problems/raise/" + kind)
                .then().statusCode(status).contentType(startsWith(PROBLEM))
                .body("status", equalTo(status)).body("title", equalTo(title));
    }

    @Test
    void shouldHideInternalsOfUnexpectedErrors() {
        given().when().get("/test/problems/raise/boom")
                .then().statusCode(500).contentType(startsWith(PROBLEM))
                .body("detail", allOf(startsWith("Incident "), not(containsString("secret")),
                        not(containsString("IllegalStateException"))));
    }

    @Test
    void shouldAnswerWrongMethodWithProblemDetails() {
        given().when().delete("/test/problems/registrations")
                .then().statusCode(405).contentType(startsWith(PROBLEM)).body("status", equalTo(405));
    }
}
