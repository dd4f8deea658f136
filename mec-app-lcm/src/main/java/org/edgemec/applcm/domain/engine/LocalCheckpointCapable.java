package org.edgemec.applcm.domain.engine;

/**
 * An engine that checkpoints a container in place under a name and later restarts the same
 * container from it (Docker's experimental checkpoint API). The checkpoint stays on the engine's
 * host; nothing is exported.
 */
public interface LocalCheckpointCapable {

    /** Checkpoints the container; with {@code exit} the container is stopped afterwards. */
    void checkpointInPlace(String container, String checkpointName, boolean exit);

    /** Starts the (stopped) container from the named checkpoint. */
    void restoreInPlace(String container, String checkpointName);

    /** Deletes a checkpoint; a no-op when it does not exist. */
    void deleteCheckpoint(String container, String checkpointName);
}
