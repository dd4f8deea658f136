package org.edgemec.relocation.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.edgemec.relocation.support.Ams.PROBLEM;
import static org.edgemec.relocation.support.Ams.SERVICES;
import static org.edgemec.relocation.support.Ams.device;
import static org.edgemec.relocation.support.Ams.operator;
import static org.edgemec.relocation.support.Ams.operatorToken;
import static org.edgemec.relocation.support.Ams.register;
import static org.edgemec.relocation.support.Ams.registration;
import static org.edgemec.relocation.support.Ams.uniqueAppInstanceId;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MEC 021 app_mobility_services on real PostgreSQL and Kafka: every operation, its errors and the lifecycle. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class AppMobilityServicesResourceTest {

    private static final String LONG = "x".repeat(10_000);

    @Test
    void shouldRegisterWithAllocatedIdLocationAndETag() {
        String app = uniqueAppInstanceId();
        Map<String, Object> body = Map.of("appMobilityServiceId", "chosen-by-client",
                "serviceConsumerId", Map.of("appInstanceId", app),
                "deviceInformation", List.of(device("10.0.0.1")), "expiryTime", 0);
        ExtractableResponse<Response> created = operator().contentType(ContentType.JSON).body(body).post(SERVICES)
                .then().statusCode(201).contentType(ContentType.JSON)
                .header("ETag", "\"1\"")
                .body("appMobilityServiceId", matchesPattern("[0-9a-f-]{36}"))
                .body("serviceConsumerId.appInstanceId", equalTo(app))
                .body("serviceConsumerId.mepId", nullValue())
                .body("deviceInformation", hasSize(1))
                .body("deviceInformation[0].associateId.type", equalTo("UE_IPv4_ADDRESS"))
                .body("deviceInformation[0].associateId.value", equalTo("10.0.0.1"))
                .body("deviceInformation[0].appMobilityServiceLevel.appMobilityServiceLevel", equalTo(2))
                .body("deviceInformation[0].contextTransferState", equalTo(0))
                .body("expiryTime", equalTo(0))
                .extract();
        String id = created.path("appMobilityServiceId");
        assertNotEquals("chosen-by-client", id, "the AMS allocates the id");
        String location = created.header("Location");
        assertTrue(location.startsWith("http") && location.endsWith("/amsi/v1/app_mobility_services/" + id), location);

        operator().get(location.substring(location.indexOf("/amsi/"))).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("appMobilityServiceId", equalTo(id))
                .body("serviceConsumerId.appInstanceId", equalTo(app))
                .body("deviceInformation[0].associateId.value", equalTo("10.0.0.1"));
        operator().delete(SERVICES + "/" + id).then().statusCode(204);
    }

    @Test
    void shouldRegisterForAMecPlatformWithoutDevices() {
        String id = register(Map.of("serviceConsumerId", Map.of("mepId", "mep-edge1")));
        operator().get(SERVICES + "/" + id).then().statusCode(200)
                .body("serviceConsumerId.mepId", equalTo("mep-edge1"))
                .body("serviceConsumerId.appInstanceId", nullValue())
                .body("deviceInformation", nullValue())
                .body("expiryTime", nullValue());
        operator().delete(SERVICES + "/" + id).then().statusCode(204);
    }

    @Test
    void shouldGoThroughPostGetPutGetDelete() {
        String app = uniqueAppInstanceId();
        String id = register(registration(app, "10.0.0.2", 60));
        operator().get(SERVICES + "/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("expiryTime", equalTo(60)).body("deviceInformation", hasSize(1));

        Map<String, Object> replacement = Map.of("appMobilityServiceId", id,
                "serviceConsumerId", Map.of("appInstanceId", app),
                "deviceInformation", List.of(
                        Map.of("associateId", Map.of("type", "UE_IPv4_ADDRESS", "value", "10.0.0.2"),
                                "appMobilityServiceLevel", Map.of("appMobilityServiceLevel", 3),
                                "contextTransferState", 1),
                        Map.of("associateId", Map.of("type", "GTP_TEID", "value", "0x1f2e"))),
                "expiryTime", 120);
        operator().contentType(ContentType.JSON).body(replacement).put(SERVICES + "/" + id).then().statusCode(200)
                .header("ETag", "\"2\"")
                .body("appMobilityServiceId", equalTo(id))
                .body("deviceInformation", hasSize(2))
                .body("deviceInformation[0].contextTransferState", equalTo(1))
                .body("expiryTime", equalTo(120));

        operator().get(SERVICES + "/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("deviceInformation[0].appMobilityServiceLevel.appMobilityServiceLevel", equalTo(3))
                .body("deviceInformation[0].contextTransferState", equalTo(1))
                .body("deviceInformation[1].associateId.type", equalTo("GTP_TEID"))
                .body("deviceInformation[1].appMobilityServiceLevel", nullValue())
                .body("expiryTime", equalTo(120));

        // PUT replaces: what the body leaves out is gone; the id may be absent
        operator().contentType(ContentType.JSON).body(Map.of("serviceConsumerId", Map.of("appInstanceId", app)))
                .put(SERVICES + "/" + id).then().statusCode(200).header("ETag", "\"3\"")
                .body("appMobilityServiceId", equalTo(id));
        operator().get(SERVICES + "/" + id).then().statusCode(200)
                .body("deviceInformation", nullValue()).body("expiryTime", nullValue());

        operator().delete(SERVICES + "/" + id).then().statusCode(204).body(emptyString());
        operator().get(SERVICES + "/" + id).then().statusCode(404).contentType(startsWith(PROBLEM))
                .body("status", equalTo(404)).body("detail", containsString(id));
        operator().delete(SERVICES + "/" + id).then().statusCode(404).contentType(startsWith(PROBLEM));
    }

    @Test
    void shouldRefusePutWithAnotherIdOrAStaleETag() {
        String app = uniqueAppInstanceId();
        String id = register(registration(app, "10.0.0.3", 0));
        operator().contentType(ContentType.JSON)
                .body(Map.of("appMobilityServiceId", "another", "serviceConsumerId", Map.of("appInstanceId", app)))
                .put(SERVICES + "/" + id).then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("detail", containsString("appMobilityServiceId"));
        operator().contentType(ContentType.JSON).header("If-Match", "\"7\"")
                .body(registration(app, "10.0.0.4", 0))
                .put(SERVICES + "/" + id).then().statusCode(412).contentType(startsWith(PROBLEM))
                .body("status", equalTo(412)).body("detail", containsString("\"1\""));
        operator().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(registration(app, "10.0.0.4", 0))
                .put(SERVICES + "/" + id).then().statusCode(200).header("ETag", "\"2\"");
        operator().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(registration(app, "10.0.0.5", 0))
                .put(SERVICES + "/" + id).then().statusCode(412);
        operator().get(SERVICES + "/" + id).then()
                .body("deviceInformation[0].associateId.value", equalTo("10.0.0.4"));
        operator().contentType(ContentType.JSON).body(registration(app, "10.0.0.4", 0))
                .put(SERVICES + "/no-such-service").then().statusCode(404).contentType(startsWith(PROBLEM));
        operator().delete(SERVICES + "/" + id).then().statusCode(204);
    }

    @Test
    void shouldDeregisterThroughTheDeregisterTask() {
        String id = register(registration(uniqueAppInstanceId(), "10.0.0.6", 30));
        operator().post(SERVICES + "/" + id + "/deregister_task").then().statusCode(204).body(emptyString());
        operator().get(SERVICES + "/" + id).then().statusCode(404);
        operator().post(SERVICES + "/" + id + "/deregister_task").then().statusCode(404)
                .contentType(startsWith(PROBLEM)).body("status", equalTo(404));
        operator().post(SERVICES + "/no-such-service/deregister_task").then().statusCode(404);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // body | field named in the ProblemDetails
            "{} | serviceConsumerId",
            "{\"serviceConsumerId\":{}} | serviceConsumerId",
            "{\"serviceConsumerId\":{\"appInstanceId\":\"a\",\"mepId\":\"m\"}} | serviceConsumerId",
            "{\"serviceConsumerId\":{\"appInstanceId\":\" \"}} | serviceConsumerId.appInstanceId",
            "{\"serviceConsumerId\":{\"appInstanceId\":7}} | serviceConsumerId.appInstanceId",
            "{\"serviceConsumerId\":{\"appInstanceId\":\"a\"},\"expiryTime\":-1} | expiryTime",
            "{\"serviceConsumerId\":{\"appInstanceId\":\"a\"},\"expiryTime\":4294967296} | expiryTime",
            "{\"serviceConsumerId\":{\"appInstanceId\":\"a\"},\"expiryTime\":\"soon\"} | expiryTime",
            "{\"serviceConsumerId\":{\"appInstanceId\":\"a\"},\"deviceInformation\":[{}]} | associateId",
            "{\"serviceConsumerId\":{\"appInstanceId\":\"a\"},\"deviceInformation\":[null]} | deviceInformation[0]",
            "{\"serviceConsumerId\":{\"appInstanceId\":\"a\"},\"deviceInformation\":[{\"associateId\":"
                    + "{\"type\":\"UE_MAC_ADDRESS\",\"value\":\"x\"}}]} | deviceInformation[0].associateId.type",
            "{\"serviceConsumerId\":{\"appInstanceId\":\"a\"},\"deviceInformation\":[{\"associateId\":"
                    + "{\"type\":\"GTP_TEID\",\"value\":\"\"}}]} | associateId.value",
            "{\"serviceConsumerId\":{\"appInstanceId\":\"a\"},\"deviceInformation\":[{\"associateId\":"
                    + "{\"type\":\"GTP_TEID\",\"value\":\"1\"},\"appMobilityServiceLevel\":"
                    + "{\"appMobilityServiceLevel\":4}}]} | appMobilityServiceLevel",
            "{\"serviceConsumerId\":{\"appInstanceId\":\"a\"},\"deviceInformation\":[{\"associateId\":"
                    + "{\"type\":\"GTP_TEID\",\"value\":\"1\"},\"contextTransferState\":1}]}"
                    + " | deviceInformation[0].contextTransferState",
            "{\"serviceConsumerId\":{\"appInstanceId\":\"a\"},\"deviceInformation\":[{\"associateId\":"
                    + "{\"type\":\"GTP_TEID\",\"value\":\"1\"},\"contextTransferState\":2}]}"
                    + " | deviceInformation[0].contextTransferState",
            "{\"serviceConsumerId\": | malformed JSON"
    })
    void shouldRejectInvalidRegistrationsNamingTheField(String body, String field) {
        operator().contentType(ContentType.JSON).body(body).post(SERVICES)
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("status", equalTo(400))
                .body("detail", allOf(containsString(field), not(containsString("org.edgemec"))))
                .body("instance", containsString(SERVICES));
    }

    @Test
    void shouldValidatePutBodiesLikePost() {
        String app = uniqueAppInstanceId();
        String id = register(registration(app, "10.0.0.7", 0));
        operator().contentType(ContentType.JSON).body("{\"serviceConsumerId\":{\"mepId\":\"m\",\"appInstanceId\":\"a\"}}")
                .put(SERVICES + "/" + id).then().statusCode(400).body("detail", containsString("serviceConsumerId"));
        operator().contentType(ContentType.JSON).body("{}")
                .put(SERVICES + "/" + id).then().statusCode(400).body("detail", containsString("serviceConsumerId"));
        operator().contentType(ContentType.JSON)
                .put(SERVICES + "/" + id).then().statusCode(400).contentType(startsWith(PROBLEM));
        operator().get(SERVICES + "/" + id).then().statusCode(200).header("ETag", "\"1\"");
        operator().delete(SERVICES + "/" + id).then().statusCode(204);
    }

    @Test
    void shouldAnswerOverLongValuesWith400NotADatabaseError() {
        List<Object[]> cases = List.of(
                new Object[] {Map.of("serviceConsumerId", Map.of("appInstanceId", LONG)), "serviceConsumerId.appInstanceId"},
                new Object[] {Map.of("serviceConsumerId", Map.of("mepId", LONG)), "serviceConsumerId.mepId"},
                new Object[] {registration("a", LONG, 0), "deviceInformation[0].associateId.value"});
        for (Object[] c : cases) {
            operator().contentType(ContentType.JSON).body(c[0]).post(SERVICES)
                    .then().statusCode(400).contentType(startsWith(PROBLEM))
                    .body("detail", allOf(containsString((String) c[1]), containsString("at most")));
        }
        List<Map<String, Object>> devices = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            devices.add(device("10.1." + (i / 250) + "." + (i % 250)));
        }
        operator().contentType(ContentType.JSON)
                .body(Map.of("serviceConsumerId", Map.of("appInstanceId", "a"), "deviceInformation", devices))
                .post(SERVICES).then().statusCode(400).body("detail", containsString("deviceInformation"));

        String app = uniqueAppInstanceId();
        String id = register(registration(app, "10.0.0.8", 0));
        operator().contentType(ContentType.JSON).body(Map.of("serviceConsumerId", Map.of("appInstanceId", LONG)))
                .put(SERVICES + "/" + id).then().statusCode(400)
                .body("detail", containsString("serviceConsumerId.appInstanceId"));
        operator().contentType(ContentType.JSON)
                .body(Map.of("appMobilityServiceId", LONG, "serviceConsumerId", Map.of("appInstanceId", app)))
                .put(SERVICES + "/" + id).then().statusCode(400).body("detail", containsString("appMobilityServiceId"));
        // a path id longer than any stored one (a 10,000-character request line is refused by HTTP itself, 414)
        String longId = "y".repeat(1000);
        operator().get(SERVICES + "/" + longId).then().statusCode(404).contentType(startsWith(PROBLEM));
        operator().contentType(ContentType.JSON).body(registration(app, "10.0.0.8", 0))
                .put(SERVICES + "/" + longId).then().statusCode(404);
        operator().delete(SERVICES + "/" + longId).then().statusCode(404);
        operator().post(SERVICES + "/" + longId + "/deregister_task").then().statusCode(404);
        operator().delete(SERVICES + "/" + id).then().statusCode(204);
    }

    @Test
    void shouldRequireTheOperatorTokenOnEveryOperation() {
        String id = register(registration(uniqueAppInstanceId(), "10.0.0.9", 0));
        String body = "{\"serviceConsumerId\":{\"appInstanceId\":\"a\"}}";
        for (String authorization : new String[] {null, "Bearer wrong-token", "Basic b3BlcmF0b3I6eA==", "Bearer"}) {
            List<Response> answers = List.of(
                    request(authorization).get(SERVICES),
                    request(authorization).contentType(ContentType.JSON).body(body).post(SERVICES),
                    // no token beats an invalid body: nothing is read before the caller is known
                    request(authorization).contentType(ContentType.JSON).body("{").post(SERVICES),
                    request(authorization).get(SERVICES + "/" + id),
                    request(authorization).contentType(ContentType.JSON).body(body).put(SERVICES + "/" + id),
                    request(authorization).delete(SERVICES + "/" + id),
                    request(authorization).post(SERVICES + "/" + id + "/deregister_task"));
            for (Response answer : answers) {
                answer.then().statusCode(401).contentType(startsWith(PROBLEM))
                        .header("WWW-Authenticate", startsWith("Bearer"))
                        .body("status", equalTo(401)).body("title", equalTo("Unauthorized"))
                        .body("detail", not(containsString(operatorToken())));
            }
        }
        operator().get(SERVICES + "/" + id).then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/amsi/v1/app_mobility_services/{appMobilityServiceId}"));
        operator().delete(SERVICES + "/" + id).then().statusCode(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fields=deviceInformation", "filter=(eq,expiryTime,0)", "x=1"})
    void shouldRefuseQueryParametersTheIndividualResourceDoesNotDefine(String query) {
        String id = register(registration(uniqueAppInstanceId(), "10.0.0.10", 0));
        String name = query.substring(0, query.indexOf('='));
        operator().get(SERVICES + "/" + id + "?" + query).then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("detail", startsWith(name + ":"));
        operator().contentType(ContentType.JSON).body(registration("a", "10.0.0.10", 0))
                .post(SERVICES + "?" + query).then().statusCode(400).body("detail", startsWith(name + ":"));
        operator().delete(SERVICES + "/" + id + "?" + query).then().statusCode(400);
        operator().delete(SERVICES + "/" + id).then().statusCode(204);
    }

    @Test
    void shouldAnswerUnsupportedMediaTypesWithProblemDetails() {
        operator().contentType(ContentType.TEXT).body("serviceConsumerId=a").post(SERVICES)
                .then().statusCode(415).contentType(startsWith(PROBLEM)).body("status", equalTo(415));
        operator().accept(ContentType.XML).get(SERVICES)
                .then().statusCode(406).contentType(startsWith(PROBLEM)).body("status", equalTo(406));
        operator().patch(SERVICES).then().statusCode(405).contentType(startsWith(PROBLEM));
    }

    @Test
    void shouldKeepRegistrationsInPostgresql() throws Exception {
        String app = uniqueAppInstanceId();
        String id = register(registration(app, "10.0.0.11", 3600));
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT app_instance_id, mep_id, "
                + "body, expiry_time, expires_at, registered_at, version FROM app_mobility_service "
                + "WHERE app_mobility_service_id = ?")) {
            s.setString(1, id);
            ResultSet row = s.executeQuery();
            assertTrue(row.next(), "no row for " + id + " in schema " + config("edgemec.db.schema"));
            assertEquals(app, row.getString("app_instance_id"));
            assertEquals(null, row.getString("mep_id"));
            assertTrue(row.getString("body").contains("\"appMobilityServiceId\":\"" + id + "\""), row.getString("body"));
            assertEquals(3600, row.getLong("expiry_time"));
            OffsetDateTime registered = row.getObject("registered_at", OffsetDateTime.class);
            assertEquals(Duration.ofHours(1), Duration.between(registered, row.getObject("expires_at", OffsetDateTime.class)));
            assertEquals(1, row.getInt("version"));
        }
        operator().delete(SERVICES + "/" + id).then().statusCode(204);
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM app_mobility_service WHERE app_mobility_service_id = ?")) {
            s.setString(1, id);
            ResultSet row = s.executeQuery();
            assertTrue(row.next());
            assertEquals(0, row.getInt(1));
        }
    }

    private static RequestSpecification request(String authorization) {
        return authorization == null ? given() : given().header("Authorization", authorization);
    }

    private static Connection connect() throws Exception {
        Connection c = DriverManager.getConnection(config("quarkus.datasource.jdbc.url"),
                config("quarkus.datasource.username"), config("quarkus.datasource.password"));
        c.setSchema(config("edgemec.db.schema"));
        return c;
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }
}
