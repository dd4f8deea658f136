package org.edgemec.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgemec.cli.render.DurationOption;
import org.edgemec.cli.render.RelocationProgress;
import org.edgemec.cli.render.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "relocations", description = "relocations, newest first; with an id: its steps (--watch follows a "
        + "running one live)")
public class RelocationsCommand extends Base {

    @Parameters(index = "0", arity = "0..1", paramLabel = "<id>", description = "one relocation: its steps")
    String id;

    @Option(names = "--app", paramLabel = "<instance>", description = "only relocations of this app instance")
    String app;

    @Option(names = "--state", paramLabel = "<state>", description = "only in this state (PENDING, RUNNING, ...)")
    String state;

    @Option(names = {"-w", "--watch"}, description = "with an id: print each step as it ends until the relocation ends")
    boolean watch;

    @Option(names = "--timeout", paramLabel = "<duration>", converter = RelocateCommand.DurationConverter.class,
            defaultValue = "5m", description = "--watch gives up after this long (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    public Integer call() {
        if (id == null) {
            if (watch) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--watch needs a relocation id");
            }
            return list();
        }
        JsonNode r = watch ? Follow.relocation(mec(), id, new RelocationProgress(progress()), timeout)
                : mec().relocation(id);
        if (json) {
            printJson(r);
        } else if (!watch) {
            out().print(details(r));
        }
        return 0;
    }

    private int list() {
        Map<String, String> filters = new LinkedHashMap<>();
        if (app != null) {
            filters.put("appInstanceId", app);
        }
        if (state != null) {
            filters.put("state", state);
        }
        List<JsonNode> all = mec().relocations(filters);
        if (json) {
            printJson(all);
            return 0;
        }
        Table t = new Table("ID", "APP INSTANCE", "FROM", "TO", "STEERING", "STATE", "DOWNTIME", "CREATED");
        all.forEach(r -> t.row(r.path("relocationId").asText(), r.path("appInstanceId").asText(),
                r.path("sourceHost").asText(null), r.path("targetHost").asText(null), r.path("steering").asText(null),
                r.path("state").asText(), r.hasNonNull("downtimeMs")
                        ? DurationOption.human(r.path("downtimeMs").asLong()) : null, r.path("createdAt").asText(null)));
        out().print(t.isEmpty() ? "no relocations\n" : t.render());
        return 0;
    }

    /** One relocation: its request, state and a table of its steps. */
    static String details(JsonNode r) {
        StringBuilder s = new StringBuilder();
        s.append("relocation ").append(r.path("relocationId").asText()).append(": ")
                .append(RelocationProgress.describe(r)).append('\n');
        s.append("state ").append(RelocationProgress.endLine(r)).append('\n');
        Table steps = new Table("SEQ", "STEP", "STATE", "DURATION", "ATTEMPTS", "DETAIL");
        r.path("steps").forEach(st -> steps.row(st.path("seq").asInt(), st.path("name").asText(),
                st.path("state").asText(), st.hasNonNull("durationMs")
                        ? DurationOption.human(st.path("durationMs").asLong()) : null, st.path("attempts").asInt(),
                st.path("error").isObject() ? st.at("/error/detail").asText() : st.path("detail").asText(null)));
        s.append(steps.render());
        return s.toString();
    }
}
