package org.edgemec.platform.proxy.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Requests for {@code serviceHosts} wait at this platform's proxies (an app instance is frozen for a relocation):
 * each at most {@code maxWait}, at most {@code maxRequests} at a time; the hold ends by itself at {@code expiresAt}
 * (3 x maxWait after it was put) if nobody releases it.
 */
public record Hold(String id, List<String> serviceHosts, Duration maxWait, int maxRequests, OffsetDateTime createdAt,
                   OffsetDateTime expiresAt) {

    public Hold {
        serviceHosts = List.copyOf(serviceHosts);
    }

    public boolean inForce(OffsetDateTime now) {
        return expiresAt.isAfter(now);
    }
}
