package org.edgemec.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns successive reads of relocations into one progress line per event, each printed once: a relocation seen for
 * the first time, each step when it ends (DONE or FAILED, with its duration), and the relocation's end (state,
 * downtime). Reads may come from a list or from single GETs; what was printed is remembered per relocation.
 */
public final class RelocationProgress {

    public static final List<String> TERMINAL = List.of("COMPLETED", "FAILED", "CANCELLED");

    private final PrintStream out;
    private final Map<String, Set<String>> printed = new HashMap<>();

    public RelocationProgress(PrintStream out) {
        this.out = out;
    }

    public static boolean finished(JsonNode relocation) {
        return TERMINAL.contains(relocation.path("state").asText());
    }

    /** Prints what is new in this read of a relocation; returns true once it has finished. */
    public boolean observe(JsonNode r) {
        String id = r.path("relocationId").asText();
        Set<String> seen = printed.computeIfAbsent(id, k -> new HashSet<>());
        if (seen.add("start")) {
            out.println(prefix(r) + "started: " + describe(r));
        }
        for (JsonNode s : r.path("steps")) {
            String state = s.path("state").asText();
            if (!"RUNNING".equals(state) && seen.add("step-" + s.path("seq").asInt())) {
                out.println(prefix(r) + stepLine(s));
            }
        }
        if (finished(r) && seen.add("end")) {
            out.println(prefix(r) + endLine(r));
        }
        return finished(r);
    }

    public boolean hasPrintedEnd(String relocationId) {
        return printed.getOrDefault(relocationId, Set.of()).contains("end");
    }

    static String prefix(JsonNode r) {
        String id = r.path("relocationId").asText();
        return "[relocation " + (id.length() > 8 ? id.substring(0, 8) : id) + "] ";
    }

    public static String describe(JsonNode r) {
        String placement = r.path("placement").isObject() ? r.at("/placement/policy").asText()
                + (r.at("/placement/zone").isTextual() ? " " + r.at("/placement/zone").asText() : "") : "NAMED";
        // the target of a placement other than NAMED is known once PLAN ran
        String target = r.hasNonNull("targetHost") ? r.path("targetHost").asText() : "(" + placement + ")";
        return r.path("appInstanceId").asText() + " " + r.path("sourceHost").asText("?") + " -> " + target
                + ", steering " + r.path("steering").asText() + ", placement " + placement;
    }

    public static String stepLine(JsonNode s) {
        String line = String.format("%-14s %-7s %s", s.path("name").asText(), s.path("state").asText(),
                s.hasNonNull("durationMs") ? DurationOption.human(s.path("durationMs").asLong()) : "");
        if (s.path("error").isObject()) {
            line += "  " + s.at("/error/detail").asText(s.at("/error/title").asText());
        }
        return line.stripTrailing();
    }

    public static String endLine(JsonNode r) {
        String line = r.path("state").asText();
        if (r.hasNonNull("downtimeMs")) {
            line += ", downtime " + DurationOption.human(r.path("downtimeMs").asLong());
        }
        if (r.path("error").isObject()) {
            line += ": " + r.at("/error/detail").asText(r.at("/error/title").asText());
        }
        return line;
    }
}
