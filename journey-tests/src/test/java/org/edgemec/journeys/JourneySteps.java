package org.edgemec.journeys;

import org.junit.jupiter.api.TestInfo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The steps of one ordered journey: each builds on the ones before, so once a step fails the later ones are skipped
 * (they would only fail after it and hide the first failure). Each step starts a fresh {@link Journal}.
 */
final class JourneySteps {

    /** A step's body. */
    interface Step {
        void run() throws Exception;
    }

    private volatile boolean broken;

    /** Call from {@code @BeforeEach}: skips the step after a failed one, names it in the journal. */
    void begin(TestInfo step) {
        assumeTrue(!broken, "an earlier step failed");
        Journal.reset();
        Journal.note("== " + step.getDisplayName());
    }

    /** Runs a step's body; a failure marks the journey broken and is rethrown. */
    void run(Step body) throws Exception {
        try {
            body.run();
        } catch (Throwable t) {
            broken = true;
            throw t;
        }
    }
}
