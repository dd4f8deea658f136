package org.edgemec.relocation.saga;

/**
 * PENDING (accepted, no step ran) -> RUNNING -> COMPLETED; a step that fails, or a cancel, turns it to COMPENSATING,
 * which ends FAILED (or CANCELLED when it was cancelled). A PENDING relocation cancelled ends CANCELLED at once.
 */
public enum RelocationState {
    PENDING, RUNNING, COMPENSATING, COMPLETED, FAILED, CANCELLED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
