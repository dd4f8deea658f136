package org.edgemec.applcm.domain.engine;

/**
 * What a restore from an archive produced: the new container's id and, when the engine reports them, CRIU's own
 * restore statistics in microseconds ({@code criuRestoreUs}: CRIU's restore_time, {@code criuForkingUs}: its
 * forking_time; null when not reported).
 */
public record Restored(String containerId, Long criuRestoreUs, Long criuForkingUs) {

    public static Restored of(String containerId) {
        return new Restored(containerId, null, null);
    }
}
