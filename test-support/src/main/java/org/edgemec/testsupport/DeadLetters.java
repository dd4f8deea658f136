package org.edgemec.testsupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/** Sends records to a service's input topic on the real broker and collects what the service parks on its .dlq. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /** A parked record: its value and the reason the service gave (header {@code dead-letter-reason}). */
    public record Parked(String value, String reason) {
    }

    /**
     * Sends {@code values} with key {@code key} to {@code topic} and returns the records with that key that arrive on
     * {@code topic + ".dlq"}, in order, once there are as many as sent or {@code limit} has passed.
     */
    public static List<Parked> sendAndCollect(String bootstrap, String topic, String key, List<String> values,
                                              Duration limit) {
        Properties c = new Properties();
        c.put("bootstrap.servers", bootstrap);
        c.put("group.id", "dead-letters-" + UUID.randomUUID());
        c.put("auto.offset.reset", "earliest");
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        try (KafkaConsumer<String, String> dlq = new KafkaConsumer<>(c, new StringDeserializer(),
                new StringDeserializer());
             KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                     new StringSerializer())) {
            dlq.subscribe(List.of(topic + ".dlq"));
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, key, value));
            }
            producer.flush();
            List<Parked> parked = new ArrayList<>();
            long deadline = System.nanoTime() + limit.toNanos();
            while (parked.size() < values.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : dlq.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        Header reason = r.headers().lastHeader("dead-letter-reason");
                        parked.add(new Parked(r.value(), reason == null ? null
                                : new String(reason.value(), StandardCharsets.UTF_8)));
                    }
                }
            }
            return parked;
        }
    }
}
