package org.edgemec.relocation.adapters.kafka;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unreadable mobility events are parked on the dead-letter topic, and the consumer keeps reading after them. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class MobilityEventDeadLetterTest {

    @Test
    void shouldParkUnreadableEventsAndGoOnConsuming() {
        String topic = config("edgemec.kafka.topics.mobility");
        String run = UUID.randomUUID().toString();
        List<String> bad = List.of("not json " + run,
                "{\"id\": \"" + run + "\", \"type\": \"something.else\", \"associateId\": {\"type\": 1, \"value\": \"10.0.0.1\"}}",
                "{\"id\": \"" + run + "-2\", \"type\": \"edgemec.mobility.device-located\"}");
        try (KafkaConsumer<String, String> dlq = consumer(topic + ".dlq");
             KafkaProducer<String, String> producer = producer()) {
            for (String value : bad) {
                producer.send(new ProducerRecord<>(topic, run, value));
            }
            producer.flush();
            List<ConsumerRecord<String, String>> parked = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (parked.size() < bad.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : dlq.poll(Duration.ofMillis(500))) {
                    if (run.equals(r.key())) {
                        parked.add(r);
                    }
                }
            }
            // all three, in order: the consumer did not stop at the first one
            assertEquals(bad, parked.stream().map(ConsumerRecord::value).toList());
            var reason = parked.get(1).headers().lastHeader("dead-letter-reason");
            assertNotNull(reason, "the reason travels with the parked event");
            assertTrue(new String(reason.value(), StandardCharsets.UTF_8).contains("associateId and type"),
                    new String(reason.value(), StandardCharsets.UTF_8));
        }
    }

    private static KafkaConsumer<String, String> consumer(String topic) {
        Properties p = new Properties();
        p.put("bootstrap.servers", config("kafka.bootstrap.servers"));
        p.put("group.id", "dlq-test-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        c.subscribe(List.of(topic));
        return c;
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", config("kafka.bootstrap.servers"));
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }
}
