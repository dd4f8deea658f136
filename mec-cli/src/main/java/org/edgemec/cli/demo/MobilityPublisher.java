package org.edgemec.cli.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.edgemec.cli.CliException;
import org.edgemec.mp1api.Json;
import org.edgemec.mp1api.events.DeviceMobilityEvent;
import org.edgemec.mp1api.mec021.AssociateId;

/**
 * Publishes the drone's positions as DeviceMobilityEvents (mp1-api, the platform's own schema) on the mobility topic,
 * keyed by the device, as a location feed would. Each send is awaited, so a broker that is down stops the demo with
 * a clear error instead of silently moving nothing.
 */
final class MobilityPublisher implements AutoCloseable {

    private static final ObjectMapper JSON = Json.newMapper();

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final String bootstrap;
    private final String source;

    MobilityPublisher(String bootstrap, String topic, String source) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // Metadata for a topic the broker creates on first use can take seconds on a loaded machine: wait for it up to
        // 30 s instead of failing the demo (seen: 5 s was not enough while two builds ran).
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "30000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        this.producer = new KafkaProducer<>(p);
        this.topic = topic;
        this.bootstrap = bootstrap;
        this.source = source;
    }

    /** Waits until the broker knows the topic (creating it on first use), so that the first move is not lost. */
    void awaitTopic() {
        try {
            producer.partitionsFor(topic);
        } catch (RuntimeException ex) {
            throw new CliException(CliException.SERVICE, "cannot publish on Kafka (" + bootstrap + ", topic " + topic
                    + "): " + ex.getMessage() + "; is the stack up (./mec up)?");
        }
    }

    /** The device is in {@code zone}, at the given position (both are sent; relocation-service places by zone). */
    DeviceMobilityEvent publish(AssociateId device, String zone, double latitude, double longitude) {
        DeviceMobilityEvent e = DeviceMobilityEvent.inZone(source, device, zone);
        e = new DeviceMobilityEvent(e.id(), e.time(), e.source(), e.type(), device, zone, latitude, longitude);
        try {
            producer.send(new ProducerRecord<>(topic, device.value(), JSON.writeValueAsString(e)))
                    .get(10, TimeUnit.SECONDS);
            return e;
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        } catch (ExecutionException | TimeoutException | RuntimeException ex) {
            throw new CliException(CliException.SERVICE, "cannot publish on Kafka (" + bootstrap + ", topic " + topic
                    + "): " + ex.getMessage() + "; is the stack up (./mec up)?");
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILED, "interrupted");
        }
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(2));
    }
}
