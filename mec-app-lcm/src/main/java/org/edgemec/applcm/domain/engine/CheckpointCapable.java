package org.edgemec.applcm.domain.engine;

import java.io.InputStream;

/**
 * An engine that can checkpoint a running container into a portable archive and restore such an
 * archive as a new container, on this or another host of the same kind (Podman's checkpoint
 * export/import). The target host must hold the same image id as the source.
 * The archive is streamed: {@code target.restore(source.checkpoint(id, opts), name)} relocates a
 * container without EdgeMEC storing the archive (Podman 4.3 itself stages it as a file on both hosts).
 */
public interface CheckpointCapable {

    /**
     * Checkpoints the container and returns the archive (an uncompressed tar) as a stream the
     * caller must close. Unless {@link CheckpointOptions#leaveRunning()}, the container is stopped.
     * With {@link CheckpointOptions#keep()} the checkpoint also stays on this host for {@link #restoreKept}.
     */
    InputStream checkpoint(String container, CheckpointOptions options);

    /**
     * Restores an archive from {@link #checkpoint} as a new, running container; returns its id and CRIU's restore
     * statistics when the engine reports them. {@code sent} runs once the archive's last byte has gone to the engine
     * (so a caller can tell the transfer from the restore that follows it).
     */
    Restored restore(InputStream archive, RestoreOptions options, Runnable sent);

    default String restore(InputStream archive, String newName) {
        return restore(archive, RestoreOptions.named(newName), () -> { }).containerId();
    }

    /**
     * Restores the SAME container in place from the checkpoint kept by a {@code keep} checkpoint: its processes go
     * on with their memory state (nothing is imported). The checkpoint files stay (removing the container removes
     * them). Fails when the container runs or holds no kept checkpoint.
     */
    void restoreKept(String container);

    /**
     * Freezes the container IN PLACE: checkpointed and stopped, the checkpoint kept on this host, nothing exported;
     * {@link #restoreKept} brings it back with its memory state.
     */
    void checkpointKept(String container);

    /**
     * True when the container exists, is not running and was stopped by a checkpoint whose files are kept, i.e.
     * {@link #restoreKept} can bring it back; false otherwise (so callers inspect before acting).
     */
    boolean hasKeptCheckpoint(String container);
}
