package org.edgemec.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationOptionTest {

    @Test
    void shouldParseShortAndIsoDurationsWhenWellFormed() {
        assertEquals(Duration.ofMillis(500), DurationOption.parse("0.5s"));
        assertEquals(Duration.ofMillis(250), DurationOption.parse("250ms"));
        assertEquals(Duration.ofMinutes(2), DurationOption.parse("2m"));
        assertEquals(Duration.ofMillis(1500), DurationOption.parse("PT1.5S"));
    }

    @Test
    void shouldRefuseGarbageZeroAndNegativeDurations() {
        assertThrows(IllegalArgumentException.class, () -> DurationOption.parse("fast"));
        assertThrows(IllegalArgumentException.class, () -> DurationOption.parse("0s"));
        assertThrows(IllegalArgumentException.class, () -> DurationOption.parse("PT-1S"));
    }

    @Test
    void shouldPrintMillisecondsBelowTenSecondsElseSeconds() {
        assertEquals("812 ms", DurationOption.human(812));
        assertEquals("12.3 s", DurationOption.human(12_340));
    }
}
