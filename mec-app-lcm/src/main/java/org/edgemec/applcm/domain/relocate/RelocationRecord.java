package org.edgemec.applcm.domain.relocate;

/**
 * What a checkpoint/restore move did and how long each part took (milliseconds). The archive streams from source
 * to target engine, so {@code checkpointMs} is freeze + dump (until the source engine starts sending) and
 * {@code transferRestoreMs} is transfer + restore, which overlap. {@code imageCopyMs} is 0 when the target had the image.
 */
public record RelocationRecord(String appInstanceId, RelocationMode mode, String sourceHost, String targetHost,
        String sourceContainer, String targetContainerId, boolean imageCopied, long imageCopyMs, long checkpointMs,
        long transferRestoreMs, long totalMs, long archiveBytes, String provisioning) {
}
