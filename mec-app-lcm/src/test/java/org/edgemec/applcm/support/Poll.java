package org.edgemec.applcm.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Bounded polling: the tests wait for asynchronous outcomes this way, never with a fixed sleep. */
public final class Poll {

    private Poll() {
    }

    public static <T> T until(Supplier<T> probe, Predicate<T> done, Duration max, String what) {
        Instant end = Instant.now().plus(max);
        T last = probe.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError(what + " not reached within " + max + "; last: " + last);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
            last = probe.get();
        }
        return last;
    }
}
