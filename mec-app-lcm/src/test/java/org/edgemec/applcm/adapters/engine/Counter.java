package org.edgemec.applcm.adapters.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.edgemec.applcm.domain.engine.ContainerEngine;

/** Reads the counter image's "count=N" lines and checks that a count continued. */
final class Counter {

    /** Counts the process may add between our last read and the freeze (~100 ms each). */
    static final long MAX_GAP = 50;
    private static final Pattern COUNT = Pattern.compile("count=(\\d+)");

    private Counter() {
    }

    static List<Long> counts(List<String> lines) {
        List<Long> values = new ArrayList<>();
        for (String line : lines) {
            Matcher m = COUNT.matcher(line);
            if (m.find()) {
                values.add(Long.parseLong(m.group(1)));
            }
        }
        return values;
    }

    /** Polls the logs (every 100 ms, bounded by {@code timeout}) until the count exceeds {@code min}. */
    static long awaitAbove(ContainerEngine engine, String container, long min, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Long> last = List.of();
        while (System.nanoTime() < deadline) {
            last = counts(engine.logs(container, 5));
            if (!last.isEmpty() && last.get(last.size() - 1) > min) {
                return last.get(last.size() - 1);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        return fail(engine.name() + ": count of " + container + " did not pass " + min + " within " + timeout
                + "; last counts " + last + ", state " + engine.inspect(container));
    }

    /** The highest count in a (stopped) container's log: the value at the checkpoint. */
    static long lastCount(ContainerEngine engine, String container) {
        List<Long> values = counts(engine.logs(container, 20));
        return values.isEmpty() ? fail("no count in the log of " + container) : values.get(values.size() - 1);
    }

    /**
     * The log of the restored counter must be strictly increasing (a restart would print 1 again)
     * and hold {@code checkpointCount + 1}: the very next count, computed from restored memory.
     * Returns the highest count seen.
     */
    static long assertContinues(List<Long> values, long checkpointCount) {
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) <= values.get(i - 1)) {
                fail("count went back from " + values.get(i - 1) + " to " + values.get(i)
                        + " (restarted instead of restored); counts " + tail(values));
            }
        }
        assertTrue(values.contains(checkpointCount + 1), "restored counter did not continue at "
                + (checkpointCount + 1) + "; counts " + tail(values));
        return values.get(values.size() - 1);
    }

    private static List<Long> tail(List<Long> values) {
        return values.subList(Math.max(0, values.size() - 30), values.size());
    }
}
