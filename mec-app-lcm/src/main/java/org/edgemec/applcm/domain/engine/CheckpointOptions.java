package org.edgemec.applcm.domain.engine;

/**
 * How to checkpoint. {@code leaveRunning}: keep the source running (a copy, not a move).
 * {@code tcpEstablished}: also checkpoint open TCP connections (only useful when the restored
 * container keeps its IP). {@code ignoreRootFs}: leave out file-system changes (smaller archive,
 * for containers whose state is only in memory or volumes).
 */
public record CheckpointOptions(boolean leaveRunning, boolean tcpEstablished, boolean ignoreRootFs) {

    /** Move semantics: stop the source, carry file-system changes, no TCP connections. */
    public static CheckpointOptions defaults() {
        return new CheckpointOptions(false, false, false);
    }
}
