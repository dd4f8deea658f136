package org.edgemec.platform.proxy.domain;

import org.edgemec.common.error.MecException;

/**
 * A call to the control API of a peer platform failed. {@link #status()} is the answer this platform gives for it:
 * 503 the peer is unreachable, 504 it did not answer in time, 502 it answered with an error (or nonsense).
 */
public class PeerCallException extends MecException {

    private final int status;
    private final String peer;

    public PeerCallException(int status, String peer, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.peer = peer;
    }

    public int status() {
        return status;
    }

    /** The name of the peer proxy whose platform failed. */
    public String peer() {
        return peer;
    }

    @Override
    public String title() {
        return switch (status) {
            case 503 -> "Peer platform unavailable";
            case 504 -> "Peer platform timeout";
            default -> "Bad answer from peer platform";
        };
    }
}
