package org.edgemec.relocation.adapters.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.edgemec.mp1api.Json;
import org.edgemec.mp1api.events.AmsDeviceAttachmentChangedEvent;
import org.edgemec.mp1api.events.AmsRegistrationChangedEvent;
import org.edgemec.relocation.support.Ams;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import static org.edgemec.relocation.support.Ams.SERVICES;
import static org.edgemec.relocation.support.Ams.operator;
import static org.edgemec.relocation.support.Ams.register;
import static org.edgemec.relocation.support.Ams.registration;
import static org.edgemec.relocation.support.Ams.uniqueAppInstanceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registration changes arrive on the AMS topic, in order, keyed by registration, and only for committed changes. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class AmsEventPublisherTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = Json.newMapper();

    @Test
    void shouldPublishCreateUpdateAndDeregisterTaskAfterCommit() throws Exception {
        try (KafkaConsumer<String, String> kafka = consumer()) {
            String app = uniqueAppInstanceId();
            String id = register(registration(app, "10.5.0.1", 60));
            operator().contentType(ContentType.JSON).body(registration(app, "10.5.0.2", 120))
                    .put(SERVICES + "/" + id).then().statusCode(200);
            // refused changes publish nothing
            operator().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                    .body(registration(app, "10.5.0.3", 0)).put(SERVICES + "/" + id).then().statusCode(412);
            operator().contentType(ContentType.JSON).body("{\"serviceConsumerId\":{}}")
                    .put(SERVICES + "/" + id).then().statusCode(400);
            operator().post(SERVICES + "/" + id + "/deregister_task").then().statusCode(204);

            List<ConsumerRecord<String, String>> records = await(kafka, id,
                    r -> r.value().contains(AmsRegistrationChangedEvent.DEREGISTERED));
            List<AmsRegistrationChangedEvent> events = new ArrayList<>();
            for (ConsumerRecord<String, String> r : records) {
                assertEquals(id, r.key(), "record key");
                events.add(JSON.readValue(r.value(), AmsRegistrationChangedEvent.class));
            }
            assertEquals(List.of(AmsRegistrationChangedEvent.REGISTERED, AmsRegistrationChangedEvent.UPDATED,
                    AmsRegistrationChangedEvent.DEREGISTERED), events.stream().map(AmsRegistrationChangedEvent::type)
                    .toList());
            AmsRegistrationChangedEvent created = events.get(0);
            assertEquals(config("edgemec.instance-name"), created.source());
            assertEquals(app, created.appInstanceId());
            assertNull(created.mepId());
            assertNull(created.cause());
            assertEquals(id, created.registration().appMobilityServiceId());
            assertEquals("10.5.0.1", created.registration().deviceInformation().get(0).associateId().value());
            assertEquals(120L, events.get(1).registration().expiryTime());
            assertEquals("10.5.0.2", events.get(1).registration().deviceInformation().get(0).associateId().value());
            assertEquals(AmsRegistrationChangedEvent.CAUSE_DEREGISTER_TASK, events.get(2).cause());
            assertEquals("10.5.0.2", events.get(2).registration().deviceInformation().get(0).associateId().value());
            assertEquals(3, events.stream().map(AmsRegistrationChangedEvent::id).distinct().count());
        }
    }

    @Test
    void shouldRemoveARegistrationWhoseExpiryTimePassedAndSayWhy() throws Exception {
        try (KafkaConsumer<String, String> kafka = consumer()) {
            String app = uniqueAppInstanceId();
            String id = register(registration(app, "10.5.0.9", 1));
            String lasting = register(registration(uniqueAppInstanceId(), "10.5.0.10", 3600));
            List<ConsumerRecord<String, String>> records = await(kafka, id,
                    r -> r.value().contains(AmsRegistrationChangedEvent.DEREGISTERED));
            AmsRegistrationChangedEvent gone = JSON.readValue(records.get(records.size() - 1).value(),
                    AmsRegistrationChangedEvent.class);
            assertEquals(AmsRegistrationChangedEvent.CAUSE_EXPIRED, gone.cause());
            assertEquals(app, gone.appInstanceId());
            operator().get(SERVICES + "/" + id).then().statusCode(404);
            operator().get(SERVICES + "/" + lasting).then().statusCode(200);
            operator().delete(SERVICES + "/" + lasting).then().statusCode(204);
        }
    }

    @Test
    void shouldPublishDeleteWithItsCause() throws Exception {
        try (KafkaConsumer<String, String> kafka = consumer()) {
            String id = register(Map.of("serviceConsumerId", Map.of("mepId", "mep-" + UUID.randomUUID())));
            operator().delete(SERVICES + "/" + id).then().statusCode(204);
            List<ConsumerRecord<String, String>> records = await(kafka, id,
                    r -> r.value().contains(AmsRegistrationChangedEvent.DEREGISTERED));
            assertEquals(2, records.size());
            AmsRegistrationChangedEvent deleted = JSON.readValue(records.get(1).value(), AmsRegistrationChangedEvent.class);
            assertEquals(AmsRegistrationChangedEvent.CAUSE_DELETE, deleted.cause());
            assertTrue(deleted.mepId().startsWith("mep-"));
            assertNull(deleted.appInstanceId());
        }
    }

    @Test
    void shouldPublishWhichDevicesAttachedDetachedAndReportedTheirContextTransfer() throws Exception {
        try (KafkaConsumer<String, String> kafka = consumer()) {
            String app = uniqueAppInstanceId();
            String id = register(registration(app, "10.6.0.1", 0));
            Map<String, Object> transferred = new java.util.HashMap<>(Ams.device("10.6.0.1"));
            transferred.put("contextTransferState", 1);
            operator().contentType(ContentType.JSON).body(Map.of("serviceConsumerId", Map.of("appInstanceId", app),
                    "deviceInformation", List.of(transferred, Ams.device("10.6.0.2"))))
                    .put(SERVICES + "/" + id).then().statusCode(200);
            // the same devices again: no device event
            operator().contentType(ContentType.JSON).body(Map.of("serviceConsumerId", Map.of("appInstanceId", app),
                    "deviceInformation", List.of(transferred, Ams.device("10.6.0.2"))))
                    .put(SERVICES + "/" + id).then().statusCode(200);
            operator().delete(SERVICES + "/" + id).then().statusCode(204);

            List<AmsDeviceAttachmentChangedEvent> events = new ArrayList<>();
            for (ConsumerRecord<String, String> r : await(kafka, id, AmsDeviceAttachmentChangedEvent.TYPE,
                    r -> r.value().contains("\"detached\":[{"))) {
                assertEquals(id, r.key(), "record key");
                events.add(JSON.readValue(r.value(), AmsDeviceAttachmentChangedEvent.class));
            }
            assertEquals(3, events.size(), events.toString());
            assertEquals(List.of("10.6.0.1"), values(events.get(0).attached()));
            assertEquals(List.of(), events.get(0).detached());
            assertEquals(List.of("10.6.0.2"), values(events.get(1).attached()));
            assertEquals(List.of("10.6.0.1"), values(events.get(1).contextTransferred()));
            assertEquals(List.of("10.6.0.1", "10.6.0.2"), values(events.get(2).detached()));
            assertEquals(app, events.get(2).appInstanceId());
        }
    }

    private static List<String> values(List<org.edgemec.mp1api.mec021.AssociateId> ids) {
        return ids.stream().map(org.edgemec.mp1api.mec021.AssociateId::value).toList();
    }

    /** The records about one registration, up to the first that satisfies {@code last}. */
    private static List<ConsumerRecord<String, String>> await(KafkaConsumer<String, String> kafka, String id,
                                                              Predicate<ConsumerRecord<String, String>> last) {
        return await(kafka, id, "edgemec.ams.registration.", last);
    }

    /** The records of one type family about one registration, up to the first that satisfies {@code last}. */
    private static List<ConsumerRecord<String, String>> await(KafkaConsumer<String, String> kafka, String id,
            String typePrefix, Predicate<ConsumerRecord<String, String>> last) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            for (ConsumerRecord<String, String> r : kafka.poll(Duration.ofMillis(500))) {
                if (r.value().contains("\"appMobilityServiceId\":\"" + id + "\"")
                        && r.value().contains("\"type\":\"" + typePrefix)) {
                    seen.add(r);
                    if (last.test(r)) {
                        return seen;
                    }
                }
            }
        }
        throw new AssertionError("no complete event sequence for " + id + " on the AMS topic; saw " + seen);
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", config("kafka.bootstrap.servers"));
        p.put("group.id", "ams-test-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        c.subscribe(List.of(config("edgemec.kafka.topics.ams")));
        return c;
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }
}
