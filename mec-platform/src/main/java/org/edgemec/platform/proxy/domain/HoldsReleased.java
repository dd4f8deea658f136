package org.edgemec.platform.proxy.domain;

import java.util.Set;

/** Fired (synchronously, after the change is committed) when these service hosts may no longer be held. */
public record HoldsReleased(Set<String> serviceHosts) {
}
