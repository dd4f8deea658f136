package org.edgemec.platform.proxy.domain;

import java.util.Collection;
import java.util.Optional;

/** A proxy instance running in this JVM, as the domain sees it. */
public interface LocalProxy {

    String name();

    /** {@code host:port} of its HTTPS listener, the alt-authority of Alt-Svc headers naming it. */
    String authority();

    Optional<String> zone();

    Optional<Position> position();

    /** Makes the proxy's certificate valid for these origin host names too (RFC 7838 section 2.1). */
    void ensureCertificateNames(Collection<String> hostNames);

    /** Forgets the cached state of a client (it changed in the database). */
    void invalidate(String clientId);

    record Position(double latitude, double longitude) {
    }
}
