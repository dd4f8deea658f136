package org.edgemec.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CounterCheckTest {

    @Test
    void shouldKeepTheStateWhenCountGoesOnByOneWithTheSameToken() {
        CounterCheck c = new CounterCheck();
        c.accept(1, 7, "t");
        c.accept(2, 8, "t");
        c.accept(3, 9, "t");
        assertTrue(c.kept());
        assertEquals(7, c.firstCount());
        assertEquals(9, c.lastCount());
    }

    @Test
    void shouldLoseTheStateWhenTheTokenChanges() {
        CounterCheck c = new CounterCheck();
        c.accept(1, 1, "a");
        c.accept(2, 1, "b");
        assertFalse(c.kept());
        assertEquals(2, c.violations().size(), c.violations().toString());
        assertTrue(c.violations().get(0).contains("token b instead of a"), c.violations().toString());
    }

    @Test
    void shouldLoseTheStateWhenACountIsSkippedOrRepeated() {
        CounterCheck skipped = new CounterCheck();
        skipped.accept(1, 1, "t");
        skipped.accept(2, 3, "t");
        assertEquals("request 2: count 3 after 1 (expected 2)", skipped.violations().get(0));
        CounterCheck repeated = new CounterCheck();
        repeated.accept(1, 4, "t");
        repeated.accept(2, 4, "t");
        assertFalse(repeated.kept());
    }

    @Test
    void shouldNotCallItKeptWhenNothingAnswered() {
        assertFalse(new CounterCheck().kept());
    }
}
