package org.edgemec.platform.domain.rules;

import java.util.List;
import java.util.Map;

/**
 * The DNS view of the Mp1 DnsRules of the applications on this host: what the DNS server may answer. Only ACTIVE
 * rules are returned; a change made over Mp1 is visible to the next call.
 */
public interface ActiveDnsRules {

    /**
     * @param domainName a fully qualified name, case-insensitive, with or without the trailing dot
     * @return the records of the ACTIVE rules for that name, empty when no ACTIVE rule names it
     */
    List<DnsRecord> find(String domainName);

    /**
     * Every name that has records now, each with what {@link #find} answers for it; names without records are absent.
     * For sources that can read them all at once (the DNS server keeps them in memory); the default has none.
     */
    default Map<String, List<DnsRecord>> findAll() {
        return Map.of();
    }

    /** One answer: an A (IP_V4) or AAAA (IP_V6) record with the rule's TTL in seconds. */
    record DnsRecord(String dnsRuleId, String appInstanceId, String domainName, IpVersion ipVersion,
                     String ipAddress, long ttlSeconds) {
    }

    enum IpVersion {
        IP_V4, IP_V6
    }
}
