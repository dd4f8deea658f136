package org.edgemec.edgeclient;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AltSvcCacheTest {

    private static final AltSvcCache.Origin ORIGIN = new AltSvcCache.Origin("https", "app.test", 443);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AltSvcCache cache = new AltSvcCache(clock, Set.of("h2"));

    @Test
    void shouldUseNewestAdvertisementForAnOrigin() {
        cache.update(ORIGIN, "h2=\"a:1\"");
        cache.update(ORIGIN, "h2=\"b:2\"");
        assertEquals("b", cache.lookup(ORIGIN).orElseThrow().host());
    }

    @Test
    void shouldExpireAfterMaxAge() {
        cache.update(ORIGIN, "h2=\"a:1\"; ma=10");
        clock.advance(Duration.ofSeconds(9));
        assertTrue(cache.lookup(ORIGIN).isPresent());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(Optional.empty(), cache.lookup(ORIGIN));
    }

    @Test
    void shouldForgetOnClearAndOnFailure() {
        cache.update(ORIGIN, "h2=\"a:1\"");
        cache.update(ORIGIN, "clear");
        assertEquals(Optional.empty(), cache.lookup(ORIGIN));
        cache.update(ORIGIN, "h2=\"a:1\", h2=\"b:2\"");
        cache.remove(ORIGIN, cache.lookup(ORIGIN).orElseThrow());
        assertEquals("b", cache.lookup(ORIGIN).orElseThrow().host());
    }

    @Test
    void shouldIgnoreProtocolsItCannotSpeakAndUseOriginHostForEmptyHost() {
        cache.update(ORIGIN, "h3=\"a:1\", h2=\":8443\"");
        AltSvcCache.Entry e = cache.lookup(ORIGIN).orElseThrow();
        assertEquals("app.test", e.host());
        assertEquals(8443, e.port());
    }

    @Test
    void shouldKeepOriginsApart() {
        cache.update(ORIGIN, "h2=\"a:1\"");
        assertEquals(Optional.empty(), cache.lookup(new AltSvcCache.Origin("https", "app.test", 8443)));
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
