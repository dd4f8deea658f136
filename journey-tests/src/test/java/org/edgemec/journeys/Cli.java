package org.edgemec.journeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real client (dig, curl, the engine CLI) as a user would; bounded in time; logged to the {@link Journal}. */
final class Cli {

    record Result(List<String> command, int exit, String out) {
    }

    private Cli() {
    }

    static Result run(String... command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end in 60 s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Result r = new Result(List.of(command), p.exitValue(), out);
            Journal.note("$ " + String.join(" ", command) + " -> exit " + r.exit() + "\n" + out.strip());
            return r;
        } catch (IOException e) {
            throw new AssertionError(command[0] + " cannot run (is it installed? scripts/setup-tools.sh installs dig "
                    + "and curl): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
