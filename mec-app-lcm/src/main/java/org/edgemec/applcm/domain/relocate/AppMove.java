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
     * it). {@code freezeDumpMs}: from the checkpoint request (the freeze) until the source engine starts sending the
     * archive, which Podman does only once the dump is done and the archive written whole (COLD: the stop). {@code
     * transferRestoreMs}: from then until the target engine answered the restore (transfer and restore). {@code
     * transferMs}: its first part, until the archive's last byte went to the target engine; {@code restoreMs}: its
     * second, until the target engine answered (it unpacks and restores only once it holds the whole archive). {@code
     * downtimeMs}: from the checkpoint request until the target engine answered that the restored container runs
     * ({@code freezeDumpMs + transferRestoreMs} plus the DUMPED commit between them). {@code firstResponseMs}: from the
     * freeze to the first TCP connection the target endpoint accepted, after the target platform was provisioned
     * (absent without a port). {@code totalMs}: the whole move until AWAITING_COMMIT (MANUAL) or COMMITTED (AUTO).
     * {@code criu}: CRIU's own statistics of the dump and the restore, when the engines report them.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Timings(Long grantMs, Long imageCopyMs, Long freezeDumpMs, Long transferRestoreMs,
            Long firstResponseMs, Long totalMs, Long transferMs, Long restoreMs, Long downtimeMs, Criu criu) {

        public static final Timings NONE = new Timings(null, null, null, null, null, null, null, null, null, null);

        public Timings withGrantMs(long v) {
            return new Timings(v, imageCopyMs, freezeDumpMs, transferRestoreMs, firstResponseMs, totalMs, transferMs,
                    restoreMs, downtimeMs, criu);
        }

        public Timings withImageCopyMs(long v) {
            return new Timings(grantMs, v, freezeDumpMs, transferRestoreMs, firstResponseMs, totalMs, transferMs,
                    restoreMs, downtimeMs, criu);
        }

        public Timings withFreezeDumpMs(long v) {
            return new Timings(grantMs, imageCopyMs, v, transferRestoreMs, firstResponseMs, totalMs, transferMs,
                    restoreMs, downtimeMs, criu);
        }

        public Timings withTransferRestoreMs(long v) {
            return new Timings(grantMs, imageCopyMs, freezeDumpMs, v, firstResponseMs, totalMs, transferMs, restoreMs,
                    downtimeMs, criu);
        }

        /** The parts of a streamed move after the dump; {@code transferMs}, {@code restoreMs} and {@code criu} may be null. */
        public Timings withRestoreSplit(long transferRestore, Long transfer, Long restore, long downtime, Criu c) {
            return new Timings(grantMs, imageCopyMs, freezeDumpMs, transferRestore, firstResponseMs, totalMs, transfer,
                    restore, downtime, c);
        }

        public Timings withFirstResponseMs(long v) {
            return new Timings(grantMs, imageCopyMs, freezeDumpMs, transferRestoreMs, v, totalMs, transferMs,
                    restoreMs, downtimeMs, criu);
        }

        public Timings withTotalMs(long v) {
            return new Timings(grantMs, imageCopyMs, freezeDumpMs, transferRestoreMs, firstResponseMs, v, transferMs,
                    restoreMs, downtimeMs, criu);
        }
    }

    /**
     * CRIU's own figures, in its unit, microseconds; each absent when the engine did not report it. From the dump
     * (the {@code stats-dump} file inside the archive): {@code freezingUs} freezing the processes, {@code frozenUs}
     * the time they stayed frozen while CRIU dumped them, {@code memdumpUs} collecting their memory, {@code
     * memwriteUs} writing it into the image files. From the restore (the engine's report): {@code restoreUs} CRIU's
     * restore, {@code forkingUs} its part forking the processes.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Criu(Long freezingUs, Long frozenUs, Long memdumpUs, Long memwriteUs, Long restoreUs,
            Long forkingUs) {
    }
}
