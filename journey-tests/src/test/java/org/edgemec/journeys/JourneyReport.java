package org.edgemec.journeys;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/** On a failed step, prints the {@link Journal}: op occ error, platform answer, last log lines of the service. */
final class JourneyReport implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable error) throws Throwable {
        System.err.println("journey step '" + context.getDisplayName() + "' failed: " + error.getMessage());
        System.err.println(Journal.report());
        throw error;
    }
}
