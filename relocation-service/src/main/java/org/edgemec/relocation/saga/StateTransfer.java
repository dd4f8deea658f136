package org.edgemec.relocation.saga;

/**
 * How the app's state reaches the target. CHECKPOINT: the platform checkpoints the container (CRIU) and restores it
 * on the target, transparently to the app. COLD: the container is stopped and started afresh on the target (its
 * memory state is lost; the baseline). APPLICATION: MEC 021 application-driven context transfer to an instance of
 * the same app on the target, which the app does itself and reports with contextTransferState.
 */
public enum StateTransfer { CHECKPOINT, COLD, APPLICATION }
