package org.edgemec.platform.dns;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test double of the rule SOURCE (the DNS server under test is real): a mutable rule table with ACTIVE and INACTIVE
 * rules. Names are normalised when stored, and {@link #find} matches the asked name exactly, so a test also proves
 * that the server asks in canonical form (lower case, no trailing dot). Enabled only by {@link DnsTestProfile}. A map
 * is never blocking, so the server answers every query on the event loop from it, and uses no cache in front of it.
 */
@Alternative
@ApplicationScoped
public class InMemoryDnsRules implements NonBlockingDnsRules {

    private record Rule(DnsRecord record, boolean active) {
    }

    private final Map<String, Rule> rules = new ConcurrentHashMap<>();

    public void put(String ruleId, String domainName, IpVersion version, String ip, long ttl, boolean active) {
        rules.put(ruleId, new Rule(new DnsRecord(ruleId, "app-" + ruleId, normalise(domainName), version, ip, ttl),
                active));
    }

    public void active(String ruleId, String domainName, String ipv4, long ttl) {
        put(ruleId, domainName, IpVersion.IP_V4, ipv4, ttl, true);
    }

    public void remove(String ruleId) {
        rules.remove(ruleId);
    }

    @Override
    public List<DnsRecord> find(String domainName) {
        return rules.values().stream()
                .filter(rule -> rule.active() && rule.record().domainName().equals(domainName))
                .map(Rule::record)
                .toList();
    }

    @Override
    public List<DnsRecord> findInMemory(String domainName) {
        return find(domainName);
    }

    private static String normalise(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
