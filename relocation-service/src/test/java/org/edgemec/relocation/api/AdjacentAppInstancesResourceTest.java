package org.edgemec.relocation.api;

import static io.restassured.RestAssured.given;
import static org.edgemec.relocation.support.Ams.PROBLEM;
import static org.edgemec.relocation.support.Ams.operator;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

/**
 * queries/adjacent_app_instances without a reachable mec-app-lcm: the query parameters are checked first (400s name
 * them), then the missing LCM is a 503 ProblemDetails, never a 500. The answers from a real LCM are proved by
 * journey-tests/.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
@TestProfile(AdjacentAppInstancesResourceTest.NoLcm.class)
class AdjacentAppInstancesResourceTest {

    private static final String QUERY = "/amsi/v1/queries/adjacent_app_instances";

    /** An LCM address where nothing listens (port 9, discard, is not served on these machines). */
    public static class NoLcm implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("edgemec.lcm.url", "http://127.0.0.1:9");
        }
    }

    @Test
    void shouldRefuseWithoutTheOperatorToken() {
        given().get(QUERY).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void shouldNameAnUnknownQueryParameterOrFilterAttribute() {
        operator().get(QUERY + "?colour=red").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("colour"));
        operator().queryParam("filter", "(eq,nope,x)").get(QUERY).then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("nope"));
        operator().queryParam("filter", "(eq,appDId").get(QUERY).then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void shouldAnswer501ForTheSubscribersNotificationEndpoint() {
        operator().contentType("application/json").body("{}").post("/amsi/v1/user_defined_notification").then()
                .statusCode(501).contentType(PROBLEM).body("detail", containsString("callbackReference"));
        given().contentType("application/json").body("{}").post("/amsi/v1/user_defined_notification").then()
                .statusCode(401);
    }

    @Test
    void shouldAnswer503WhenTheLcmCannotBeAsked() {
        operator().queryParam("filter", "(eq,appDId,web)").get(QUERY).then().statusCode(503).contentType(PROBLEM)
                .body("status", equalTo(503)).body("detail", containsString("did not answer"));
    }
}
