package org.edgemec.platform.servicemgmt;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.edgemec.platform.appsupport.EtsiSchemas;
import org.edgemec.platform.provisioning.Db;
import org.edgemec.platform.provisioning.Mp1Apps;
import org.edgemec.testsupport.CallbackReceiver;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ServicesResourceTest {

    private static final String BASE = "/mec_service_mgmt/v1";

    @Inject
    DataSource dataSource;

    static String serviceInfo(String serName, String state, String categoryId, Integer livenessInterval) {
        return """
                {"serName": "%s", "serCategory": {"href": "http://example.com/cat/%s", "id": "%s", "name": "cat",
                 "version": "1"}, "version": "1.0", "state": "%s", "transportId": "rest-http-oauth2",
                 "serializer": "JSON"%s}""".formatted(serName, categoryId, categoryId, state,
                livenessInterval == null ? "" : ", \"livenessInterval\": " + livenessInterval);
    }

    static String create(Mp1Apps.App app, String body) {
        return given().header("Authorization", app.bearer()).contentType(ContentType.JSON).body(body)
                .post(BASE + "/applications/" + app.id() + "/services").then().statusCode(201)
                .extract().path("serInstanceId");
    }

    @Test
    void shouldCreateReadUpdateAndDeleteAServiceWhenTheOwnerCalls() {
        Mp1Apps.App app = Mp1Apps.provision();
        String name = "svc-" + UUID.randomUUID();
        String appServices = BASE + "/applications/" + app.id() + "/services";
        var created = given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(serviceInfo(name, "ACTIVE", "c1", null)).post(appServices).then().statusCode(201)
                .body("serName", equalTo(name), "transportInfo.type", equalTo("REST_HTTP"),
                        "scopeOfLocality", equalTo("MEC_HOST"), "isLocal", equalTo(true)).extract();
        String id = created.path("serInstanceId");
        assertTrue(created.header("Location").endsWith(appServices + "/" + id), created.header("Location"));
        EtsiSchemas.assertValid(EtsiSchemas.SERVICE_MGMT, "ServiceInfo", created.asString());
        assertEquals(name, Db.single(dataSource, "select ser_name from {s}.mec_service where ser_instance_id = ?", id));

        given().header("Authorization", app.bearer()).get(appServices + "/" + id).then().statusCode(200)
                .body("_links.self.href", endsWith(appServices + "/" + id));
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(serviceInfo(name, "INACTIVE", "c1", null)).put(appServices + "/" + id)
                .then().statusCode(200).body("state", equalTo("INACTIVE"), "serInstanceId", equalTo(id));
        given().header("Authorization", app.bearer()).get(BASE + "/services/" + id).then().statusCode(200)
                .body("state", equalTo("INACTIVE"));
        given().header("Authorization", app.bearer()).delete(appServices + "/" + id).then().statusCode(204);
        given().header("Authorization", app.bearer()).get(appServices + "/" + id).then().statusCode(404);
        given().header("Authorization", app.bearer()).get(BASE + "/services/" + id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    /**
     * Discovery answers from memory. A change that does not pass through this replica (another replica's, written here
     * with plain SQL) reaches it through PostgreSQL's NOTIFY: the lookup changes without any call to this replica.
     */
    @Test
    void shouldSeeAChangeMadeOutsideThisReplicaInTheNextLookupsOnceNotified() {
        Mp1Apps.App app = Mp1Apps.provision();
        String name = "svc-" + UUID.randomUUID();
        String id = create(app, serviceInfo(name, "ACTIVE", "c-outside", null));
        given().header("Authorization", app.bearer()).queryParam("ser_name", name).get(BASE + "/services")
                .then().statusCode(200).body("$", hasSize(1), "[0].state", equalTo("ACTIVE"));
        given().header("Authorization", app.bearer()).get(BASE + "/services/" + id).then().statusCode(200)
                .body("state", equalTo("ACTIVE"));

        assertEquals(1, Db.update(dataSource, "update {s}.mec_service set state = 'INACTIVE', "
                + "body = replace(body, '\"state\":\"ACTIVE\"', '\"state\":\"INACTIVE\"') where ser_instance_id = ?", id));
        awaitState(app, "/services/" + id, "state", "INACTIVE");
        awaitState(app, "/services?ser_name=" + name, "[0].state", "INACTIVE");

        assertEquals(1, Db.update(dataSource, "delete from {s}.mec_service where ser_instance_id = ?", id));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (given().header("Authorization", app.bearer()).get(BASE + "/services/" + id).statusCode() != 404) {
            assertTrue(System.nanoTime() < deadline, "the deleted service is still discovered after 10 s");
            Thread.onSpinWait();
        }
        given().header("Authorization", app.bearer()).queryParam("ser_name", name).get(BASE + "/services")
                .then().statusCode(200).body("$", hasSize(0));
    }

    /**
     * A repeated lookup is answered from memory on the event loop ({@code DiscoveryFastPath}): the same bytes and
     * headers as the full path's, while what the full path refuses (an undeclared parameter, an unacceptable media
     * type, a forged token, a bad value) is still refused, and a new registration is in the next answer.
     */
    @Test
    void shouldAnswerARepeatedLookupFromMemoryAsTheFullPathDoes() {
        Mp1Apps.App app = Mp1Apps.provision();
        String category = "c-fast-" + UUID.randomUUID();
        create(app, serviceInfo("svc-" + UUID.randomUUID(), "ACTIVE", category, null));
        var first = given().header("Authorization", app.bearer()).queryParam("ser_category_id", category)
                .get(BASE + "/services").then().statusCode(200).extract();
        var again = given().header("Authorization", app.bearer()).queryParam("ser_category_id", category)
                .get(BASE + "/services").then().statusCode(200).extract();
        assertEquals(first.asString(), again.asString());
        assertEquals(first.contentType(), again.contentType());
        assertEquals(first.header("Content-Length"), again.header("Content-Length"));

        given().header("Authorization", app.bearer()).queryParam("ser_category_id", category)
                .queryParam("ser_nmae", "x").get(BASE + "/services").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("ser_nmae"));
        given().header("Authorization", app.bearer()).accept("text/plain").queryParam("ser_category_id", category)
                .get(BASE + "/services").then().statusCode(406);
        given().header("Authorization", app.bearer() + "x").queryParam("ser_category_id", category)
                .get(BASE + "/services").then().statusCode(401);
        given().header("Authorization", app.bearer()).queryParam("ser_category_id", category)
                .queryParam("is_local", "maybe").get(BASE + "/services").then().statusCode(400)
                .body("detail", containsString("is_local"));

        create(app, serviceInfo("svc-" + UUID.randomUUID(), "ACTIVE", category, null));
        given().header("Authorization", app.bearer()).queryParam("ser_category_id", category)
                .get(BASE + "/services").then().statusCode(200).body("$", hasSize(2));
    }

    /** Polls (each poll is a real lookup) until the answer shows the value: the notification's delivery has no fixed time. */
    private static void awaitState(Mp1Apps.App app, String path, String field, String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Object value = given().header("Authorization", app.bearer()).get(BASE + path).then().statusCode(200)
                    .extract().path(field);
            if (expected.equals(value)) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, path + ": " + field + " still " + value + " after 10 s");
        }
    }

    @Test
    void shouldLetOnlyTheOwnerChangeOrDeleteAService() {
        Mp1Apps.App owner = Mp1Apps.provision();
        Mp1Apps.App other = Mp1Apps.provision();
        String id = create(owner, serviceInfo("svc-" + UUID.randomUUID(), "ACTIVE", "c1", null));
        String path = BASE + "/applications/" + owner.id() + "/services/" + id;
        given().header("Authorization", other.bearer()).contentType(ContentType.JSON)
                .body(serviceInfo("x", "ACTIVE", "c1", null)).put(path).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", other.bearer()).delete(path).then().statusCode(404);
        given().header("Authorization", other.bearer()).get(BASE + "/services/" + id).then().statusCode(200);
        given().header("Authorization", other.bearer()).delete(BASE + "/applications/" + other.id() + "/services/"
                + id).then().statusCode(404);
    }

    @Test
    void shouldRefuseInvalidServices() {
        Mp1Apps.App app = Mp1Apps.provision();
        String appServices = BASE + "/applications/" + app.id() + "/services";
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(serviceInfo("s", "ACTIVE", "c1", null).replace("rest-http-oauth2", "carrier-pigeon"))
                .post(appServices).then().statusCode(400).body("detail", containsString("transportId"));
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(serviceInfo("s", "ACTIVE", "c1", null).replace("\"version\": \"1.0\",", ""))
                .post(appServices).then().statusCode(400).body("detail", containsString("version"));
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(serviceInfo("s", "WOBBLY", "c1", null)).post(appServices)
                .then().statusCode(400).body("detail", containsString("state"));
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(serviceInfo("s", "ACTIVE", "c1", 0)).post(appServices)
                .then().statusCode(400).body("detail", containsString("livenessInterval"));
        assertEquals(0, Db.number(dataSource, "select count(*) from {s}.mec_service where app_instance_id = ?",
                app.id()));
    }

    @Test
    void shouldFilterDiscoveryByEveryQueryParameter() {
        Mp1Apps.App app = Mp1Apps.provision();
        String tag = UUID.randomUUID().toString();
        String a = create(app, serviceInfo("a-" + tag, "ACTIVE", "cat-" + tag, null));
        String b = create(app, serviceInfo("b-" + tag, "ACTIVE", "other-" + tag, null));
        given().header("Authorization", app.bearer()).queryParam("ser_name", "a-" + tag).get(BASE + "/services")
                .then().statusCode(200).body("$", hasSize(1), "[0].serInstanceId", equalTo(a));
        given().header("Authorization", app.bearer()).queryParam("ser_instance_id", a + "," + b)
                .get(BASE + "/services").then().body("$", hasSize(2));
        given().header("Authorization", app.bearer()).queryParam("ser_category_id", "other-" + tag)
                .get(BASE + "/services").then().body("$", hasSize(1), "[0].serInstanceId", equalTo(b));
        given().header("Authorization", app.bearer()).queryParam("ser_name", "a-" + tag)
                .queryParam("is_local", true).queryParam("consumed_local_only", false)
                .queryParam("scope_of_locality", "MEC_HOST").get(BASE + "/services").then().body("$", hasSize(1));
        given().header("Authorization", app.bearer()).queryParam("ser_name", "a-" + tag)
                .queryParam("is_local", false).get(BASE + "/services").then().body("$", hasSize(0));
        given().header("Authorization", app.bearer()).queryParam("ser_name", "a-" + tag)
                .queryParam("scope_of_locality", "ZONE").get(BASE + "/services").then().body("$", hasSize(0));
        given().header("Authorization", app.bearer()).queryParam("ser_name", "a-" + tag)
                .get(BASE + "/applications/" + app.id() + "/services").then().body("$", hasSize(1));

        given().header("Authorization", app.bearer()).queryParam("ser_name", "x").queryParam("ser_instance_id", a)
                .get(BASE + "/services").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("mutually exclusive"));
        given().header("Authorization", app.bearer()).queryParam("scope_of_locality", "GALAXY")
                .get(BASE + "/services").then().statusCode(400).body("detail", containsString("scope_of_locality"));
        given().header("Authorization", app.bearer()).queryParam("is_local", "maybe")
                .get(BASE + "/services").then().statusCode(400).body("detail", containsString("is_local"));        // a misspelt parameter is refused, not ignored (it would answer every service)
        given().header("Authorization", app.bearer()).queryParam("ser_nmae", "a-" + tag)
                .get(BASE + "/services").then().statusCode(400).body("detail", containsString("ser_nmae"));
        given().header("Authorization", app.bearer()).queryParam("ser_nmae", "a-" + tag)
                .get(BASE + "/applications/" + app.id() + "/services").then().statusCode(400)
                .body("detail", containsString("ser_nmae"));
    }

    @Test
    void shouldListTheTransports() {
        Mp1Apps.App app = Mp1Apps.provision();
        given().header("Authorization", app.bearer()).get(BASE + "/transports").then().statusCode(200)
                .body("id", hasItem("rest-http-oauth2"),
                        "[0].security.oAuth2Info.grantTypes", hasItem("OAUTH2_CLIENT_CREDENTIALS"));
    }

    @Test
    void shouldNotifyMatchingSubscribersOfAvailabilityChanges() {
        Mp1Apps.App watcher = Mp1Apps.provision();
        Mp1Apps.App provider = Mp1Apps.provision();
        String name = "svc-" + UUID.randomUUID();
        try (CallbackReceiver receiver = CallbackReceiver.started()) {
            String subs = BASE + "/applications/" + watcher.id() + "/subscriptions";
            String location = given().header("Authorization", watcher.bearer()).contentType(ContentType.JSON)
                    .body("{\"subscriptionType\": \"SerAvailabilityNotificationSubscription\", \"callbackReference\": \""
                            + receiver.url() + "\", \"filteringCriteria\": {\"serNames\": [\"" + name + "\"],"
                            + " \"states\": [\"ACTIVE\", \"INACTIVE\"]}}")
                    .post(subs).then().statusCode(201).body("filteringCriteria.serNames[0]", equalTo(name))
                    .extract().header("Location");
            given().header("Authorization", watcher.bearer()).get(subs).then().statusCode(200)
                    .body("_links.subscriptions[0].href", equalTo(location));
            create(provider, serviceInfo("unrelated-" + UUID.randomUUID(), "ACTIVE", "c", null));
            String id = create(provider, serviceInfo(name, "ACTIVE", "c", null));
            String added = receiver.await(b -> b.contains(id) && b.contains("ADDED"), Duration.ofSeconds(20));
            assertTrue(added.contains("\"notificationType\":\"SerAvailabilityNotification\""), added);
            assertTrue(receiver.bodies().stream().noneMatch(b -> b.contains("unrelated-")), "filter by name");

            Mp1Apps.deprovision(provider.id());
            receiver.await(b -> b.contains(id) && b.contains("REMOVED"), Duration.ofSeconds(20));

            String path = location.substring(location.indexOf(BASE));
            given().header("Authorization", watcher.bearer()).delete(path).then().statusCode(204);
            given().header("Authorization", watcher.bearer()).get(path).then().statusCode(404);
        }
    }

    @Test
    void shouldRefuseAvailabilitySubscriptionsWithBadCallbacksOrFilters() {
        Mp1Apps.App app = Mp1Apps.provision();
        String subs = BASE + "/applications/" + app.id() + "/subscriptions";
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body("{\"subscriptionType\": \"SerAvailabilityNotificationSubscription\","
                        + " \"callbackReference\": \"relative/cb\"}")
                .post(subs).then().statusCode(400).body("detail", containsString("callbackReference"));
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body("{\"subscriptionType\": \"SerAvailabilityNotificationSubscription\","
                        + " \"callbackReference\": \"http://127.0.0.1:9/cb\", \"filteringCriteria\":"
                        + " {\"serNames\": [\"a\"], \"serInstanceIds\": [\"b\"]}}")
                .post(subs).then().statusCode(400).body("detail", containsString("filteringCriteria"));
    }

    @Test
    void shouldSuspendASilentServiceAndReviveItOnAHeartbeat() {
        Mp1Apps.App app = Mp1Apps.provision();
        String name = "live-" + UUID.randomUUID();
        try (CallbackReceiver receiver = CallbackReceiver.started()) {
            given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                    .body("{\"subscriptionType\": \"SerAvailabilityNotificationSubscription\", \"callbackReference\": \""
                            + receiver.url() + "\", \"filteringCriteria\": {\"serNames\": [\"" + name + "\"]}}")
                    .post(BASE + "/applications/" + app.id() + "/subscriptions").then().statusCode(201);
            var created = given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                    .body(serviceInfo(name, "ACTIVE", "c", 1)).post(BASE + "/applications/" + app.id() + "/services")
                    .then().statusCode(201).body("_links.liveness.href", endsWith("/liveness")).extract();
            String id = created.path("serInstanceId");
            String liveness = BASE + "/applications/" + app.id() + "/services/" + id + "/liveness";
            given().header("Authorization", app.bearer()).get(liveness).then().statusCode(200)
                    .body("state", equalTo("ACTIVE"), "interval", equalTo(1));

            CallbackReceiver.until(() -> "SUSPENDED".equals(Db.single(dataSource,
                    "select state from {s}.mec_service where ser_instance_id = ?", id)), Duration.ofSeconds(20),
                    "service suspended after missed heartbeats");
            receiver.await(b -> b.contains(id) && b.contains("SUSPENDED"), Duration.ofSeconds(20));

            given().header("Authorization", app.bearer()).contentType("application/merge-patch+json")
                    .body("{\"state\": \"ACTIVE\"}").patch(liveness).then().statusCode(200)
                    .body("state", equalTo("ACTIVE"));
            given().header("Authorization", app.bearer()).get(BASE + "/services/" + id).then()
                    .body("state", not(equalTo("SUSPENDED")));
            receiver.await(b -> b.contains(id) && b.contains("STATE_CHANGED") && b.contains("\"state\":\"ACTIVE\""),
                    Duration.ofSeconds(20));
            given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                    .body("{\"state\": \"INACTIVE\"}").patch(liveness).then().statusCode(400);
        }
    }
}
