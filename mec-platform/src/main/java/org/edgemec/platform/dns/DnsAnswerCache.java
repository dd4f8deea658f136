package org.edgemec.platform.dns;

import org.edgemec.platform.domain.rules.ActiveDnsRules;
import org.edgemec.platform.persistence.changes.GenerationCache;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The records of each queried name (also "none"), kept until one of the tables the answer is made of changes: the
 * DNS server answers a known name on the event loop without asking the database. {@link #preload} fills it with
 * every name that has records, read in one go, so that a name is not first read on its own when it is queried.
 */
public final class DnsAnswerCache implements NonBlockingDnsRules {

    /** What a DNS answer is made of: rules, relocation steerings and app instance endpoints. */
    public static final String[] TABLES = {"dns_rule", "steering", "steering_name", "app_instance"};

    private final ActiveDnsRules source;
    private final GenerationCache<List<DnsRecord>> records;
    private final LongSupplier generation;

    public DnsAnswerCache(ActiveDnsRules source, long maximumNames, LongSupplier generation) {
        this.source = source;
        this.records = new GenerationCache<>(maximumNames, generation);
        this.generation = generation;
    }

    /**
     * Blocking: reads every name's records from the source and keeps them for the generation current before the
     * read (a change during it makes them stale, and its own preload follows).
     *
     * @return how many names were stored
     */
    public int preload() {
        long before = generation.getAsLong();
        Map<String, List<DnsRecord>> all = source.findAll();
        records.putAll(before, all);
        return all.size();
    }

    @Override
    public List<DnsRecord> find(String domainName) {
        return records.get(domainName, () -> List.copyOf(source.find(domainName)));
    }

    @Override
    public List<DnsRecord> findInMemory(String domainName) {
        return records.getIfFresh(domainName);
    }
}
