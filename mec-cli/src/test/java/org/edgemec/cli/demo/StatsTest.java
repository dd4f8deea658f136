package org.edgemec.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void shouldTakeTheNearestRankP99WhenThereAreHundredValues() {
        List<Long> ms = new ArrayList<>();
        for (long i = 1; i <= 100; i++) {
            ms.add(i);
        }
        Stats s = Stats.of(ms);
        assertEquals(100, s.count());
        assertEquals(50.5, s.meanMs(), 1e-9);
        assertEquals(99, s.p99Ms());
        assertEquals(100, s.maxMs());
    }

    @Test
    void shouldReportTheOutlierAsP99WhenThereAreFewValues() {
        // ceil(0.99 * 10) = 10: with ten values the p99 is the largest
        Stats s = Stats.of(List.of(5L, 3L, 4L, 6L, 5L, 4L, 900L, 5L, 3L, 4L));
        assertEquals(900, s.p99Ms());
        assertEquals(93.9, s.meanMs(), 1e-9);
    }

    @Test
    void shouldBeZeroWhenThereAreNoValues() {
        assertEquals(new Stats(0, 0, 0, 0), Stats.of(List.of()));
    }
}
