package org.edgemec.edgeclient;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CookieJarTest {

    @Test
    void shouldSendCookiesOfTheOriginHostAndDropExpiredOnes() {
        CookieJar jar = new CookieJar();
        jar.accept("app.test", "session=abc; Path=/; HttpOnly; Secure");
        jar.accept("app.test", "theme=dark");
        jar.accept("other.test", "x=1");
        assertEquals(Optional.of("session=abc; theme=dark"), jar.header("app.test"));
        jar.accept("app.test", "session=; Max-Age=0");
        assertEquals(Optional.of("theme=dark"), jar.header("app.test"));
    }
}
