package org.edgemec.cli.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SteeringTest {

    @Test
    void shouldAcceptShortAndApiNamesInAnyCase() {
        assertEquals(Steering.ALTSVC, Steering.parse("altsvc"));
        assertEquals(Steering.ALTSVC, Steering.parse("ALT_SVC"));
        assertEquals(Steering.TRAFFIC, Steering.parse("Traffic"));
        assertEquals("TRAFFIC_RULE", Steering.parse("traffic_rule").wire());
        assertEquals(Steering.DNS, Steering.parse(" dns "));
    }

    @Test
    void shouldNameTheChoicesWhenTheSteeringIsUnknown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Steering.parse("bgp"));
        assertTrue(e.getMessage().contains("dns, traffic or altsvc"), e.getMessage());
    }
}
