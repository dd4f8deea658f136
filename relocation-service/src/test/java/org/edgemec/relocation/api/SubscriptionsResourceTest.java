package org.edgemec.relocation.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.edgemec.relocation.support.Ams.PROBLEM;
import static org.edgemec.relocation.support.Ams.operator;
import static org.edgemec.relocation.support.Ams.uniqueAppInstanceId;
import static org.edgemec.relocation.support.AmsSubscriptions.ADJACENT_APP_INFO;
import static org.edgemec.relocation.support.AmsSubscriptions.MOBILITY_PROCEDURES;
import static org.edgemec.relocation.support.AmsSubscriptions.NOWHERE;
import static org.edgemec.relocation.support.AmsSubscriptions.SUBSCRIPTIONS;
import static org.edgemec.relocation.support.AmsSubscriptions.adjacent;
import static org.edgemec.relocation.support.AmsSubscriptions.idOf;
import static org.edgemec.relocation.support.AmsSubscriptions.mobility;
import static org.edgemec.relocation.support.AmsSubscriptions.subscribe;
import static org.edgemec.relocation.support.AmsSubscriptions.timeStamp;
import static org.edgemec.relocation.support.AmsSubscriptions.ue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MEC 021 subscriptions on real PostgreSQL and Kafka: every operation, its errors and the lifecycle. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class SubscriptionsResourceTest {

    private static final String BASE = "http://127.0.0.1:18080" + SUBSCRIPTIONS + "/";

    @Test
    void shouldCreateMobilityProcedureSubscriptionWithLocationAndLinks() {
        String app = uniqueAppInstanceId();
        Map<String, Object> body = mobility(NOWHERE, app, List.of(ue("10.1.0.1")), null);
        body.put("_links", Map.of("self", Map.of("href", "http://client.example/ignored")));
        ExtractableResponse<Response> created = operator().contentType(ContentType.JSON).body(body)
                .post(SUBSCRIPTIONS).then().statusCode(201).contentType(ContentType.JSON)
                .body("subscriptionType", equalTo("MobilityProcedureSubscription"))
                .body("callbackReference", equalTo(NOWHERE))
                .body("filterCriteria.appInstanceId", equalTo(app))
                .body("filterCriteria.associateId[0].value", equalTo("10.1.0.1"))
                // the file's default when mobilityStatus is absent, "included in the response"
                .body("filterCriteria.mobilityStatus", equalTo(List.of(1)))
                .extract();
        String self = created.path("_links.self.href");
        assertTrue(self.startsWith(BASE), self);
        assertEquals(self, created.header("Location"));
        String id = idOf(self);
        operator().get(SUBSCRIPTIONS + "/" + id).then().statusCode(200)
                .body("_links.self.href", equalTo(self))
                .body("filterCriteria.appInstanceId", equalTo(app));
    }

    @Test
    void shouldCreateAdjacentAppInfoSubscriptionAndKeepOnlyTheCallbackAlternative() {
        String app = uniqueAppInstanceId();
        Map<String, Object> body = adjacent(NOWHERE, app);
        body.put("websockNotifConfig", Map.of("requestWebsocketUri", true));
        Instant deadline = Instant.now().plusSeconds(3600);
        body.put("expiryDeadline", timeStamp(deadline));
        ExtractableResponse<Response> created = operator().contentType(ContentType.JSON).body(body)
                .post(SUBSCRIPTIONS).then().statusCode(201)
                .body("subscriptionType", equalTo("AdjacentAppInfoSubscription"))
                .body("filterCriteria.appInstanceId", equalTo(app))
                .body("websockNotifConfig", nullValue())
                .body("expiryDeadline.seconds", equalTo((int) deadline.getEpochSecond()))
                .body("expiryDeadline.nanoSeconds", equalTo(deadline.getNano()))
                .extract();
        assertEquals(created.header("Location"), created.path("_links.self.href"));
    }

    @Test
    void shouldListLinksNarrowedBySubscriptionType() {
        String app = uniqueAppInstanceId();
        String mobilityHref = subscribe(mobility(NOWHERE, app, null, List.of(2)));
        String adjacentHref = subscribe(adjacent(NOWHERE, app));

        operator().get(SUBSCRIPTIONS).then().statusCode(200)
                .body("_links.self.href", equalTo("http://127.0.0.1:18080" + SUBSCRIPTIONS))
                .body("_links.subscription.href", hasItem(mobilityHref))
                .body("_links.subscription.href", hasItem(adjacentHref))
                .body("_links.subscription.find { it.href == '" + mobilityHref + "' }.subscriptionType",
                        equalTo("MobilityProcedureSubscription"));
        operator().queryParam("subscriptiontype", "mobility_proc").get(SUBSCRIPTIONS).then().statusCode(200)
                .body("_links.self.href", equalTo("http://127.0.0.1:18080" + SUBSCRIPTIONS
                        + "?subscriptiontype=mobility_proc"))
                .body("_links.subscription.href", hasItem(mobilityHref))
                .body("_links.subscription.href", not(hasItem(adjacentHref)))
                .body("_links.subscription.subscriptionType", everyItem(equalTo("MobilityProcedureSubscription")));
        // the V2.1.1 spelling of the parameter
        operator().queryParam("subscriptionType", "adj_app_info").get(SUBSCRIPTIONS).then().statusCode(200)
                .body("_links.subscription.href", hasItem(adjacentHref))
                .body("_links.subscription.href", not(hasItem(mobilityHref)))
                .body("_links.subscription.subscriptionType", everyItem(equalTo("AdjacentAppInfoSubscription")));
    }

    @Test
    void shouldRefuseUnknownListParametersAndValues() {
        problem(operator().queryParam("subscriptiontype", "MobilityProcedureSubscription").get(SUBSCRIPTIONS),
                400, "subscriptiontype");
        problem(operator().queryParam("filter", "(eq,subscriptionType,x)").get(SUBSCRIPTIONS), 400, "filter");
        problem(operator().queryParam("subscriptiontype", "mobility_proc")
                .queryParam("subscriptionType", "adj_app_info").get(SUBSCRIPTIONS), 400, "subscriptionType");
        problem(operator().get(SUBSCRIPTIONS + "?subscriptiontype=mobility_proc&subscriptiontype=adj_app_info"),
                400, "subscriptiontype");
        problem(operator().queryParam("x", "1").get(SUBSCRIPTIONS + "/any"), 400, "x");
    }

    @Test
    void shouldReplaceAndDelete() {
        String app = uniqueAppInstanceId();
        String href = subscribe(mobility(NOWHERE, app, null, null));
        String path = SUBSCRIPTIONS + "/" + idOf(href);
        Map<String, Object> replacement = mobility(NOWHERE + "/v2", app, List.of(ue("10.1.0.9")), List.of(2, 3));
        replacement.put("_links", Map.of("self", Map.of("href", href)));
        operator().contentType(ContentType.JSON).body(replacement).put(path).then().statusCode(200)
                .body("callbackReference", equalTo(NOWHERE + "/v2"))
                .body("filterCriteria.mobilityStatus", equalTo(List.of(2, 3)))
                .body("_links.self.href", equalTo(href));
        operator().get(path).then().statusCode(200)
                .body("callbackReference", equalTo(NOWHERE + "/v2"))
                .body("filterCriteria.associateId[0].value", equalTo("10.1.0.9"));

        operator().delete(path).then().statusCode(204);
        problem(operator().get(path), 404, idOf(href));
        problem(operator().delete(path), 404, idOf(href));
        operator().get(SUBSCRIPTIONS).then().statusCode(200).body("_links.subscription.href", not(hasItem(href)));
    }

    @Test
    void shouldReplaceOnlyTheVersionIfMatchNames() {
        String app = uniqueAppInstanceId();
        String href = subscribe(mobility(NOWHERE, app, null, null));
        String path = SUBSCRIPTIONS + "/" + idOf(href);
        operator().get(path).then().statusCode(200).header("ETag", equalTo("\"1\""));
        operator().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(mobility(NOWHERE + "/a", app, null, null)).put(path).then().statusCode(200)
                .header("ETag", equalTo("\"2\""));
        // a second writer holding the old tag loses, and changes nothing
        problem(operator().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(mobility(NOWHERE + "/b", app, null, null)).put(path), 412, "If-Match");
        operator().get(path).then().header("ETag", equalTo("\"2\"")).body("callbackReference", equalTo(NOWHERE + "/a"));
        operator().contentType(ContentType.JSON).body(mobility(NOWHERE + "/c", app, null, null)).put(path).then()
                .statusCode(200).header("ETag", equalTo("\"3\""));
        operator().delete(path).then().statusCode(204);
    }

    @Test
    void shouldRefuseReplacementsThatChangeTheTypeOrTheLink() {
        String app = uniqueAppInstanceId();
        String href = subscribe(mobility(NOWHERE, app, null, null));
        String path = SUBSCRIPTIONS + "/" + idOf(href);
        problem(operator().contentType(ContentType.JSON).body(adjacent(NOWHERE, app)).put(path), 400,
                "subscriptionType");
        Map<String, Object> otherLink = mobility(NOWHERE, app, null, null);
        otherLink.put("_links", Map.of("self", Map.of("href", BASE + "another")));
        problem(operator().contentType(ContentType.JSON).body(otherLink).put(path), 400, "_links.self.href");
        Map<String, Object> past = mobility(NOWHERE, app, null, null);
        past.put("expiryDeadline", timeStamp(Instant.now().minusSeconds(5)));
        problem(operator().contentType(ContentType.JSON).body(past).put(path), 400, "expiryDeadline");
        problem(operator().contentType(ContentType.JSON).body(mobility(NOWHERE, app, null, null))
                .put(SUBSCRIPTIONS + "/no-such-subscription"), 404, "no-such-subscription");
        operator().get(path).then().statusCode(200).body("subscriptionType", equalTo("MobilityProcedureSubscription"))
                .body("callbackReference", equalTo(NOWHERE));
    }

    @Test
    void shouldRefuseInvalidBodiesNamingTheField() {
        String app = uniqueAppInstanceId();
        Map<String, Object> unknownType = mobility(NOWHERE, app, null, null);
        unknownType.put("subscriptionType", "UserDefinedSubscription");
        problem(post(unknownType), 400, "subscriptionType");
        Map<String, Object> noType = mobility(NOWHERE, app, null, null);
        noType.remove("subscriptionType");
        problem(post(noType), 400, "subscriptionType");
        Map<String, Object> past = mobility(NOWHERE, app, null, null);
        past.put("expiryDeadline", timeStamp(Instant.now().minusSeconds(1)));
        problem(post(past), 400, "expiryDeadline");
        problem(post(mobility(NOWHERE, "a".repeat(129), null, null)), 400, "filterCriteria.appInstanceId");
        problem(post(mobility("http://127.0.0.1:9/" + "x".repeat(2048), app, null, null)), 400,
                "callbackReference");
        problem(post(mobility(NOWHERE, app, List.of(Map.of("type", "UE_IPv4_ADDRESS", "value", "v".repeat(257))),
                null)), 400, "filterCriteria.associateId[0].value");
        problem(post(mobility("not a uri", app, null, null)), 400, "callbackReference");
        problem(post(mobility("http://169.254.169.254/latest/meta-data", app, null, null)), 400,
                "edgemec.callbacks.allowed-networks");
        problem(post(mobility(null, app, null, null)), 400, "callbackReference");
        Map<String, Object> websocketOnly = mobility(null, app, null, null);
        websocketOnly.remove("callbackReference");
        websocketOnly.put("websockNotifConfig", Map.of("requestWebsocketUri", true));
        problem(post(websocketOnly), 400, "websockNotifConfig");
        problem(post(mobility(NOWHERE, app, null, List.of(7))), 400, "mobilityStatus");
        Map<String, Object> noCriteria = mobility(NOWHERE, app, null, null);
        noCriteria.remove("filterCriteria");
        problem(post(noCriteria), 400, "filterCriteria");
        Map<String, Object> unknownField = adjacent(NOWHERE, app);
        unknownField.put("colour", "blue");
        problem(operator().contentType(ContentType.JSON).queryParam("fieldValidation", "Strict").body(unknownField)
                .post(SUBSCRIPTIONS), 400, "colour");
        Map<String, Object> wrongCriteria = adjacent(NOWHERE, app);
        wrongCriteria.put("filterCriteria", Map.of("appInstanceId", app, "mobilityStatus", List.of(1)));
        problem(operator().contentType(ContentType.JSON).queryParam("fieldValidation", "Strict").body(wrongCriteria)
                .post(SUBSCRIPTIONS), 400, "mobilityStatus");
        problem(operator().contentType(ContentType.JSON).body("[]").post(SUBSCRIPTIONS), 400, "body");
        operator().queryParam("subscriptiontype", "mobility_proc").get(SUBSCRIPTIONS).then().statusCode(200)
                .body("_links.subscription.href", not(hasItem(containsString("UserDefined"))));
    }

    @Test
    void shouldRequireTheOperatorToken() {
        Map<String, Object> body = mobility(NOWHERE, uniqueAppInstanceId(), null, null);
        for (Response r : List.of(given().get(SUBSCRIPTIONS),
                given().contentType(ContentType.JSON).body(body).post(SUBSCRIPTIONS),
                given().header("Authorization", "Bearer wrong").get(SUBSCRIPTIONS + "/any"),
                given().delete(SUBSCRIPTIONS + "/any"),
                given().contentType(ContentType.JSON).body(body).put(SUBSCRIPTIONS + "/any"),
                given().contentType(ContentType.JSON).body(Map.of()).post(MOBILITY_PROCEDURES),
                given().contentType(ContentType.JSON).body(Map.of()).post(ADJACENT_APP_INFO))) {
            r.then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
        }
    }

    @Test
    void shouldRefuseInvalidExtensionRequestsNamingTheField() {
        String app = uniqueAppInstanceId();
        Map<String, Object> ok = new HashMap<>(Map.of("appInstanceId", app, "associateId", List.of(ue("10.1.0.1")),
                "mobilityStatus", 1));
        operator().contentType(ContentType.JSON).body(ok).post(MOBILITY_PROCEDURES).then().statusCode(202);
        for (String field : List.of("appInstanceId", "associateId", "mobilityStatus")) {
            Map<String, Object> missing = new HashMap<>(ok);
            missing.remove(field);
            problem(operator().contentType(ContentType.JSON).body(missing).post(MOBILITY_PROCEDURES), 400, field);
        }
        Map<String, Object> badStatus = new HashMap<>(ok);
        badStatus.put("mobilityStatus", 4);
        problem(operator().contentType(ContentType.JSON).body(badStatus).post(MOBILITY_PROCEDURES), 400,
                "mobilityStatus");
        Map<String, Object> longId = new HashMap<>(ok);
        longId.put("appInstanceId", "a".repeat(129));
        problem(operator().contentType(ContentType.JSON).body(longId).post(MOBILITY_PROCEDURES), 400,
                "appInstanceId");
        problem(operator().contentType(ContentType.JSON).body(Map.of("appInstanceId", app))
                .post(ADJACENT_APP_INFO), 400, "adjacentAppInfo");
        problem(operator().contentType(ContentType.JSON).body(Map.of("appInstanceId", app,
                "adjacentAppInfo", List.of(Map.of("appInstanceId", "n")))).post(ADJACENT_APP_INFO), 400,
                "commInterface");
    }

    @Test
    void shouldDescribeBothBodyTypesAndTheExtensionInOpenApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/amsi/v1/subscriptions'.post.requestBody.content.'application/json'.schema.oneOf.'$ref'",
                        equalTo(List.of("#/components/schemas/MobilityProcedureSubscription",
                                "#/components/schemas/AdjacentAppInfoSubscription")))
                .body("paths.'/ams_ext/v1/mobility_procedures'.post.summary", containsString("Not ETSI"));
    }

    private static Response post(Object body) {
        return operator().contentType(ContentType.JSON).body(body).post(SUBSCRIPTIONS);
    }

    private static void problem(Response response, int status, String named) {
        response.then().statusCode(status).contentType(PROBLEM).body("status", equalTo(status))
                .body("detail", containsString(named));
    }
}
