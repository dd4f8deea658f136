package org.edgemec.applcm.domain.relocate;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import org.edgemec.mp1api.common.ProblemDetails;
import org.edgemec.mp1api.provisioning.AppEndpoint;

/**
 * A checkpoint/restore move of one app instance to another MEC host, as {@code /app_lcm_ext/v1/app_moves} shows it.
 * Absent fields were not reached (no target container yet, no port to probe, no error).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppMove(String moveId, String appInstanceId, String sourceHost, String targetHost, RelocationMode mode,
        CommitMode commit, MoveState state, MovePhase phase, List<PhaseAt> phases, String sourceContainerId,
        String targetContainerId, AppEndpoint sourceEndpoint, AppEndpoint targetEndpoint, Timings timings,
        Long archiveBytes, boolean targetProvisioned, ProblemDetails error, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    /** One phase reached and when. */
    public record PhaseAt(MovePhase phase, OffsetDateTime at) {
    }

    /**
     * Milliseconds. {@code grantMs}: reserving the target. {@code imageCopyMs}: image save/load (0 when the target had
     * it). {@code freezeDumpMs}: from the freeze until the source engine starts sending the archive (COLD: the stop).
     * {@code transferRestoreMs}: transfer and restore together (they overlap: the archive streams). {@code
     * firstResponseMs}: from the freeze to the first TCP connection the target endpoint accepted, after the target
     * platform was provisioned (absent without a port). {@code totalMs}: the whole move until AWAITING_COMMIT
     * (MANUAL) or COMMITTED (AUTO).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Timings(Long grantMs, Long imageCopyMs, Long freezeDumpMs, Long transferRestoreMs,
            Long firstResponseMs, Long totalMs) {

        public static final Timings NONE = new Timings(null, null, null, null, null, null);

        public Timings withGrantMs(long v) {
            return new Timings(v, imageCopyMs, freezeDumpMs, transferRestoreMs, firstResponseMs, totalMs);
        }

        public Timings withImageCopyMs(long v) {
            return new Timings(grantMs, v, freezeDumpMs, transferRestoreMs, firstResponseMs, totalMs);
        }

        public Timings withFreezeDumpMs(long v) {
            return new Timings(grantMs, imageCopyMs, v, transferRestoreMs, firstResponseMs, totalMs);
        }

        public Timings withTransferRestoreMs(long v) {
            return new Timings(grantMs, imageCopyMs, freezeDumpMs, v, firstResponseMs, totalMs);
        }

        public Timings withFirstResponseMs(long v) {
            return new Timings(grantMs, imageCopyMs, freezeDumpMs, transferRestoreMs, v, totalMs);
        }

        public Timings withTotalMs(long v) {
            return new Timings(grantMs, imageCopyMs, freezeDumpMs, transferRestoreMs, firstResponseMs, v);
        }
    }
}
