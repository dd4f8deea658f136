package org.edgemec.platform.provisioning;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 13.4: a create that races another for the same key answers 409 (never 500), and a value longer than its
 * column answers 400 naming the field, with nothing stored.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class CreateLimitsTest {

    @Inject
    DataSource dataSource;

    @Test
    void shouldAnswer409ToTheLoserOfTwoConcurrentProvisioningsOfOneInstance() throws Exception {
        for (int round = 0; round < 3; round++) {
            String id = Mp1Apps.newId();
            List<Integer> statuses = concurrently(() -> given().header("Authorization", Mp1Apps.OPERATOR)
                    .contentType(ContentType.JSON).body(Mp1Apps.provisioning(id)).post(Mp1Apps.APPS));
            assertEquals(List.of(201, 409), statuses, "round " + round);
            assertEquals(1, Db.number(dataSource, "select count(*) from {s}.traffic_rule where app_instance_id = ?",
                    id), "the loser wrote nothing");
        }
    }

    @Test
    void shouldAnswer409ToTheLoserOfTwoConcurrentRegistrations() throws Exception {
        for (int round = 0; round < 3; round++) {
            Mp1Apps.App app = Mp1Apps.provision();
            List<Integer> statuses = concurrently(() -> given().header("Authorization", app.bearer())
                    .contentType(ContentType.JSON).body("{\"appName\": \"racer\"}")
                    .post("/mec_app_support/v2/registrations"));
            assertEquals(List.of(201, 409), statuses, "round " + round);
        }
    }

    @Test
    void shouldRefuseValuesLongerThanTheirColumnNamingTheField() {
        Mp1Apps.App app = Mp1Apps.provision();
        String services = "/mec_service_mgmt/v1/applications/" + app.id() + "/services";
        String longName = "n".repeat(256);
        refused(given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(service(longName, "c1")).post(services), "serName");
        refused(given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(service("ok", longName)).post(services), "serCategory.id");
        assertEquals(0, Db.number(dataSource, "select count(*) from {s}.mec_service where app_instance_id = ?",
                app.id()));
        String id = given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(service("ok", "c1")).post(services).then().statusCode(201).extract().path("serInstanceId");
        refused(given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(service(longName, "c1")).put(services + "/" + id), "serName");
        given().header("Authorization", app.bearer()).get(services + "/" + id).then().body("serName", equalTo("ok"));

        String callback = "http://127.0.0.1:9/" + "c".repeat(2048);
        refused(given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body("{\"subscriptionType\": \"SerAvailabilityNotificationSubscription\", \"callbackReference\": \""
                        + callback + "\"}").post("/mec_service_mgmt/v1/applications/" + app.id() + "/subscriptions"),
                "callbackReference");
        refused(given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body("{\"subscriptionType\": \"AppTerminationNotificationSubscription\", \"callbackReference\": \""
                        + callback + "\", \"appInstanceId\": \"" + app.id() + "\"}")
                .post("/mec_app_support/v2/applications/" + app.id() + "/subscriptions"), "callbackReference");
        assertEquals(0, Db.number(dataSource, "select count(*) from {s}.mp1_subscription where app_instance_id = ?",
                app.id()));

        String other = Mp1Apps.newId();
        String longId = "r".repeat(129);
        refused(given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON)
                .body(Mp1Apps.provisioning(other).replace("\"tr1\"", "\"" + longId + "\"")).post(Mp1Apps.APPS),
                "appTrafficRule[0].trafficRuleId");
        refused(given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON)
                .body(Mp1Apps.provisioning(other).replace("\"dr1\"", "\"" + longId + "\"")).post(Mp1Apps.APPS),
                "appDNSRule[0].dnsRuleId");
        refused(given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON)
                .body(Mp1Apps.provisioning("a".repeat(129))).post(Mp1Apps.APPS), "appInstanceId");
        given().header("Authorization", Mp1Apps.OPERATOR).get(Mp1Apps.APPS + "/" + other).then().statusCode(404);

        String host = ("h".repeat(60) + ".").repeat(5) + "example";
        refused(given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON)
                .body("{\"strategy\": \"TRAFFIC_RULE\", \"target\": {\"host\": \"" + host + "\", \"port\": 80}}")
                .put(Mp1Apps.APPS + "/" + app.id() + "/steering"), "target.host");
    }

    private static void refused(Response response, String field) {
        response.then().statusCode(400).contentType("application/problem+json").body("detail", startsWith(field));
    }

    private static String service(String name, String category) {
        return """
                {"serName": "%s", "serCategory": {"href": "http://example.com/cat", "id": "%s", "name": "cat",
                 "version": "1"}, "version": "1.0", "state": "ACTIVE", "transportId": "rest-http-oauth2",
                 "serializer": "JSON"}""".formatted(name, category);
    }

    /** Sends the same request from two threads at once; the statuses, sorted. */
    private static List<Integer> concurrently(Callable<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return request.call();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response r = answer.get(30, TimeUnit.SECONDS);
                statuses.add(r.statusCode());
                if (r.statusCode() >= 500) {
                    throw new AssertionError("a create answered " + r.statusCode() + ": " + r.asString());
                }
            }
            statuses.sort(null);
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
