package org.edgemec.applcm.domain.relocate;

/**
 * COLD: stop the source, start a fresh container on the target (state lost, the baseline). STOP_AND_COPY: CRIU
 * checkpoint stops the source, the archive streams to the target, restore there (state kept). KEEP_RUNNING: the
 * source keeps serving while it is dumped and restored, then it is removed (changes after the dump are lost).
 */
public enum RelocationMode { COLD, STOP_AND_COPY, KEEP_RUNNING }
