package org.edgemec.platform.proxy.events;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unreadable proxy events (ClientArrivedEvents of the handovers) are parked, and the consumer keeps reading. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ProxyEventDeadLetterTest {

    @Test
    void shouldParkUnreadableEventsAndGoOnConsuming() {
        String run = UUID.randomUUID().toString();
        List<String> bad = List.of("{not json " + run, "{\"type\": \"edgemec.proxy.client-arrived\"}");
        List<DeadLetters.Parked> parked = DeadLetters.sendAndCollect(config("kafka.bootstrap.servers"),
                config("edgemec.kafka.topics.proxy"), run, bad, Duration.ofSeconds(60));
        assertEquals(bad, parked.stream().map(DeadLetters.Parked::value).toList());
        assertTrue(parked.get(1).reason() != null && parked.get(1).reason().contains("needs an id"),
                String.valueOf(parked.get(1).reason()));
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }
}
