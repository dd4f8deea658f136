package org.edgemec.applcm.domain.relocate;

/**
 * The steps of a move, in order; each is committed to the database before the next starts. STARTED: recorded.
 * GRANTED: the target's capacity is reserved. IMAGE_READY: the target holds the source's image id. DUMPED: the
 * source is frozen (checkpoint kept on the source host; COLD: stopped). RESTORED: the target container runs.
 * SOURCE_REMOVED: the point of no return of a commit (the instance names the target). COMMITTED, ROLLED_BACK: done.
 */
public enum MovePhase {
    STARTED, GRANTED, IMAGE_READY, DUMPED, RESTORED, SOURCE_REMOVED, COMMITTED, ROLLED_BACK;

    public boolean atOrAfter(MovePhase other) {
        return ordinal() >= other.ordinal();
    }
}
