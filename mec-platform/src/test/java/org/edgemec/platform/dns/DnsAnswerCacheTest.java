package org.edgemec.platform.dns;

import org.edgemec.platform.domain.rules.ActiveDnsRules;
import org.edgemec.platform.domain.rules.ActiveDnsRules.DnsRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DnsAnswerCacheTest {

    private static final DnsRecord A = new DnsRecord("r1", "app", "a.mec", ActiveDnsRules.IpVersion.IP_V4,
            "10.0.0.1", 60);

    /** A source whose bulk read can move the generation while it runs (a change committed meanwhile). */
    private static final class Source implements ActiveDnsRules {
        final AtomicLong generation = new AtomicLong();
        final AtomicInteger singleReads = new AtomicInteger();
        boolean changeDuringBulkRead;

        @Override
        public List<DnsRecord> find(String domainName) {
            singleReads.incrementAndGet();
            return domainName.equals("a.mec") ? List.of(A) : List.of();
        }

        @Override
        public Map<String, List<DnsRecord>> findAll() {
            if (changeDuringBulkRead) {
                generation.incrementAndGet();
            }
            return Map.of("a.mec", List.of(A));
        }
    }

    @Test
    void shouldServePreloadedNamesFromMemoryWithoutReadingThemOneByOne() {
        Source source = new Source();
        DnsAnswerCache cache = new DnsAnswerCache(source, 100, source.generation::get);
        assertNull(cache.findInMemory("a.mec"));
        assertEquals(1, cache.preload());
        assertEquals(List.of(A), cache.findInMemory("a.mec"));
        assertEquals(List.of(A), cache.find("a.mec"));
        assertEquals(0, source.singleReads.get());
    }

    @Test
    void shouldNeverServeWhatWasPreloadedBeforeALaterChange() {
        Source source = new Source();
        DnsAnswerCache cache = new DnsAnswerCache(source, 100, source.generation::get);
        source.changeDuringBulkRead = true;
        cache.preload();
        assertNull(cache.findInMemory("a.mec"), "read under the old generation: stale");
        source.changeDuringBulkRead = false;
        cache.preload();
        assertEquals(List.of(A), cache.findInMemory("a.mec"));
        source.generation.incrementAndGet();
        assertNull(cache.findInMemory("a.mec"));
    }
}
