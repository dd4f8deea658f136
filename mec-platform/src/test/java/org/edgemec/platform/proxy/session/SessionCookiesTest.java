package org.edgemec.platform.proxy.session;

import org.edgemec.common.error.ForbiddenException;
import org.edgemec.common.error.UnauthorizedException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SessionCookiesTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private final SessionCookies cookies = new SessionCookies(KEY, Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldReturnClientIdWhenCookieValid() {
        assertEquals("drone.1/ü", cookies.verify(cookies.issue("drone.1/ü")));
    }

    @Test
    void shouldRejectCookieSignedWithAnotherKey() {
        SessionCookies other = new SessionCookies("another-key-another-key-another!".getBytes(StandardCharsets.US_ASCII),
                Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThrows(ForbiddenException.class, () -> cookies.verify(other.issue("drone-1")));
    }

    @Test
    void shouldRejectCookieWhoseClientIdWasChanged() {
        String[] parts = cookies.issue("drone-1").split("\\.");
        String tampered = cookies.issue("drone-2").split("\\.")[0] + "." + parts[1] + "." + parts[2];
        assertThrows(ForbiddenException.class, () -> cookies.verify(tampered));
    }

    @Test
    void shouldRejectExpiredCookieWith401() {
        SessionCookies later = new SessionCookies(KEY, Duration.ofHours(1),
                Clock.fixed(NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC));
        assertThrows(UnauthorizedException.class, () -> later.verify(cookies.issue("drone-1")));
    }

    @Test
    void shouldRejectMissingAndMalformedCookies() {
        assertThrows(UnauthorizedException.class, () -> cookies.verify(null));
        assertThrows(ForbiddenException.class, () -> cookies.verify("abc"));
        assertThrows(ForbiddenException.class, () -> cookies.verify("a.notanumber.c"));
    }
}
