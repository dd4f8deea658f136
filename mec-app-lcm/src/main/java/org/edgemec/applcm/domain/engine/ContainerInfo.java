package org.edgemec.applcm.domain.engine;

/** A snapshot of one container as the engine reports it. */
public record ContainerInfo(String id, String name, String image, String imageId, ContainerState state,
        Integer exitCode) {

    public boolean running() {
        return state == ContainerState.RUNNING;
    }
}
