package org.edgemec.platform.dns;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Set;

/** The real DNS server over the in-memory rule table, forwarding unknown names to a test upstream. */
public class DnsTestProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(InMemoryDnsRules.class);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(UpstreamDnsResource.class));
    }
}
