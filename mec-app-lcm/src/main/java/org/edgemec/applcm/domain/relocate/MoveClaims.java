package org.edgemec.applcm.domain.relocate;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who this replica is (its instance name plus a per-process suffix, so a restarted process never mistakes an old claim
 * for its own) and which moves it is working on right now (their claims are renewed by {@link MoveHeartbeat}).
 */
@ApplicationScoped
public class MoveClaims {

    private final String replica;
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    public MoveClaims(@ConfigProperty(name = "edgemec.instance-name", defaultValue = "mec-app-lcm") String instance) {
        this.replica = instance + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String replica() {
        return replica;
    }

    /** Marks a move as worked on here; false when this replica already works on it (the caller must not). */
    public boolean enter(String moveId) {
        return active.add(moveId);
    }

    public void leave(String moveId) {
        active.remove(moveId);
    }

    public Set<String> active() {
        return Set.copyOf(active);
    }
}
