package org.edgemec.platform.proxy.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A handover of a client from a source proxy to a target proxy (seed 000), as recorded at the source.
 *
 * @param forwarding    service host -> backend rewritten in the target's copy (empty: the copy forwards as the source)
 * @param rewriteSource whether {@code forwarding} was applied to the source's state too
 * @param failure       why a {@code FAILED} or {@code TIMED_OUT} handover ended
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Handover(String id, String clientId, String sourceProxy, String targetProxy, State state,
                       Map<String, String> forwarding, boolean rewriteSource, String failure,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public enum State {
        /** recorded; the copy of the client's state is being installed at the target (outside any transaction) */
        PREPARING,
        /** target holds a copy, source advertises the target; waiting for the client's first request there */
        PENDING,
        /** the client reached the target; the source's state is gone */
        FINALIZED,
        /** cancelled by the operator; the source advertises itself again */
        CANCELLED,
        /** replaced by a newer handover of the same client */
        SUPERSEDED,
        /** the copy could not be installed at the target (peer down, refused, too slow); the source is unchanged */
        FAILED,
        /** the client did not reach the target within edgemec.proxy.handover-timeout; the source serves it on */
        TIMED_OUT
    }
}
