package org.edgemec.applcm.domain.relocate;

/** Where a move stands; PROCESSING, AWAITING_COMMIT and ROLLING_BACK are unfinished (one per app instance). */
public enum MoveState {
    PROCESSING, AWAITING_COMMIT, COMMITTED, ROLLING_BACK, ROLLED_BACK, FAILED;

    public boolean unfinished() {
        return this == PROCESSING || this == AWAITING_COMMIT || this == ROLLING_BACK;
    }
}
