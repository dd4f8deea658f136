package org.edgemec.cli.commands;

import java.time.Duration;
import org.edgemec.cli.CliException;
import org.edgemec.cli.api.Steering;
import org.edgemec.cli.demo.Demo;
import org.edgemec.cli.demo.DemoReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", description = {"the drone of the service-continuity scenario: a stateful counter on edge1, a "
        + "drone flying between zone A (edge1) and zone B (edge2) publishing its position and asking the counter; "
        + "the platform relocates the counter and hands the drone over at each zone change.",
        "Exit 0 only when no request failed and the counter kept its count and token."})
public class DemoCommand extends Base {

    @Option(names = "--moves", defaultValue = "3", paramLabel = "<n>",
            description = "zone changes to fly, 1..20 (default: ${DEFAULT-VALUE})")
    int moves;

    @Option(names = "--interval", defaultValue = "0.5s", paramLabel = "<duration>",
            converter = RelocateCommand.DurationConverter.class,
            description = "time between two requests of the drone (default: ${DEFAULT-VALUE})")
    Duration interval;

    @Option(names = "--speed", defaultValue = "100", paramLabel = "<m/s>",
            description = "the drone's speed; the zones' centres are 1 km apart (default: ${DEFAULT-VALUE} m/s)")
    double speed;

    @Option(names = "--steer", defaultValue = "altsvc", paramLabel = "altsvc|dns|traffic",
            converter = RelocateCommand.SteeringConverter.class,
            description = "altsvc: the platform relocates on the drone's mobility events and hands it over to the "
                    + "other proxy (Alt-Svc); dns, traffic: the demo asks for each relocation with that steering "
                    + "(mobility events cannot choose one) (default: ${DEFAULT-VALUE})")
    Steering steering;

    @Option(names = "--relocation-timeout", defaultValue = "90s", paramLabel = "<duration>",
            converter = RelocateCommand.DurationConverter.class,
            description = "how long a move waits for its relocation to end (default: ${DEFAULT-VALUE})")
    Duration relocationTimeout;

    @Override
    public Integer call() {
        validate();
        DemoReport report = new Demo(mec(), new Demo.Options(moves, interval, speed, steering, relocationTimeout),
                progress()).run();
        if (json) {
            printJson(report.toJson());
        } else {
            out().print(report.render());
        }
        if (!report.problems().isEmpty()) {
            throw new CliException(CliException.FAILED, "demo failed: " + String.join("; ", report.problems()));
        }
        return 0;
    }

    void validate() {
        if (moves < 1 || moves > 20) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--moves must be 1..20, not " + moves);
        }
        if (!(speed > 0) || speed > 10_000) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--speed must be more than 0 and at most 10000 m/s, not " + speed);
        }
        if (interval.toMillis() < 50 || interval.toSeconds() > 60) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--interval must be 50ms..60s, not " + interval.toMillis() + " ms");
        }
    }
}
