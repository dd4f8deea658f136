package org.edgemec.platform.proxy.domain;

import java.util.Optional;

/** A proxy of the installation that clients can be assigned or handed over to. */
public record ProxyRef(String name, String authority, Optional<String> zone, Optional<LocalProxy.Position> position,
                       Optional<String> controlUrl, boolean local) {

    /** The RFC 7838 Alt-Svc field value naming this proxy as alternative for {@code maxAgeSeconds}. */
    public String altSvc(long maxAgeSeconds) {
        return "h2=\"" + authority + "\"; ma=" + maxAgeSeconds;
    }
}
