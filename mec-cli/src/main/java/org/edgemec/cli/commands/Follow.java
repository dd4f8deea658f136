package org.edgemec.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.edgemec.cli.CliException;
import org.edgemec.cli.api.Mec;
import org.edgemec.cli.render.RelocationProgress;

/** Follows one relocation until it ends, printing a line per step as it ends; bounded by a deadline. */
final class Follow {

    static final Duration POLL = Duration.ofMillis(200);

    private Follow() {
    }

    static JsonNode relocation(Mec mec, String id, RelocationProgress progress, Duration timeout) {
        Instant end = Instant.now().plus(timeout);
        while (true) {
            JsonNode r = mec.relocation(id);
            if (progress.observe(r)) {
                return r;
            }
            if (Instant.now().isAfter(end)) {
                throw new CliException(CliException.FAILED, "relocation " + id + " still " + r.path("state").asText()
                        + " (step " + r.path("currentStep").asText() + ") after " + timeout.toSeconds()
                        + " s; ./mec relocations " + id + " --watch follows it on");
            }
            pause(POLL);
        }
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(CliException.FAILED, "interrupted");
        }
    }
}
