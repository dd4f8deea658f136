package org.edgemec.applcm.domain.lcm;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.edgemec.applcm.domain.relocate.MoveClaims;

/**
 * The op occs this process is running right now (their claims are renewed by {@link OpOccHeartbeat}); the replica
 * identity is the one moves use, per process, so a restarted process never takes an old claim for its own.
 */
@ApplicationScoped
public class OpOccClaims {

    private final String replica;
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    public OpOccClaims(MoveClaims moves) {
        this.replica = moves.replica();
    }

    public String replica() {
        return replica;
    }

    void running(String opId) {
        active.add(opId);
    }

    void done(String opId) {
        active.remove(opId);
    }

    public Set<String> active() {
        return Set.copyOf(active);
    }

    /** This replica no longer holds the op occ (recovery or another replica took it): its result must be dropped. */
    public static final class LostClaimException extends RuntimeException {
        LostClaimException(String message) {
            super(message, null, false, false);
        }
    }
}
