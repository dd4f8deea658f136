package org.edgemec.applcm.domain.engine;

import java.io.InputStream;

/**
 * An engine that can checkpoint a running container into a portable archive and restore such an
 * archive as a new container, on this or another host of the same kind (Podman's checkpoint
 * export/import). The target host must hold the same image id as the source.
 * The archive is streamed: {@code target.restore(source.checkpoint(id, opts), name)} relocates a
 * container without staging the archive on disk.
 */
public interface CheckpointCapable {

    /**
     * Checkpoints the container and returns the archive (an uncompressed tar) as a stream the
     * caller must close. Unless {@link CheckpointOptions#leaveRunning()}, the container is stopped.
     */
    InputStream checkpoint(String container, CheckpointOptions options);

    /** Restores an archive from {@link #checkpoint} as a new, running container; returns its id. */
    String restore(InputStream archive, RestoreOptions options);

    default String restore(InputStream archive, String newName) {
        return restore(archive, RestoreOptions.named(newName));
    }
}
