package org.edgemec.cli;

import java.nio.file.Path;
import org.edgemec.cli.api.Mec;
import org.edgemec.cli.commands.AppsCommand;
import org.edgemec.cli.commands.ClientsCommand;
import org.edgemec.cli.commands.DemoCommand;
import org.edgemec.cli.commands.HostsCommand;
import org.edgemec.cli.commands.RelocateCommand;
import org.edgemec.cli.commands.RelocationsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./mec demo} and the operator CLI over the public APIs of the stack of {@code ./mec up}. Errors print as one
 * line on stderr; exit codes: 0 success, 1 the operation failed (a relocation, the demo), 2 usage, 3 a service is
 * unreachable or refused the request.
 */
@Command(name = "mec", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "mec-cli 0.1.0",
        description = "EdgeMEC operator CLI (the services of ./mec up; EDGEMEC_OPERATOR_TOKEN overrides the token)",
        subcommands = {DemoCommand.class, HostsCommand.class, AppsCommand.class, RelocateCommand.class,
            RelocationsCommand.class, ClientsCommand.class})
public class MecCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private Mec mec;

    public Mec mec() {
        if (mec == null) {
            Path root = Path.of(System.getProperty("edgemec.root", ".")).toAbsolutePath().normalize();
            mec = new Mec(Endpoints.fromEnvironment(System.getenv(), root));
        }
        return mec;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed");
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new MecCli());
        cl.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof CliException c) {
                commandLine.getErr().println("mec " + commandLine.getCommandName() + ": " + c.getMessage());
                return c.exitCode();
            }
            throw e;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
