package org.edgemec.platform.appsupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.edgemec.platform.provisioning.Db;
import org.edgemec.platform.provisioning.Mp1Apps;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RegistrationsResourceTest {

    private static final String BASE = "/mec_app_support/v2";

    @Inject
    DataSource dataSource;

    static String appInfo(String appName, String appInstanceId) {
        return """
                {"appName": "%s", "appProvider": "acme", "appDId": "d-1", "appInstanceId": "%s",
                 "endpoint": {"addresses": [{"host": "10.88.0.5", "port": 8080}]}, "isInsByMec": true}
                """.formatted(appName, appInstanceId);
    }

    @Test
    void shouldRegisterReadUpdateAndDeregisterWhenTheOwnerCalls() {
        Mp1Apps.App app = Mp1Apps.provision();
        String body = given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(appInfo("counter", app.id())).post(BASE + "/registrations")
                .then().statusCode(201).header("Location", endsWith(BASE + "/registrations/" + app.id()))
                .body("appInstanceId", equalTo(app.id()), "appName", equalTo("counter")).extract().asString();
        EtsiSchemas.assertValid(EtsiSchemas.APP_SUPPORT, "AppInfo", body);
        assertEquals(1, Db.number(dataSource, "select count(*) from {s}.app_registration where app_instance_id = ?",
                app.id()));

        given().header("Authorization", app.bearer()).get(BASE + "/registrations/" + app.id())
                .then().statusCode(200).body("appName", equalTo("counter"), "endpoint.addresses[0].port", equalTo(8080));
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(appInfo("counter-v2", app.id())).put(BASE + "/registrations/" + app.id())
                .then().statusCode(204).body(org.hamcrest.Matchers.emptyString());
        given().header("Authorization", app.bearer()).get("/mec_app_support/v1/registrations/" + app.id())
                .then().statusCode(200).body("appName", equalTo("counter-v2"));

        given().header("Authorization", app.bearer()).delete(BASE + "/registrations/" + app.id())
                .then().statusCode(204);
        given().header("Authorization", app.bearer()).get(BASE + "/registrations/" + app.id())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        assertEquals(0, Db.number(dataSource, "select count(*) from {s}.app_registration where app_instance_id = ?",
                app.id()));
    }

    @Test
    void shouldTakeTheAppInstanceFromTheTokenWhenTheBodyHasNone() {
        Mp1Apps.App app = Mp1Apps.provision();
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body("{\"appName\": \"counter\"}").post("/mec_app_support/v1/registrations")
                .then().statusCode(201).header("Location", endsWith("/mec_app_support/v1/registrations/" + app.id()))
                .body("appInstanceId", equalTo(app.id()));
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body("{\"appName\": \"counter\"}").post(BASE + "/registrations").then().statusCode(409);
    }

    @Test
    void shouldRefuseInvalidOrForeignRegistrations() {
        Mp1Apps.App app = Mp1Apps.provision();
        Mp1Apps.App other = Mp1Apps.provision();
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body("{\"appProvider\": \"acme\"}").post(BASE + "/registrations")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("appName"));
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(appInfo("counter", other.id())).post(BASE + "/registrations").then().statusCode(404);
        given().header("Authorization", app.bearer()).get(BASE + "/registrations/" + other.id())
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body(appInfo("counter", app.id())).post(BASE + "/registrations")
                .then().statusCode(401);
    }

    @Test
    void shouldConfirmReadyWhenTheIndicationIsReady() {
        Mp1Apps.App app = Mp1Apps.provision();
        String path = BASE + "/applications/" + app.id() + "/confirm_ready";
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON).body("{\"indication\":\"READY\"}")
                .post(path).then().statusCode(204);
        assertNotNull(Db.single(dataSource, "select ready_at from {s}.app_instance where app_instance_id = ?",
                app.id()));
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON).body("{\"indication\":\"SOON\"}")
                .post(path).then().statusCode(400).body("detail", containsString("indication"));
        given().contentType(ContentType.JSON).body("{\"indication\":\"READY\"}").post(path).then().statusCode(401);
        Mp1Apps.App other = Mp1Apps.provision();
        given().header("Authorization", other.bearer()).contentType(ContentType.JSON)
                .body("{\"indication\":\"READY\"}").post(path).then().statusCode(404);
    }

    @Test
    void shouldAnswer404WhenTheAppIsNoLongerProvisioned() {
        Mp1Apps.App app = Mp1Apps.provision();
        Mp1Apps.deprovision(app.id());
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON).body("{\"indication\":\"READY\"}")
                .post(BASE + "/applications/" + app.id() + "/confirm_ready").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body("{\"operationAction\":\"TERMINATING\"}")
                .post(BASE + "/applications/" + app.id() + "/confirm_termination").then().statusCode(404);
    }

    @Test
    void shouldAnswerWithTheRealClock() {
        Mp1Apps.App app = Mp1Apps.provision();
        long before = System.currentTimeMillis() / 1000;
        String body = given().header("Authorization", app.bearer()).get(BASE + "/timing/current_time")
                .then().statusCode(200).extract().asString();
        long seconds = given().header("Authorization", app.bearer()).get(BASE + "/timing/current_time")
                .then().extract().jsonPath().getLong("seconds");
        long after = System.currentTimeMillis() / 1000;
        org.junit.jupiter.api.Assertions.assertTrue(seconds >= before && seconds <= after, body);
        org.junit.jupiter.api.Assertions.assertTrue(body.contains("TRACEABLE"), body);
        given().header("Authorization", app.bearer()).get(BASE + "/timing/timing_caps")
                .then().statusCode(200).body("timeStamp.seconds", org.hamcrest.Matchers.greaterThan(0));
        given().get(BASE + "/timing/current_time").then().statusCode(401);
    }

    /** Issue 13.2: what the app requires must exist here; optional dependencies are not checked. */
    @Test
    void shouldRefuseRequiredServicesAndFeaturesThisHostDoesNotHave() {
        Mp1Apps.App producer = Mp1Apps.provision();
        String serName = "dep-" + java.util.UUID.randomUUID();
        given().header("Authorization", producer.bearer()).contentType(ContentType.JSON).body("""
                {"serName": "%s", "serCategory": {"href": "http://example.com/cat/c1", "id": "c1", "name": "cat",
                 "version": "1"}, "version": "2.0", "state": "INACTIVE", "transportId": "rest-http-oauth2",
                 "serializer": "JSON"}""".formatted(serName))
                .post("/mec_service_mgmt/v1/applications/" + producer.id() + "/services").then().statusCode(201);
        Mp1Apps.App app = Mp1Apps.provision();
        String cat = "\"serCategory\": {\"href\": \"http://example.com/cat/%s\", \"id\": \"%s\", \"name\": \"cat\", \"version\": \"1\"}";
        record Refusal(String service, String feature, String field) {
        }
        for (Refusal r : java.util.List.of(
                new Refusal("{\"serName\": \"nobody-offers-" + serName + "\", \"version\": \"2.0\"}", null,
                        "appServiceRequired[0].serName"),
                new Refusal("{\"serName\": \"" + serName + "\", \"version\": \"1.0\"}", null,
                        "appServiceRequired[0].version"),
                new Refusal("{\"serName\": \"" + serName + "\", \"version\": \"2.0\", "
                        + cat.formatted("c2", "c2") + "}", null, "appServiceRequired[0].serCategory"),
                new Refusal(null, "{\"featureName\": \"UserApps\", \"version\": \"1.0\"}",
                        "appFeatureRequired[0].featureName"),
                new Refusal(null, "{\"featureName\": \"AppSupport\", \"version\": \"0.9\"}",
                        "appFeatureRequired[0].version"))) {
            given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                    .body(withDependencies(app.id(), r.service(), r.feature())).post(BASE + "/registrations")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.startsWith(r.field()));
        }
        assertEquals(0, Db.number(dataSource, "select count(*) from {s}.app_registration where app_instance_id = ?",
                app.id()), "nothing stored");

        // optional ones are not checked; a service of any state that exists, with its category, and a known feature
        String ok = withDependencies(app.id(), "{\"serName\": \"" + serName + "\", \"version\": \"2.0\", "
                + cat.formatted("c1", "c1") + "}", "{\"featureName\": \"TrafficRules\", \"version\": \"3.1.1\"}")
                .replace("\"isInsByMec\"", "\"appServiceOptional\": [{\"serName\": \"absent\", \"version\": \"1\"}],"
                        + " \"appFeatureOptional\": [{\"featureName\": \"UEIdentity\", \"version\": \"1\"}], \"isInsByMec\"");
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON).body(ok)
                .post(BASE + "/registrations").then().statusCode(201);
        // an update is checked the same way and changes nothing when refused
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(withDependencies(app.id(), null, "{\"featureName\": \"Nope\", \"version\": \"1\"}"))
                .put(BASE + "/registrations/" + app.id()).then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.startsWith("appFeatureRequired[0].featureName"));
        given().header("Authorization", app.bearer()).get(BASE + "/registrations/" + app.id()).then()
                .statusCode(200).body("appFeatureRequired[0].featureName", equalTo("TrafficRules"));
    }

    private static String withDependencies(String appInstanceId, String service, String feature) {
        return """
                {"appName": "needs", "appInstanceId": "%s", %s%s"isInsByMec": true}""".formatted(appInstanceId,
                service == null ? "" : "\"appServiceRequired\": [" + service + "], ",
                feature == null ? "" : "\"appFeatureRequired\": [" + feature + "], ");
    }
}
