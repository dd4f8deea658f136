package org.edgemec.applcm.domain.relocate;

/**
 * COLD: stop the source, create a fresh container on the target with the source's environment, labels and limits
 * (state lost, the baseline). STOP_AND_COPY: CRIU checkpoint freezes the source (kept for a rollback), the archive
 * streams to the target, restore there (state kept). KEEP_RUNNING: the source keeps serving while it is dumped and
 * restored, so two copies run until commit or rollback (the one exception to "never two running copies"); the commit
 * removes the source, so its changes after the dump are lost.
 */
public enum RelocationMode { COLD, STOP_AND_COPY, KEEP_RUNNING }
