package org.edgemec.applcm.domain.engine;

/**
 * How to checkpoint. {@code leaveRunning}: keep the source running (a copy, not a move).
 * {@code tcpEstablished}: also checkpoint open TCP connections (only useful when the restored
 * container keeps its IP). {@code ignoreRootFs}: leave out file-system changes (smaller archive,
 * for containers whose state is only in memory or volumes). {@code keep}: keep the checkpoint files on
 * the source host after the export, so the source can later be restored IN PLACE from them
 * ({@link CheckpointCapable#restoreKept}) when the move is rolled back.
 */
public record CheckpointOptions(boolean leaveRunning, boolean tcpEstablished, boolean ignoreRootFs, boolean keep) {

    public CheckpointOptions(boolean leaveRunning, boolean tcpEstablished, boolean ignoreRootFs) {
        this(leaveRunning, tcpEstablished, ignoreRootFs, false);
    }

    /** Move semantics: stop the source, carry file-system changes, no TCP connections. */
    public static CheckpointOptions defaults() {
        return new CheckpointOptions(false, false, false, false);
    }

    /**
     * A move that can be rolled back: the export also keeps the checkpoint on the source ({@code keep}); the source
     * is frozen (exited) unless {@code leaveRunning}. Established TCP connections are not carried (the target has
     * another address).
     */
    public static CheckpointOptions keptForRollback(boolean leaveRunning) {
        return new CheckpointOptions(leaveRunning, false, false, true);
    }
}
