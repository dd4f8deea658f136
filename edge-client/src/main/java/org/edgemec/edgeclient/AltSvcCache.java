package org.edgemec.edgeclient;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Alternative services per origin (RFC 7838 section 2.2): a new Alt-Svc for an origin replaces what was cached for it,
 * {@code clear} removes it, entries expire after their {@code ma}, and an alternative that failed is dropped.
 */
public final class AltSvcCache {

    /** An origin: scheme, host and port of the URI the application asked for. */
    public record Origin(String scheme, String host, int port) {
    }

    /** A usable alternative: where to connect instead of the origin. */
    public record Entry(String protocolId, String host, int port, Instant expires) {
    }

    private final Clock clock;
    private final Set<String> protocols;
    private final Map<Origin, List<Entry>> entries = new ConcurrentHashMap<>();

    /** @param protocols the ALPN protocol ids this client can speak to an alternative (e.g. h2, http/1.1) */
    public AltSvcCache(Clock clock, Set<String> protocols) {
        this.clock = clock;
        this.protocols = Set.copyOf(protocols);
    }

    /** Applies an Alt-Svc field value received in a response for {@code origin}. */
    public void update(Origin origin, String fieldValue) {
        AltSvc altSvc = AltSvc.parse(fieldValue);
        if (altSvc.clear()) {
            entries.remove(origin);
            return;
        }
        List<Entry> usable = new ArrayList<>();
        Instant now = clock.instant();
        for (AltSvc.Alternative a : altSvc.alternatives()) {
            if (protocols.contains(a.protocolId()) && a.maxAgeSeconds() > 0) {
                String host = a.host().isEmpty() ? origin.host() : a.host();
                usable.add(new Entry(a.protocolId(), host, a.port(), now.plusSeconds(a.maxAgeSeconds())));
            }
        }
        if (!altSvc.alternatives().isEmpty()) {
            if (usable.isEmpty()) {
                entries.remove(origin);
            } else {
                entries.put(origin, List.copyOf(usable));
            }
        }
    }

    /** The alternative to use for {@code origin} now, if any (the first one the server listed). */
    public Optional<Entry> lookup(Origin origin) {
        List<Entry> list = entries.get(origin);
        if (list == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return list.stream().filter(e -> e.expires().isAfter(now)).findFirst();
    }

    /** Forgets an alternative that failed, so the next request goes to the origin (RFC 7838 section 2.4). */
    public void remove(Origin origin, Entry failed) {
        entries.computeIfPresent(origin, (o, list) -> {
            List<Entry> rest = list.stream().filter(e -> !e.equals(failed)).toList();
            return rest.isEmpty() ? null : rest;
        });
    }
}
