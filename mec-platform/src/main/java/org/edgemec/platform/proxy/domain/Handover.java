package org.edgemec.platform.proxy.domain;

import java.time.OffsetDateTime;

/** A handover of a client from a source proxy to a target proxy (seed 000), as recorded at the source. */
public record Handover(String id, String clientId, String sourceProxy, String targetProxy, State state,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public enum State {
        /** target holds a copy, source advertises the target; waiting for the client's first request there */
        PENDING,
        /** the client reached the target; the source's state is gone */
        FINALIZED,
        /** cancelled by the operator; the source advertises itself again */
        CANCELLED,
        /** replaced by a newer handover of the same client */
        SUPERSEDED
    }
}
