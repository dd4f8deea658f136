package org.edgemec.platform.dns;

import org.edgemec.platform.domain.rules.ActiveDnsRules;

import java.util.List;

/** A rule source that can say, without blocking, whether it holds a name's answer in memory. */
public interface NonBlockingDnsRules extends ActiveDnsRules {

    /** The records of the name when they are in memory and current, else null: then {@link #find} must be asked. */
    List<DnsRecord> findInMemory(String domainName);
}
