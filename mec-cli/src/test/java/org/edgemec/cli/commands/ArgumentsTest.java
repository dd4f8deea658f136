package org.edgemec.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.edgemec.cli.MecCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Argument validation happens before any service is asked: these run without a stack. */
class ArgumentsTest {

    private record Run(int exit, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = MecCli.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        return new Run(cl.execute(args), err.toString());
    }

    @Test
    void shouldRefuseAnUnknownSteering() {
        Run r = run("relocate", "some-instance", "--to", "edge2", "--steer", "bgp");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown steering 'bgp': use dns, traffic or altsvc"), r.err());
    }

    @Test
    void shouldRequireTheTargetHostOfARelocation() {
        Run r = run("relocate", "some-instance");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--to"), r.err());
    }

    @Test
    void shouldRefuseDemoMovesOutOfRangeAndABadInterval() {
        assertTrue(run("demo", "--moves", "0").err().contains("--moves must be 1..20"));
        Run interval = run("demo", "--interval", "soon");
        assertEquals(2, interval.exit());
        assertTrue(interval.err().contains("'soon' is no duration"), interval.err());
        assertTrue(run("demo", "--speed", "-3").err().contains("--speed must be more than 0"));
    }

    @Test
    void shouldRefuseWatchWithoutARelocationId() {
        Run r = run("relocations", "--watch");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--watch needs a relocation id"), r.err());
    }

    @Test
    void shouldAnswerHelpWithExitZero() {
        assertEquals(0, run("--help").exit());
        assertEquals(0, run("demo", "--help").exit());
    }
}
