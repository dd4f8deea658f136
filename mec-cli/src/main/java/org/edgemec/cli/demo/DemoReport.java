package org.edgemec.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.edgemec.cli.api.ServiceClient;
import org.edgemec.cli.render.DurationOption;
import org.edgemec.cli.render.RelocationProgress;

/**
 * The end of a demo run: transactions and their times, whether the counter kept its state, and each relocation with
 * its steps and downtime; {@link #problems()} is empty only when the run succeeded.
 */
public final class DemoReport {

    private final List<Transactions.Transaction> transactions;
    private final CounterCheck state;
    private final List<JsonNode> relocations;
    private final List<String> moveProblems;
    private final int moves;

    DemoReport(List<Transactions.Transaction> transactions, CounterCheck state, List<JsonNode> relocations,
               List<String> moveProblems, int moves) {
        this.transactions = transactions;
        this.state = state;
        this.relocations = relocations;
        this.moveProblems = moveProblems;
        this.moves = moves;
    }

    public Stats stats() {
        return Stats.of(transactions.stream().map(Transactions.Transaction::millis).toList());
    }

    public long failures() {
        return transactions.stream().filter(t -> !t.ok()).count();
    }

    /** Why the run failed; empty when every request was answered, the state kept and every move relocated the app. */
    public List<String> problems() {
        List<String> p = new ArrayList<>(moveProblems);
        if (transactions.isEmpty()) {
            p.add("no transactions were made");
        }
        if (failures() > 0) {
            p.add(failures() + " of " + transactions.size() + " transactions failed");
        }
        if (!state.kept()) {
            p.add(state.token() == null ? "the counter never answered" : "the counter lost its state: "
                    + String.join("; ", state.violations().subList(0, Math.min(3, state.violations().size()))));
        }
        long completed = relocations.stream().filter(r -> "COMPLETED".equals(r.path("state").asText())).count();
        if (completed < moves) {
            p.add(completed + " of " + moves + " relocations COMPLETED");
        }
        return p;
    }

    /** The longest time between two consecutive successful answers from the relocation's start to 5 s after its end. */
    long clientGapMs(JsonNode relocation) {
        long from = epochMs(relocation.path("createdAt").asText(null), Long.MIN_VALUE);
        long to = epochMs(relocation.path("endedAt").asText(null), Long.MAX_VALUE - 5000) + 5000;
        long gap = 0;
        Long previous = null;
        for (Transactions.Transaction t : transactions) {
            long answeredAt = t.startedAt() + t.millis();
            if (!t.ok() || answeredAt < from) {
                previous = t.ok() ? answeredAt : previous;
                continue;
            }
            if (previous != null && answeredAt <= to) {
                gap = Math.max(gap, answeredAt - previous);
            }
            previous = answeredAt;
        }
        return gap;
    }

    private static long epochMs(String time, long fallback) {
        return time == null ? fallback : OffsetDateTime.parse(time).toInstant().toEpochMilli();
    }

    public String render() {
        Stats s = stats();
        StringBuilder b = new StringBuilder("== summary\n");
        b.append(String.format(Locale.ROOT, "transactions  %d, failures %d%n", transactions.size(), failures()));
        b.append(String.format(Locale.ROOT, "time          mean %.1f ms, p99 %d ms, max %d ms%n", s.meanMs(),
                s.p99Ms(), s.maxMs()));
        b.append("state         ").append(state.kept() ? "kept: count " + state.firstCount() + " -> "
                + state.lastCount() + " by one per request, token " + state.token()
                : "NOT kept: " + String.join("; ", state.violations())).append('\n');
        b.append("relocations   ").append(relocations.size()).append('\n');
        int n = 1;
        for (JsonNode r : relocations) {
            b.append(String.format(Locale.ROOT, "  %d. %s %s -> %s %s %s, downtime %s (platform), longest gap "
                            + "between answers %s%n", n++, r.path("relocationId").asText(),
                    r.path("sourceHost").asText(), r.path("targetHost").asText(), r.path("steering").asText(),
                    r.path("state").asText(), r.hasNonNull("downtimeMs")
                            ? DurationOption.human(r.path("downtimeMs").asLong()) : "-",
                    DurationOption.human(clientGapMs(r))));
            List<String> steps = new ArrayList<>();
            r.path("steps").forEach(st -> steps.add(st.path("name").asText() + " " + st.path("state").asText() + " "
                    + (st.hasNonNull("durationMs") ? DurationOption.human(st.path("durationMs").asLong()) : "-")));
            b.append("     ").append(String.join(" | ", steps)).append('\n');
            if (r.path("error").isObject()) {
                b.append("     error: ").append(RelocationProgress.endLine(r)).append('\n');
            }
        }
        List<String> problems = problems();
        b.append(problems.isEmpty() ? "result        OK\n" : "result        FAILED: " + String.join("; ", problems)
                + "\n");
        return b.toString();
    }

    public ObjectNode toJson() {
        ObjectNode o = ServiceClient.JSON.createObjectNode();
        Stats s = stats();
        o.put("transactions", transactions.size());
        o.put("failures", failures());
        o.put("meanMs", Math.round(s.meanMs() * 10) / 10.0);
        o.put("p99Ms", s.p99Ms());
        o.put("maxMs", s.maxMs());
        ObjectNode st = o.putObject("state");
        st.put("kept", state.kept());
        st.put("token", state.token());
        st.put("firstCount", state.firstCount());
        st.put("lastCount", state.lastCount());
        st.set("violations", ServiceClient.JSON.valueToTree(state.violations()));
        ArrayNode rels = o.putArray("relocations");
        for (JsonNode r : relocations) {
            ObjectNode x = rels.addObject();
            for (String f : List.of("relocationId", "sourceHost", "targetHost", "steering", "state", "downtimeMs")) {
                x.set(f, r.path(f).isMissingNode() ? null : r.path(f));
            }
            x.put("clientGapMs", clientGapMs(r));
            ArrayNode steps = x.putArray("steps");
            r.path("steps").forEach(step -> steps.addObject().put("name", step.path("name").asText())
                    .put("state", step.path("state").asText()).set("durationMs", step.path("durationMs")));
        }
        o.put("ok", problems().isEmpty());
        o.set("problems", ServiceClient.JSON.valueToTree(problems()));
        return o;
    }
}
