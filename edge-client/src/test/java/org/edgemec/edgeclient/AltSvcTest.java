package org.edgemec.edgeclient;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AltSvcTest {

    @Test
    void shouldParseAlternativesWithParameters() {
        AltSvc a = AltSvc.parse("h2=\"proxy-b.example:8443\"; ma=60, h3=\":443\"; ma=3600; persist=1");
        assertEquals(List.of(new AltSvc.Alternative("h2", "proxy-b.example", 8443, 60, false),
                new AltSvc.Alternative("h3", "", 443, 3600, true)), a.alternatives());
    }

    @Test
    void shouldDefaultMaxAgeTo24Hours() {
        assertEquals(86_400, AltSvc.parse("h2=\"b:1\"").alternatives().get(0).maxAgeSeconds());
    }

    @Test
    void shouldRecogniseClear() {
        assertTrue(AltSvc.parse(" clear ").clear());
    }

    @Test
    void shouldDecodePercentEncodedProtocolIdAndIpv6Hosts() {
        AltSvc a = AltSvc.parse("http%2F1.1=\"[::1]:8080\"");
        assertEquals(new AltSvc.Alternative("http/1.1", "::1", 8080, 86_400, false), a.alternatives().get(0));
    }

    @Test
    void shouldSkipMalformedAlternativesOnly() {
        AltSvc a = AltSvc.parse("h2=\"nohost\", h2=\"x:99999\", h2=\"ok:1\"; ma=abc, h2=\"good:2\"");
        assertEquals(List.of(new AltSvc.Alternative("h2", "good", 2, 86_400, false)), a.alternatives());
    }

    @Test
    void shouldKeepCommasInsideQuotes() {
        AltSvc a = AltSvc.parse("h2=\"a:1\"; note=\"x, y\", h2=\"b:2\"");
        assertEquals(2, a.alternatives().size());
    }
}
