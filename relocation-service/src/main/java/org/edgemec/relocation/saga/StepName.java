package org.edgemec.relocation.saga;

/** The steps of a relocation, in the order they run; COMPENSATE runs instead of the rest when one fails. */
public enum StepName {
    PLAN, ANNOUNCE, MOVE_STATE, STEER_TRAFFIC, FINALIZE, COMPENSATE;

    /** The step after this one on the forward path; null after FINALIZE. */
    public StepName next() {
        return switch (this) {
            case PLAN -> ANNOUNCE;
            case ANNOUNCE -> MOVE_STATE;
            case MOVE_STATE -> STEER_TRAFFIC;
            case STEER_TRAFFIC -> FINALIZE;
            case FINALIZE, COMPENSATE -> null;
        };
    }

    /** A cancel is honoured before these steps run; from FINALIZE on the move is being committed. */
    public boolean cancellable() {
        return this != FINALIZE && this != COMPENSATE;
    }
}
