package org.edgemec.cli.render;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations on the command line: {@code 500ms}, {@code 0.5s}, {@code 2m}, or ISO-8601 ({@code PT0.5S}). */
public final class DurationOption {

    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)");

    private DurationOption() {
    }

    public static Duration parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(v);
        Duration d;
        if (m.matches()) {
            double n = Double.parseDouble(m.group(1));
            double ms = switch (m.group(2)) {
                case "ms" -> n;
                case "s" -> n * 1000;
                default -> n * 60_000;
            };
            d = Duration.ofNanos(Math.round(ms * 1_000_000));
        } else {
            try {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + value + "' is no duration: use e.g. 500ms, 0.5s, 2m");
            }
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("'" + value + "': the duration must be positive");
        }
        return d;
    }

    /** {@code 812 ms}, {@code 2.4 s}: milliseconds below 10 s, else seconds with one decimal. */
    public static String human(long ms) {
        return ms < 10_000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
