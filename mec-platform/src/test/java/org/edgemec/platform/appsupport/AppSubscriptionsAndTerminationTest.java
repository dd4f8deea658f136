package org.edgemec.platform.appsupport;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.edgemec.platform.provisioning.Db;
import org.edgemec.platform.provisioning.Mp1Apps;
import org.edgemec.testsupport.CallbackReceiver;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.edgemec.platform.provisioning.Mp1Apps.APPS;
import static org.edgemec.platform.provisioning.Mp1Apps.OPERATOR;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class AppSubscriptionsAndTerminationTest {

    @Inject
    DataSource dataSource;

    static String subscription(String appInstanceId, String callback) {
        return """
                {"subscriptionType": "AppTerminationNotificationSubscription", "callbackReference": "%s",
                 "appInstanceId": "%s"}""".formatted(callback, appInstanceId);
    }

    static String subscribe(Mp1Apps.App app, String callback) {
        return given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(subscription(app.id(), callback))
                .post("/mec_app_support/v2/applications/" + app.id() + "/subscriptions")
                .then().statusCode(201).extract().header("Location");
    }

    @Test
    void shouldCreateListGetAndDeleteASubscription() {
        Mp1Apps.App app = Mp1Apps.provision();
        String base = "/mec_app_support/v2/applications/" + app.id() + "/subscriptions";
        var created = given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(subscription(app.id(), "http://127.0.0.1:9/notify")).post(base)
                .then().statusCode(201).body("_links.self.href", containsString(base + "/"),
                        "callbackReference", equalTo("http://127.0.0.1:9/notify")).extract();
        String location = created.header("Location");
        assertTrue(location.contains(base + "/"), location);
        EtsiSchemas.assertValid(EtsiSchemas.APP_SUPPORT, "AppTerminationNotificationSubscription", created.asString());

        String list = given().header("Authorization", app.bearer()).get(base).then().statusCode(200)
                .body("_links.subscriptions", hasSize(1), "_links.subscriptions[0].href", equalTo(location),
                        "_links.subscriptions[0].subscriptionType", equalTo("AppTerminationNotificationSubscription"),
                        "_links.self.href", endsWith(base)).extract().asString();
        EtsiSchemas.assertValid(EtsiSchemas.APP_SUPPORT, "SubscriptionLinkList", list);
        String subscriptionPath = location.substring(location.indexOf("/mec_app_support"));
        given().header("Authorization", app.bearer()).get(subscriptionPath).then().statusCode(200)
                .body("appInstanceId", equalTo(app.id()));
        given().header("Authorization", app.bearer()).delete(subscriptionPath).then().statusCode(204);
        given().header("Authorization", app.bearer()).get(subscriptionPath).then().statusCode(404);
        given().header("Authorization", app.bearer()).get(base).then().body("_links.subscriptions", hasSize(0));
    }

    @Test
    void shouldAnswer400NamingCallbackReferenceWhenItIsNotAnAbsoluteHttpUri() {
        Mp1Apps.App app = Mp1Apps.provision();
        String base = "/mec_app_support/v2/applications/" + app.id() + "/subscriptions";
        for (String bad : new String[]{"/relative/path", "ftp://127.0.0.1/x", "not a uri"}) {
            given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                    .body(subscription(app.id(), bad)).post(base).then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("callbackReference"));
        }
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body(subscription(app.id(), "http://127.0.0.1:9/x").replace("AppTerminationNotificationSubscription",
                        "Other")).post(base).then().statusCode(400).body("detail", containsString("subscriptionType"));
        assertEquals(0, Db.number(dataSource, "select count(*) from {s}.mp1_subscription where app_instance_id = ?",
                app.id()));
    }

    @Test
    void shouldNotifyAndRemoveTheInstanceWhenTheAppConfirmsAGracefulTermination() {
        Mp1Apps.App app = Mp1Apps.provision();
        try (CallbackReceiver receiver = CallbackReceiver.started()) {
            subscribe(app, receiver.url());
            given().header("Authorization", OPERATOR).queryParam("graceful", true).queryParam("gracefulTimeout", 120)
                    .delete(APPS + "/" + app.id()).then().statusCode(204);
            String notification = receiver.await(b -> b.contains("AppTerminationNotification"), Duration.ofSeconds(20));
            assertTrue(notification.contains("\"maxGracefulTimeout\":120"), notification);
            assertTrue(notification.contains("\"operationAction\":\"TERMINATING\""), notification);
            assertTrue(notification.contains("/applications/" + app.id() + "/confirm_termination"), notification);

            // still there while the app winds down
            given().header("Authorization", OPERATOR).get(APPS + "/" + app.id()).then().statusCode(200);
            given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                    .body("{\"operationAction\":\"STOPPING\"}")
                    .post("/mec_app_support/v2/applications/" + app.id() + "/confirm_termination")
                    .then().statusCode(400).body("detail", containsString("operationAction"));
            given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                    .body("{\"operationAction\":\"TERMINATING\"}")
                    .post("/mec_app_support/v2/applications/" + app.id() + "/confirm_termination")
                    .then().statusCode(204);
            given().header("Authorization", OPERATOR).get(APPS + "/" + app.id()).then().statusCode(404);
        }
    }

    @Test
    void shouldRemoveTheInstanceWhenTheGracefulTimeoutExpires() {
        Mp1Apps.App app = Mp1Apps.provision();
        try (CallbackReceiver receiver = CallbackReceiver.started()) {
            subscribe(app, receiver.url());
            given().header("Authorization", OPERATOR).queryParam("graceful", true).queryParam("gracefulTimeout", 1)
                    .delete(APPS + "/" + app.id()).then().statusCode(204);
            receiver.await(b -> b.contains("\"maxGracefulTimeout\":1"), Duration.ofSeconds(20));
            CallbackReceiver.until(() -> Db.number(dataSource,
                    "select count(*) from {s}.app_instance where app_instance_id = ?", app.id()) == 0,
                    Duration.ofSeconds(20), "instance removed after the graceful timeout");
        }
    }

    @Test
    void shouldAnswer409WhenNoTerminationIsPending() {
        Mp1Apps.App app = Mp1Apps.provision();
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body("{\"operationAction\":\"TERMINATING\"}")
                .post("/mec_app_support/v2/applications/" + app.id() + "/confirm_termination")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void shouldNotifyTheAppWhenItDeregisters() {
        Mp1Apps.App app = Mp1Apps.provision();
        try (CallbackReceiver receiver = CallbackReceiver.started()) {
            subscribe(app, receiver.url());
            given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                    .body("{\"appName\": \"counter\"}").post("/mec_app_support/v2/registrations").then().statusCode(201);
            given().header("Authorization", app.bearer()).delete("/mec_app_support/v2/registrations/" + app.id())
                    .then().statusCode(204);
            receiver.await(b -> b.contains("AppTerminationNotification"), Duration.ofSeconds(20));
            given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                    .body("{\"operationAction\":\"TERMINATING\"}")
                    .post("/mec_app_support/v2/applications/" + app.id() + "/confirm_termination")
                    .then().statusCode(204);
            given().header("Authorization", OPERATOR).get(APPS + "/" + app.id()).then().statusCode(200);
        }
    }
}
