package org.edgemec.relocation.saga.ports;

import com.fasterxml.jackson.databind.JsonNode;
import org.edgemec.mp1api.common.ProblemDetails;
import org.edgemec.mp1api.provisioning.AppEndpoint;

/**
 * mec-app-lcm's two-phase move of an app instance's container to another host
 * ({@code /app_lcm_ext/v1/app_instances/{id}/checkpoint_restore}, {@code /app_lcm_ext/v1/app_moves/{moveId}}):
 * started with a caller-chosen move id (a retried start returns the same move), then committed or rolled back.
 */
public interface AppMoves {

    /** A move as mec-app-lcm reports it; {@code timings} holds its per-phase milliseconds. */
    record Move(String moveId, String state, String phase, AppEndpoint sourceEndpoint, AppEndpoint targetEndpoint,
                JsonNode timings, ProblemDetails error) {

        public boolean awaitingCommit() {
            return "AWAITING_COMMIT".equals(state);
        }

        public boolean committed() {
            return "COMMITTED".equals(state);
        }

        public boolean failed() {
            return "FAILED".equals(state) || "ROLLED_BACK".equals(state);
        }

        public Long timing(String name) {
            return timings != null && timings.hasNonNull(name) ? timings.path(name).asLong() : null;
        }
    }

    /** {@code mode}: STOP_AND_COPY (checkpoint/restore) or COLD; the move waits for commit or rollback. */
    Move start(String moveId, String appInstanceId, String targetHost, String mode);

    Move get(String moveId);

    Move commit(String moveId, boolean deprovisionSource);

    Move rollback(String moveId);
}
