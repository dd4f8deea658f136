package org.edgemec.relocation.adapters.kafka;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.edgemec.testsupport.DeadLetters;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
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
        String run = UUID.randomUUID().toString();
        List<String> bad = List.of("not json " + run,
                "{\"id\": \"" + run + "\", \"type\": \"something.else\", \"associateId\": {\"type\": 1, \"value\": \"10.0.0.1\"}}",
                "{\"id\": \"" + run + "-2\", \"type\": \"edgemec.mobility.device-located\"}");
        List<DeadLetters.Parked> parked = DeadLetters.sendAndCollect(config("kafka.bootstrap.servers"),
                config("edgemec.kafka.topics.mobility"), run, bad, Duration.ofSeconds(60));
        // all three, in order: the consumer did not stop at the first one
        assertEquals(bad, parked.stream().map(DeadLetters.Parked::value).toList());
        assertNotNull(parked.get(1).reason(), "the reason travels with the parked event");
        assertTrue(parked.get(1).reason().contains("associateId and type"), parked.get(1).reason());
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }
}
