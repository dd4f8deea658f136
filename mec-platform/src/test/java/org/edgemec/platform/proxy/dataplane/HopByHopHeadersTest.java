package org.edgemec.platform.proxy.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class HopByHopHeadersTest {

    @Test
    void shouldDropHopByHopFieldsAndThoseConnectionNamesButKeepTheRest() {
        MultiMap h = MultiMap.caseInsensitiveMultiMap()
                .add("Connection", "close, X-Backend-Secret")
                .add("Keep-Alive", "timeout=5")
                .add("X-Backend-Secret", "1")
                .add("Upgrade", "h2c")
                .add("Content-Type", "text/html")
                .add("ETag", "\"1\"");
        ForwardingInterceptor.removeHopByHop(h);
        assertFalse(h.contains("connection"));
        assertFalse(h.contains("keep-alive"));
        assertFalse(h.contains("x-backend-secret"));
        assertFalse(h.contains("upgrade"));
        assertEquals("text/html", h.get("content-type"));
        assertEquals("\"1\"", h.get("etag"));
    }
}
