package org.edgemec.applcm.domain.engine;

import java.util.Locale;

/** Container states common to Docker and Podman ("stopped" and "configured" are Podman's words). */
public enum ContainerState {
    CREATED, RUNNING, PAUSED, RESTARTING, EXITED, REMOVING, DEAD, UNKNOWN;

    public static ContainerState parse(String status) {
        if (status == null) {
            return UNKNOWN;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "created", "configured", "initialized" -> CREATED;
            case "running" -> RUNNING;
            case "paused" -> PAUSED;
            case "restarting" -> RESTARTING;
            case "exited", "stopped", "stopping" -> EXITED;
            case "removing" -> REMOVING;
            case "dead" -> DEAD;
            default -> UNKNOWN;
        };
    }
}
