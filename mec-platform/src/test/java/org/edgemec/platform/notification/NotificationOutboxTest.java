package org.edgemec.platform.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.edgemec.common.outbox.OutboxLedger;
import org.edgemec.platform.provisioning.Db;
import org.edgemec.platform.provisioning.Mp1Apps;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.edgemec.testsupport.CallbackReceiver;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class NotificationOutboxTest {

    @Inject
    DataSource dataSource;

    @Inject
    OutboxLedger ledger;

    @Inject
    org.edgemec.common.outbox.OutboxConfig outboxConfig;

    private String subscribe(Mp1Apps.App app, String callback, String serName) {
        return given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body("{\"subscriptionType\": \"SerAvailabilityNotificationSubscription\", \"callbackReference\": \""
                        + callback + "\", \"filteringCriteria\": {\"serNames\": [\"" + serName + "\"]}}")
                .post("/mec_service_mgmt/v1/applications/" + app.id() + "/subscriptions").then().statusCode(201)
                .extract().header("Location");
    }

    private void offerService(Mp1Apps.App app, String serName) {
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body("{\"serName\": \"" + serName + "\", \"version\": \"1\", \"state\": \"ACTIVE\","
                        + " \"transportId\": \"rest-http-oauth2\", \"serializer\": \"JSON\"}")
                .post("/mec_service_mgmt/v1/applications/" + app.id() + "/services").then().statusCode(201);
    }

    private long attempts(String callback) {
        Object value = Db.single(dataSource, "select max(attempts) from {s}.notification_outbox where callback_uri = ?",
                callback);
        return value == null ? 0 : ((Number) value).longValue();
    }

    @Test
    void shouldDeliverOnceTheReceiverComesBackWhenItWasDown() {
        Mp1Apps.App app = Mp1Apps.provision();
        String serName = "svc-" + UUID.randomUUID();
        try (CallbackReceiver receiver = CallbackReceiver.onFreePort()) {
            subscribe(app, receiver.url(), serName);
            offerService(app, serName);
            CallbackReceiver.until(() -> attempts(receiver.url()) >= 2, Duration.ofSeconds(30),
                    "at least two failed attempts while the receiver is down");
            assertEquals("PENDING", Db.single(dataSource,
                    "select status from {s}.notification_outbox where callback_uri = ?", receiver.url()));
            assertTrue(Db.single(dataSource, "select last_error from {s}.notification_outbox where callback_uri = ?",
                    receiver.url()) != null, "the failure is recorded");

            receiver.start();
            String body = receiver.await(b -> b.contains(serName), Duration.ofSeconds(30));
            assertTrue(body.contains("ADDED"), body);
            CallbackReceiver.until(() -> "DELIVERED".equals(Db.single(dataSource,
                    "select status from {s}.notification_outbox where callback_uri = ?", receiver.url())),
                    Duration.ofSeconds(10), "row marked DELIVERED");
        }
    }

    @Test
    void shouldDeliverARowLeftInTheTableByAPreviousRun() {
        try (CallbackReceiver receiver = CallbackReceiver.started()) {
            String id = UUID.randomUUID().toString();
            Timestamp now = Timestamp.from(Instant.now());
            // what a platform that stopped before delivering leaves behind: the outbox is the only memory
            Db.update(dataSource, "insert into {s}.notification_outbox (id, callback_uri, payload, attempts, "
                    + "next_attempt_at, expires_at, status, created_at) values (?, ?, ?, 3, ?, ?, 'PENDING', ?)",
                    id, receiver.url(), "{\"notificationType\":\"left-over-" + id + "\"}", now,
                    Timestamp.from(Instant.now().plusSeconds(3600)), now);
            receiver.await(b -> b.contains("left-over-" + id), Duration.ofSeconds(20));
            CallbackReceiver.until(() -> "DELIVERED".equals(Db.single(dataSource,
                    "select status from {s}.notification_outbox where id = ?", id)), Duration.ofSeconds(10),
                    "row marked DELIVERED");
        }
    }

    @Test
    void shouldGiveUpARowPastItsExpiry() {
        try (CallbackReceiver receiver = CallbackReceiver.started()) {
            String id = UUID.randomUUID().toString();
            Timestamp past = Timestamp.from(Instant.now().minusSeconds(60));
            Db.update(dataSource, "insert into {s}.notification_outbox (id, callback_uri, payload, attempts, "
                    + "next_attempt_at, expires_at, status, created_at) values (?, ?, '{}', 9, ?, ?, 'PENDING', ?)",
                    id, receiver.url(), past, past, past);
            CallbackReceiver.until(() -> "EXPIRED".equals(Db.single(dataSource,
                    "select status from {s}.notification_outbox where id = ?", id)), Duration.ofSeconds(20),
                    "row marked EXPIRED");
            assertTrue(receiver.bodies().isEmpty(), "an expired notification is not sent");
        }
    }

    @Test
    void shouldDropPendingNotificationsOfADeletedSubscription() {
        Mp1Apps.App app = Mp1Apps.provision();
        String serName = "svc-" + UUID.randomUUID();
        String callback = CallbackReceiver.onFreePort().url();
        String location = subscribe(app, callback, serName);
        offerService(app, serName);
        assertEquals(1, Db.number(dataSource, "select count(*) from {s}.notification_outbox where callback_uri = ?",
                callback));
        given().header("Authorization", app.bearer()).delete(location.substring(location.indexOf("/mec_service_mgmt")))
                .then().statusCode(204);
        assertEquals(0, Db.number(dataSource, "select count(*) from {s}.notification_outbox where callback_uri = ? "
                + "and status = 'PENDING'", callback));
    }

    @Test
    void shouldDropThePendingNotificationsOfARemovedApp() {
        Mp1Apps.App app = Mp1Apps.provision();
        String serName = "svc-" + UUID.randomUUID();
        String callback = CallbackReceiver.onFreePort().url();
        subscribe(app, callback, serName);
        offerService(app, serName);
        assertEquals(1, Db.number(dataSource, "select count(*) from {s}.notification_outbox where callback_uri = ? "
                + "and status = 'PENDING'", callback));
        Mp1Apps.deprovision(app.id());
        assertEquals(0, Db.number(dataSource, "select count(*) from {s}.notification_outbox where callback_uri = ? "
                + "and status = 'PENDING'", callback), "nothing is sent to an app that is gone");
    }

    @Test
    void shouldLeaseAClaimedBatchForTheWorstCaseDeliveryOfEachOfItsRows() {
        Duration perRow = outboxConfig.timeout().multipliedBy(2);
        for (int rows : new int[] {1, 5, 50}) {
            assertTrue(ledger.lease(rows).compareTo(perRow.multipliedBy(rows)) > 0, rows + " rows: " + ledger.lease(rows));
        }
    }

    @Test
    void shouldDoubleTheBackoffUpToTheMaximum() {
        // test profile: initial 0.2 s, maximum 1 s
        assertEquals(Duration.ofMillis(200), ledger.backoff(1));
        assertEquals(Duration.ofMillis(400), ledger.backoff(2));
        assertEquals(Duration.ofMillis(800), ledger.backoff(3));
        assertEquals(Duration.ofSeconds(1), ledger.backoff(4));
        assertEquals(Duration.ofSeconds(1), ledger.backoff(60));
    }
}
