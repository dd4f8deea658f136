package org.edgemec.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.edgemec.cli.MecCli;
import org.edgemec.cli.api.Mec;
import org.edgemec.cli.api.ServiceClient;
import picocli.CommandLine;

/** What every subcommand shares: {@code --json}, the stack's APIs, and where to print. */
abstract class Base implements Callable<Integer> {

    @CommandLine.ParentCommand
    MecCli parent;

    @CommandLine.Option(names = "--json", description = "machine output: JSON on stdout (progress, if any, on stderr)")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Mec mec() {
        return parent.mec();
    }

    PrintStream out() {
        return System.out;
    }

    /** Where progress lines go: stdout for people, stderr when stdout carries JSON. */
    PrintStream progress() {
        return json ? System.err : System.out;
    }

    void printJson(Object value) {
        try {
            System.out.println(ServiceClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
