package org.edgemec.applcm.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.edgemec.applcm.support.CallbackRecorder;
import org.edgemec.applcm.support.Poll;
import org.edgemec.applcm.support.TestPackages;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Lifecycle API behaviour that needs no engine: validation, the op occ state machine on an unreachable host. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class AppLcmResourceTest {

    static final String INSTANCES = "/app_lcm/v1/app_instances";
    static final Duration WAIT = Duration.ofSeconds(30);

    static String onboardedAppD() {
        String appDId = TestPackages.newAppDId();
        PackagesResourceTest.onboard(TestPackages.packageZip(appDId, PackagesResourceTest.IMAGE));
        return appDId;
    }

    static String createInstance(String appDId) {
        return given().contentType(ContentType.JSON).body(Map.of("appDId", appDId, "appInstanceName", "c1"))
                .post(INSTANCES).then().statusCode(201).body("instantiationState", equalTo("NOT_INSTANTIATED"))
                .body("appName", equalTo("counter")).extract().path("id");
    }

    static String deadHost() {
        String name = "d" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body(Map.of("name", name, "engineKind", "PODMAN",
                "engineEndpoint", "tcp://127.0.0.1:1")).post("/app_lcm_ext/v1/mec_hosts").then().statusCode(201);
        return name;
    }

    static Map<String, Object> instantiateBody(String host) {
        return Map.of("selectedMECHostInfo", List.of(Map.of("hostName", host, "hostId", Map.of("name", host))));
    }

    static String opPath(String location) {
        return location.substring(location.indexOf("/app_lcm/"));
    }

    static JsonPath awaitOp(String path, String state) {
        return Poll.until(() -> given().get(path).then().statusCode(200).extract().jsonPath(),
                j -> state.equals(j.getString("operationState")), WAIT, path + " " + state);
    }

    @Test
    void shouldCreateListFilterAndDeleteInstances() {
        String appDId = onboardedAppD();
        String id = createInstance(appDId);
        given().get(INSTANCES + "/" + id).then().statusCode(200).body("appDId", equalTo(appDId))
                .body("_links.instantiate.href", containsString(id + "/instantiate"));
        given().queryParam("filter", "(eq,id," + id + ")").get(INSTANCES).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].id", equalTo(id));
        given().queryParam("filter", "(eq,appDId," + appDId + ");(eq,instantiationState,INSTANTIATED)")
                .get(INSTANCES).then().statusCode(200).body("$", hasSize(0));
        given().queryParam("filter", "eq,id").get(INSTANCES).then().statusCode(400)
                .body("detail", containsString("filter"));
        given().delete(INSTANCES + "/" + id).then().statusCode(204);
        given().get(INSTANCES + "/" + id).then().statusCode(404);
    }

    @Test
    void shouldRejectInvalidInstanceRequests() {
        given().contentType(ContentType.JSON).body(Map.of()).post(INSTANCES).then().statusCode(400)
                .body("detail", containsString("appDId"));
        given().contentType(ContentType.JSON).body(Map.of("appDId", "unknown")).post(INSTANCES).then()
                .statusCode(400).body("detail", containsString("appDId"));
        String id = createInstance(onboardedAppD());
        given().contentType(ContentType.JSON).body(Map.of()).post(INSTANCES + "/" + id + "/instantiate")
                .then().statusCode(400).body("detail", containsString("selectedMECHostInfo"));
        given().contentType(ContentType.JSON).body(instantiateBody("no-such-host"))
                .post(INSTANCES + "/" + id + "/instantiate").then().statusCode(400)
                .body("detail", containsString("selectedMECHostInfo[0].hostName"));
        given().contentType(ContentType.JSON).body(Map.of("terminationType", "GRACEFUL"))
                .post(INSTANCES + "/" + id + "/terminate").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("terminationType", "SOMETIMES"))
                .post(INSTANCES + "/" + id + "/terminate").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("changeStateTo", "STOPPED"))
                .post(INSTANCES + "/" + id + "/operate").then().statusCode(409);
        given().contentType(ContentType.JSON).body(Map.of("appTrafficRule", List.of()))
                .post(INSTANCES + "/" + id + "/configure_platform_for_app").then().statusCode(409);
        given().contentType(ContentType.JSON).body(instantiateBody("edge1"))
                .post(INSTANCES + "/nope/instantiate").then().statusCode(404);
        given().get("/app_lcm/v1/app_lcm_op_occs/nope").then().statusCode(404);
        given().contentType(ContentType.JSON).post("/app_pkgm/v1/user_defined_notification").then().statusCode(501);
        given().contentType(ContentType.JSON).post("/app_lcm/v1/user_defined_notification").then().statusCode(501)
                .contentType("application/problem+json");
    }

    @Test
    void shouldGoFailedTempThenRetryAndFailWhenEngineIsDown() {
        try (CallbackRecorder subscriber = new CallbackRecorder();
                KafkaConsumer<String, String> kafka = consumer()) {
            given().contentType(ContentType.JSON).body(Map.of("subscriptionType", "AppLcmOpOccStateChangeSubscription",
                    "callbackUri", subscriber.url("/lcm"))).post("/app_lcm/v1/subscriptions").then().statusCode(201)
                    .body("subscriptionType", equalTo("AppLcmOpOccStateChangeSubscription"));
            String id = createInstance(onboardedAppD());
            String op = opPath(given().contentType(ContentType.JSON).body(instantiateBody(deadHost()))
                    .post(INSTANCES + "/" + id + "/instantiate").then().statusCode(202).extract().header("Location"));
            JsonPath failed = awaitOp(op, "FAILED_TEMP");
            assertTrue(failed.getString("lcmOperation").equals("INSTANTIATE"));
            String opId = failed.getString("id");
            given().get("/app_lcm_ext/v1/app_lcm_op_occs/" + opId).then().statusCode(200)
                    .body("error.status", equalTo(503)).body("error.detail", containsString("unreachable")).body("steps[0].step", containsString("grant"));
            for (String state : List.of("STARTING", "PROCESSING", "FAILED_TEMP")) {
                subscriber.await(b -> b.contains(opId) && b.contains("\"operationState\":\"" + state + "\""), WAIT);
            }
            given().contentType(ContentType.JSON).body(instantiateBody("edge1"))
                    .post(INSTANCES + "/" + id + "/instantiate").then().statusCode(409);
            given().delete(INSTANCES + "/" + id).then().statusCode(409);
            given().contentType(ContentType.JSON).body(Map.of("CancelMode", "GRACEFUL"))
                    .post(op + "/cancel").then().statusCode(409);
            given().post(op + "/retry").then().statusCode(202);
            Poll.until(() -> given().get("/app_lcm_ext/v1/app_lcm_op_occs/" + opId).then().extract().jsonPath(),
                    j -> "FAILED_TEMP".equals(j.getString("operationState")) && j.getList("steps").size() > 1,
                    WAIT, "retried op FAILED_TEMP");
            given().post(op + "/fail").then().statusCode(200).body("operationState", equalTo("FAILED"));
            given().post(op + "/fail").then().statusCode(409);
            given().post(op + "/retry").then().statusCode(409);
            given().get(INSTANCES + "/" + id).then().body("instantiationState", equalTo("NOT_INSTANTIATED"));
            given().queryParam("filter", "(eq,operationState,FAILED);(eq,_links.appInstance.href," + failed
                    .getString("_links.appInstance.href") + ")").get("/app_lcm/v1/app_lcm_op_occs").then()
                    .statusCode(200).body("$", hasSize(1));
            awaitKafka(kafka, opId, "FAILED");
            given().delete(INSTANCES + "/" + id).then().statusCode(204);
        }
    }

    @Test
    void shouldManageLcmSubscriptionsAndRejectBadOnes() {
        given().contentType(ContentType.JSON).body(Map.of("subscriptionType", "Nope", "callbackUri", "http://x/y"))
                .post("/app_lcm/v1/subscriptions").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("subscriptionType", "AppInstanceStateChangeSubscription",
                "callbackUri", "ftp://x/y")).post("/app_lcm/v1/subscriptions").then().statusCode(400)
                .body("detail", containsString("callbackUri"));
        // only the networks of edgemec.callbacks.allowed-networks: no public address, no cloud metadata service
        for (String outside : List.of("http://8.8.8.8/cb", "http://169.254.169.254/latest/meta-data")) {
            given().contentType(ContentType.JSON).body(Map.of("subscriptionType", "AppInstanceStateChangeSubscription",
                    "callbackUri", outside)).post("/app_lcm/v1/subscriptions").then().statusCode(400)
                    .body("detail", allOf(containsString("callbackUri"), containsString("allowed-networks")));
        }
        String location = given().contentType(ContentType.JSON).body(Map.of(
                        "subscriptionType", "AppInstanceStateChangeSubscription", "callbackUri", "http://127.0.0.1:9/cb",
                        "appInstanceState", "STARTED",
                        "appInstanceSubscriptionFilter", Map.of("appInstSelectorType", 2, "appInstances", List.of("counter"))))
                .post("/app_lcm/v1/subscriptions").then().statusCode(201)
                .body("appInstanceSubscriptionFilter.appInstSelectorType", equalTo(2)).extract().header("Location");
        String path = location.substring(location.indexOf("/app_lcm/"));
        given().get(path).then().statusCode(200).body("appInstanceState", equalTo("STARTED"));
        given().get("/app_lcm/v1/subscriptions").then().statusCode(200)
                .body("_links.subscriptions.href", org.hamcrest.Matchers.hasItem(location));
        given().delete(path).then().statusCode(204);
        given().get(path).then().statusCode(404);
    }

    static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put("group.id", "lcm-test-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        c.subscribe(List.of("edgemec.lcm"));
        return c;
    }

    static void awaitKafka(KafkaConsumer<String, String> kafka, String opId, String state) {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            for (ConsumerRecord<String, String> r : kafka.poll(Duration.ofMillis(500))) {
                if (r.value().contains(opId) && r.value().contains("\"state\":\"" + state + "\"")
                        && r.value().contains("edgemec.lcm.op-occ.state-changed")) {
                    return;
                }
            }
        }
        throw new AssertionError("no Kafka event for " + opId + " " + state);
    }
}
