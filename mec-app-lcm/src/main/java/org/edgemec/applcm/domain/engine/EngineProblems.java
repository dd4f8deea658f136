package org.edgemec.applcm.domain.engine;

import org.edgemec.mp1api.common.ProblemDetails;

/**
 * The ProblemDetails of an engine failure, the same in an HTTP answer and in a recorded error: an engine that
 * refused is 502, one that cannot be reached 503, one that did not answer in time 504. The detail names the engine
 * (its messages start with the engine's name) and, when given, the MEC host.
 */
public final class EngineProblems {

    private EngineProblems() {
    }

    public static int status(EngineException e) {
        if (e instanceof EngineTimeoutException) {
            return 504;
        }
        return e instanceof EngineUnavailableException ? 503 : 502;
    }

    public static String title(EngineException e) {
        return switch (status(e)) {
            case 504 -> "Container engine timed out";
            case 503 -> "Container engine unavailable";
            default -> "Container engine refused";
        };
    }

    public static ProblemDetails of(EngineException e, String hostName) {
        String detail = e.getMessage() == null ? e.toString() : e.getMessage();
        return ProblemDetails.of(status(e), title(e), hostName == null ? detail : "MEC host " + hostName + ": " + detail);
    }
}
