package org.edgemec.relocation.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.edgemec.relocation.support.Ams.PROBLEM;
import static org.edgemec.relocation.support.Ams.SERVICES;
import static org.edgemec.relocation.support.Ams.device;
import static org.edgemec.relocation.support.Ams.operator;
import static org.edgemec.relocation.support.Ams.register;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * GET /app_mobility_services with the file's query parameters: the ETSI attribute filter, the attribute selectors,
 * and 400s for unknown or malformed parameters. Each test works on its own three registrations (consumer ids of
 * the test), so whatever else is in the shared schema does not matter.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class AppMobilityServicesQueryTest {

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String appA = "q-" + run + "-a";
    private final String appB = "q-" + run + "-b,with comma";
    private final String mep = "q-" + run + "-mep";
    private String idA;
    private String idB;
    private String idMep;

    @BeforeEach
    void registerThree() {
        idA = register(Map.of("serviceConsumerId", Map.of("appInstanceId", appA),
                "deviceInformation", List.of(device("10.9.0.1"), device("10.9.0.2")), "expiryTime", 60));
        idB = register(Map.of("serviceConsumerId", Map.of("appInstanceId", appB),
                "deviceInformation", List.of(Map.of("associateId", Map.of("type", "UE_IPV6_ADDRESS",
                        "value", "2001:db8::" + run.substring(0, 4)))), "expiryTime", 600));
        idMep = register(Map.of("serviceConsumerId", Map.of("mepId", mep)));
    }

    @AfterEach
    void deleteThem() {
        for (String id : new String[] {idA, idB, idMep}) {
            operator().delete(SERVICES + "/" + id).then().statusCode(204);
        }
    }

    /** Narrowed to this test's registrations. */
    private RequestSpecification mine(String filter) {
        return operator().queryParam("filter", "(cont,serviceConsumerId/appInstanceId,q-" + run + ");" + filter);
    }

    @Test
    void shouldListEveryRegistrationWithoutFilter() {
        operator().get(SERVICES).then().statusCode(200).contentType(startsWith("application/json"))
                .body("appMobilityServiceId", hasItems(idA, idB, idMep));
    }

    @Test
    void shouldFilterOnNestedAttributesAndArrays() {
        operator().queryParam("filter", "(eq,serviceConsumerId/appInstanceId," + appA + ")").get(SERVICES)
                .then().statusCode(200).body("$", hasSize(1)).body("[0].appMobilityServiceId", equalTo(idA));
        // a value with a comma is quoted (ETSI MEC 009 / NFV-SOL 013)
        operator().queryParam("filter", "(eq,serviceConsumerId/appInstanceId,'" + appB + "')").get(SERVICES)
                .then().statusCode(200).body("appMobilityServiceId", containsInAnyOrder(idB));
        // the second device of A matches: an array matches when one element does
        operator().queryParam("filter", "(eq,deviceInformation/associateId/value,10.9.0.2)")
                .get(SERVICES).then().statusCode(200).body("appMobilityServiceId", containsInAnyOrder(idA));
        operator().queryParam("filter", "(eq,serviceConsumerId/mepId," + mep + ")").get(SERVICES)
                .then().statusCode(200).body("appMobilityServiceId", containsInAnyOrder(idMep));
        mine("(gt,expiryTime,60)").get(SERVICES).then().statusCode(200)
                .body("appMobilityServiceId", containsInAnyOrder(idB));
        mine("(lte,expiryTime,600);(eq,deviceInformation/associateId/type,UE_IPv4_ADDRESS)").get(SERVICES)
                .then().statusCode(200).body("appMobilityServiceId", containsInAnyOrder(idA));
        mine("(in,deviceInformation/associateId/type,UE_IPV6_ADDRESS,GTP_TEID)").get(SERVICES).then()
                .statusCode(200).body("appMobilityServiceId", containsInAnyOrder(idB));
        mine("(neq,deviceInformation/associateId/type,UE_IPv4_ADDRESS)").get(SERVICES).then()
                .statusCode(200).body("appMobilityServiceId", containsInAnyOrder(idB));
        mine("(eq,deviceInformation/appMobilityServiceLevel/appMobilityServiceLevel,2)").get(SERVICES).then()
                .statusCode(200).body("appMobilityServiceId", containsInAnyOrder(idA));
        operator().queryParam("filter", "(eq,appMobilityServiceId," + idMep + ")").get(SERVICES)
                .then().statusCode(200).body("appMobilityServiceId", containsInAnyOrder(idMep));
        operator().queryParam("filter", "(eq,appMobilityServiceId,no-such-" + run + ")").get(SERVICES)
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void shouldAcceptUnencodedSemicolonsBetweenFilterExpressions() {
        operator().urlEncodingEnabled(false)
                .get(SERVICES + "?filter=(cont,serviceConsumerId/appInstanceId,q-" + run + ");(gt,expiryTime,60)")
                .then().statusCode(200).body("appMobilityServiceId", containsInAnyOrder(idB));
        operator().urlEncodingEnabled(false)
                .get(SERVICES + "?filter=(eq,appMobilityServiceId," + idA + ")&exclude_fields=deviceInformation")
                .then().statusCode(200).body("appMobilityServiceId", containsInAnyOrder(idA))
                .body("[0]", not(hasKey("deviceInformation")));
    }

    @Test
    void shouldSelectAttributes() {
        String onlyA = "(eq,appMobilityServiceId," + idA + ")";
        operator().queryParam("filter", onlyA).queryParam("exclude_fields", "deviceInformation").get(SERVICES)
                .then().statusCode(200).body("$", hasSize(1))
                .body("[0]", not(hasKey("deviceInformation")))
                .body("[0].serviceConsumerId.appInstanceId", equalTo(appA))
                .body("[0].expiryTime", equalTo(60));
        operator().queryParam("filter", onlyA)
                .queryParam("exclude_fields", "deviceInformation/appMobilityServiceLevel").get(SERVICES)
                .then().statusCode(200).body("[0].deviceInformation", hasSize(2))
                .body("[0].deviceInformation", everyItem(not(hasKey("appMobilityServiceLevel"))))
                .body("[0].deviceInformation.associateId.value", containsInAnyOrder("10.9.0.1", "10.9.0.2"));
        for (Map<String, String> selector : List.of(Map.of("fields", "deviceInformation"),
                Map.of("fields", "deviceInformation/appMobilityServiceLevel"), Map.of("all_fields", ""),
                Map.of("exclude_default", ""), Map.of("exclude_default", "", "fields", "deviceInformation"))) {
            operator().queryParam("filter", onlyA).queryParams(selector).get(SERVICES).then().statusCode(200)
                    .body("[0].deviceInformation", hasSize(2))
                    .body("[0].deviceInformation[0].appMobilityServiceLevel.appMobilityServiceLevel", equalTo(2));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // query string | parameter named in the ProblemDetails | reason
            "colour=red | colour | not a query parameter",
            "Filter=(eq,expiryTime,1) | Filter | not a query parameter",
            "filter=(eq,expiryTime,1)&filter=(eq,expiryTime,2) | filter | only once",
            "filter= | filter | must not be empty",
            "filter=eq,expiryTime,1 | filter | expected '('",
            "filter=(eq,expiryTime,1 | filter | not closed",
            "filter=(eq,expiryTime) | filter | needs an operator",
            "filter=(like,expiryTime,1) | filter | not one of",
            "filter=(eq,bogus,1) | filter | not an attribute of RegistrationInfo",
            "filter=(eq,deviceInformation/associateId,1) | filter | is a structure",
            "filter=(gt,expiryTime,soon) | filter | not a number",
            "all_fields=true | all_fields | takes no value",
            "all_fields&fields=deviceInformation | all_fields | cannot be combined",
            "exclude_fields=deviceInformation&fields=deviceInformation | exclude_fields | cannot be combined",
            "exclude_fields=deviceInformation&exclude_default | exclude_fields | cannot be combined",
            "fields=serviceConsumerId | fields | not one of the optional complex attributes",
            "fields=expiryTime | fields | not one of the optional complex attributes",
            "exclude_fields=bogus | exclude_fields | not one of the optional complex attributes",
            "exclude_fields= | exclude_fields | at least one"
    })
    void shouldRejectUnknownAndMalformedQueryParameters(String query, String parameter, String reason) {
        operator().urlEncodingEnabled(true).get(SERVICES + "?" + query).then().statusCode(400)
                .contentType(startsWith(PROBLEM)).body("status", equalTo(400))
                .body("detail", allOf(startsWith(parameter + ":"), containsString(reason)));
    }
}
