package org.edgemec.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.edgemec.cli.CliException;
import org.edgemec.cli.api.Steering;
import org.edgemec.cli.render.DurationOption;
import org.edgemec.cli.render.RelocationProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "relocate", description = "relocate an app instance to another host and follow it step by step; "
        + "exit 0 when it COMPLETED")
public class RelocateCommand extends Base {

    @Parameters(index = "0", paramLabel = "<instance>", description = "app instance id (./mec apps)")
    String instance;

    @Option(names = "--to", required = true, paramLabel = "<host>", description = "target MEC host (./mec hosts)")
    String target;

    @Option(names = "--steer", paramLabel = "dns|traffic|altsvc", converter = SteeringConverter.class,
            defaultValue = "altsvc", description = "how traffic follows the app (default: ${DEFAULT-VALUE})")
    Steering steering;

    @Option(names = "--timeout", paramLabel = "<duration>", converter = DurationConverter.class, defaultValue = "5m",
            description = "give up following after this long (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    public Integer call() {
        // a clear message for an unknown instance before the relocation API's 400
        mec().instance(instance);
        String id = mec().relocate(instance, target, steering);
        JsonNode r = Follow.relocation(mec(), id, new RelocationProgress(progress()), timeout);
        if (json) {
            printJson(r);
        }
        if (!"COMPLETED".equals(r.path("state").asText())) {
            throw new CliException(CliException.FAILED, "relocation " + id + " " + RelocationProgress.endLine(r));
        }
        return 0;
    }

    /** picocli converter for {@link Steering#parse}. */
    public static final class SteeringConverter implements picocli.CommandLine.ITypeConverter<Steering> {
        @Override
        public Steering convert(String value) {
            return Steering.parse(value);
        }
    }

    /** picocli converter for {@link DurationOption#parse}. */
    public static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return DurationOption.parse(value);
        }
    }
}
