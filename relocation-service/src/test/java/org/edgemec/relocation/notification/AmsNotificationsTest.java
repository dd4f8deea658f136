package org.edgemec.relocation.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.edgemec.common.callback.CallbackAllowList;
import org.edgemec.testsupport.CallbackReceiver;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.edgemec.relocation.support.Ams.operator;
import static org.edgemec.relocation.support.Ams.uniqueAppInstanceId;
import static org.edgemec.relocation.support.AmsSubscriptions.ADJACENT_APP_INFO;
import static org.edgemec.relocation.support.AmsSubscriptions.SUBSCRIPTIONS;
import static org.edgemec.relocation.support.AmsSubscriptions.adjacent;
import static org.edgemec.relocation.support.AmsSubscriptions.idOf;
import static org.edgemec.relocation.support.AmsSubscriptions.mobility;
import static org.edgemec.relocation.support.AmsSubscriptions.mobilityProcedure;
import static org.edgemec.relocation.support.AmsSubscriptions.outbox;
import static org.edgemec.relocation.support.AmsSubscriptions.outboxErrors;
import static org.edgemec.relocation.support.AmsSubscriptions.subscribe;
import static org.edgemec.relocation.support.AmsSubscriptions.timeStamp;
import static org.edgemec.relocation.support.AmsSubscriptions.ue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MEC 021 notifications delivered through mec-common's outbox to real HTTP receivers: late receivers, filterCriteria,
 * test, expiry and adjacent app info notifications, and what a deletion drops.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class AmsNotificationsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldDeliverToAReceiverThatComesUpLate() {
        String app = uniqueAppInstanceId();
        try (CallbackReceiver receiver = CallbackReceiver.onFreePort()) {
            String href = subscribe(mobility(receiver.url(), app, null, List.of(1, 2, 3)));
            mobilityProcedure(app, List.of(ue("10.2.0.1")), 2);
            // the outbox tried while nothing listened
            CallbackReceiver.until(() -> outbox(idOf(href), "PENDING")[1] >= 1, WAIT, "a failed first attempt");
            receiver.start();
            JsonNode n = json(receiver.await(b -> b.contains(href), WAIT));
            assertEquals("MobilityProcedureNotification", n.path("notificationType").asText());
            assertEquals(2, n.path("mobilityStatus").asInt());
            assertEquals("10.2.0.1", n.path("associateId").path(0).path("value").asText());
            assertEquals(href, n.path("_links").path("subscription").path("href").asText());
            assertTrue(n.path("timeStamp").path("seconds").asLong() > 0, n.toString());
        }
    }

    @Test
    void shouldNotifyOnlyMatchingSubscribers() {
        String app = uniqueAppInstanceId();
        String other = uniqueAppInstanceId();
        try (CallbackReceiver matching = CallbackReceiver.started();
             CallbackReceiver wrongApp = CallbackReceiver.started();
             CallbackReceiver wrongUe = CallbackReceiver.started();
             CallbackReceiver wrongStatus = CallbackReceiver.started()) {
            String hit = subscribe(mobility(matching.url(), app, List.of(ue("10.3.0.1"), ue("10.3.0.2")),
                    List.of(2)));
            String missApp = subscribe(mobility(wrongApp.url(), other, null, List.of(1, 2, 3)));
            String missUe = subscribe(mobility(wrongUe.url(), app, List.of(ue("10.3.9.9")), List.of(2)));
            // without mobilityStatus the file's default, 1 = INTERHOST_MOVEOUT_TRIGGERED, applies
            String missStatus = subscribe(mobility(wrongStatus.url(), app, null, null));

            operator().contentType(ContentType.JSON).body(Map.of("appInstanceId", app,
                    "associateId", List.of(ue("10.3.0.2")), "mobilityStatus", 2,
                    "targetAppInfo", Map.of("appInstanceId", "target-1",
                            "commInterface", Map.of("ipAddresses", List.of(Map.of("host", "10.0.0.2", "port", 80))))))
                    .post("/ams_ext/v1/mobility_procedures").then().statusCode(202);

            JsonNode n = json(matching.await(b -> b.contains(hit), WAIT));
            assertEquals("target-1", n.path("targetAppInfo").path("appInstanceId").asText());
            assertEquals(80, n.path("targetAppInfo").path("commInterface").path("ipAddresses").path(0)
                    .path("port").asInt());
            // enqueued in the same transaction as the matching one: nothing exists for the others
            for (String miss : List.of(missApp, missUe, missStatus)) {
                assertEquals(0, outbox(idOf(miss), null)[0], miss);
            }
            assertEquals(List.of(), wrongApp.bodies());
            assertEquals(List.of(), wrongUe.bodies());
            assertEquals(List.of(), wrongStatus.bodies());
            assertEquals(1, matching.bodies().size());
        }
    }

    @Test
    void shouldTreatAnEmptyMobilityStatusListAsEveryStatus() {
        String app = uniqueAppInstanceId();
        try (CallbackReceiver receiver = CallbackReceiver.started()) {
            String href = operator().contentType(ContentType.JSON).body(mobility(receiver.url(), app, null, List.of()))
                    .post(SUBSCRIPTIONS).then().statusCode(201)
                    .body("filterCriteria.mobilityStatus", org.hamcrest.Matchers.empty())
                    .extract().path("_links.self.href");
            mobilityProcedure(app, List.of(ue("10.5.0.1")), 3);
            JsonNode n = json(receiver.await(b -> b.contains(href), WAIT));
            assertEquals(3, n.path("mobilityStatus").asInt());
        }
    }

    @Test
    void shouldSendATestNotificationWhenAsked() {
        try (CallbackReceiver receiver = CallbackReceiver.started()) {
            Map<String, Object> body = adjacent(receiver.url(), uniqueAppInstanceId());
            body.put("requestTestNotification", true);
            String href = subscribe(body);
            JsonNode n = json(receiver.await(b -> b.contains("TestNotification"), WAIT));
            assertEquals(href, n.path("_links").path("subscription").path("href").asText());
        }
    }

    @Test
    void shouldWarnBeforeExpiryAndThenRemoveTheSubscription() {
        try (CallbackReceiver receiver = CallbackReceiver.started()) {
            Instant deadline = Instant.now().plusSeconds(5);
            Map<String, Object> body = mobility(receiver.url(), uniqueAppInstanceId(), null, null);
            body.put("expiryDeadline", timeStamp(deadline));
            String href = subscribe(body);
            String path = SUBSCRIPTIONS + "/" + idOf(href);
            JsonNode n = json(receiver.await(b -> b.contains("ExpiryNotification"), WAIT));
            assertEquals(href, n.path("_links").path("subscription").path("href").asText());
            assertEquals(deadline.getEpochSecond(), n.path("expiryDeadline").path("seconds").asLong());
            // warned ahead of the deadline (lead 60 s, longer than the subscription's life)
            operator().get(path).then().statusCode(200);
            CallbackReceiver.until(() -> operator().get(path).statusCode() == 404, WAIT, "expired subscription gone");
            assertTrue(Instant.now().isAfter(deadline));
            assertEquals(1, receiver.bodies().size(), receiver.bodies().toString());
        }
    }

    @Test
    void shouldDropPendingNotificationsOfADeletedSubscription() {
        String app = uniqueAppInstanceId();
        try (CallbackReceiver receiver = CallbackReceiver.onFreePort()) {
            String deleted = subscribe(mobility(receiver.url(), app, null, List.of(1)));
            mobilityProcedure(app, List.of(ue("10.4.0.1")), 1);
            CallbackReceiver.until(() -> outbox(idOf(deleted), "PENDING")[1] >= 1, WAIT, "a failed first attempt");
            operator().delete(SUBSCRIPTIONS + "/" + idOf(deleted)).then().statusCode(204);
            assertEquals(0, outbox(idOf(deleted), "PENDING")[0]);

            receiver.start();
            String app2 = uniqueAppInstanceId();
            String alive = subscribe(mobility(receiver.url(), app2, null, List.of(1)));
            mobilityProcedure(app2, List.of(ue("10.4.0.2")), 1);
            receiver.await(b -> b.contains(alive), WAIT);
            assertTrue(receiver.bodies().stream().noneMatch(b -> b.contains(deleted)), receiver.bodies().toString());
        }
    }

    @Test
    void shouldDeliverAdjacentAppInfoToMatchingSubscribers() {
        String app = uniqueAppInstanceId();
        try (CallbackReceiver matching = CallbackReceiver.started();
             CallbackReceiver other = CallbackReceiver.started()) {
            String hit = subscribe(adjacent(matching.url(), app));
            String miss = subscribe(adjacent(other.url(), uniqueAppInstanceId()));
            operator().contentType(ContentType.JSON).body(Map.of("appInstanceId", app,
                    "adjacentAppInfo", List.of(Map.of("appInstanceId", "neighbour-1", "commInterface",
                            List.of(Map.of("ipAddresses", List.of(Map.of("host", "10.9.0.1", "port", 8080))))))))
                    .post(ADJACENT_APP_INFO).then().statusCode(202);
            JsonNode n = json(matching.await(b -> b.contains(hit), WAIT));
            assertEquals("AdjacentAppInfoNotification", n.path("notificationType").asText());
            assertEquals("neighbour-1", n.path("adjacentAppInfo").path(0).path("appInstanceId").asText());
            assertEquals(0, outbox(idOf(miss), null)[0]);
            assertEquals(List.of(), other.bodies());
        }
    }

    @Test
    void shouldRefuseDeliveryToACallbackHostThatResolvesOutsideTheAllowedNetworksSinceItSubscribed() {
        // a DNS name that answers the receiver's loopback address when subscribing and the cloud metadata address
        // when the notification is due (DNS rebinding)
        AtomicReference<String> answer = new AtomicReference<>("127.0.0.1");
        QuarkusMock.installMockForType(new CallbackAllowList(List.of("127.0.0.0/8"), host -> host.equals("rebind.test")
                ? new InetAddress[] {InetAddress.getByName(answer.get())} : InetAddress.getAllByName(host)),
                CallbackAllowList.class);
        String app = uniqueAppInstanceId();
        try (CallbackReceiver receiver = CallbackReceiver.started()) {
            String href = subscribe(mobility(receiver.url().replace("127.0.0.1", "rebind.test"), app, null,
                    List.of(1)));
            answer.set("169.254.169.254");
            mobilityProcedure(app, List.of(ue("10.6.0.1")), 1);

            CallbackReceiver.until(() -> outbox(idOf(href), "GIVEN_UP")[0] == 1, WAIT, "the refused row given up");
            assertEquals(0, outbox(idOf(href), "PENDING")[0], "nothing left to retry");
            List<String> errors = outboxErrors(idOf(href));
            assertEquals(1, errors.size(), errors.toString());
            assertTrue(errors.get(0).startsWith("refused: host rebind.test resolves to 169.254.169.254"), errors.get(0));
            assertEquals(List.of(), receiver.bodies());
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new UncheckedIOException(new java.io.IOException(e));
        }
    }
}
