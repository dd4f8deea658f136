package org.edgemec.applcm.domain.relocate;

/** AUTO: the move commits by itself once the target runs. MANUAL: it waits in AWAITING_COMMIT for commit or rollback. */
public enum CommitMode { AUTO, MANUAL }
