package org.edgemec.platform.dns;

import org.edgemec.platform.domain.rules.ActiveDnsRules;
import org.edgemec.platform.domain.rules.ActiveDnsRules.DnsRecord;
import org.edgemec.platform.domain.rules.ActiveDnsRules.IpVersion;
import org.jboss.logging.Logger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Answers one parsed query from the ACTIVE DnsRules: A/AAAA records for a name with rules (authoritative), NODATA
 * for other types of such a name, and for any other name NXDOMAIN or the upstream's answer. The rule source is asked
 * on every query, so a rule change is visible on the next one. {@link #answerInMemory} answers on the event loop when
 * the source holds the name in memory ({@link NonBlockingDnsRules}) and no upstream must be asked.
 */
public final class DnsRuleAnswerer {

    private static final Logger LOG = Logger.getLogger(DnsRuleAnswerer.class);
    /** EDNS payload size this server announces. */
    static final int EDNS_PAYLOAD = 4096;
    private static final long MAX_TTL = 0x7FFFFFFFL;

    private final ActiveDnsRules rules;
    private final UpstreamForwarder upstream;

    /** @param upstream where names without a rule go; null answers them NXDOMAIN */
    public DnsRuleAnswerer(ActiveDnsRules rules, UpstreamForwarder upstream) {
        this.rules = rules;
        this.upstream = upstream;
    }

    public Message answer(Message query, boolean tcp) {
        return answer(query, tcp, false);
    }

    /** The answer when it needs neither a blocking rule lookup nor the upstream, else null. */
    public Message answerInMemory(Message query) {
        return answer(query, false, true);
    }

    private Message answer(Message query, boolean tcp, boolean inMemoryOnly) {
        Message response = emptyResponse(query);
        if (query.getHeader().getOpcode() != Opcode.QUERY) {
            return withRcode(response, Rcode.NOTIMP);
        }
        Record question = query.getQuestion();
        if (question == null || query.getHeader().getCount(Section.QUESTION) != 1) {
            return withRcode(response, Rcode.FORMERR);
        }
        response.addRecord(question, Section.QUESTION);
        if (question.getType() == Type.AXFR || question.getType() == Type.IXFR
                || (question.getDClass() != DClass.IN && question.getDClass() != DClass.ANY)) {
            return withRcode(response, Rcode.REFUSED);
        }
        List<DnsRecord> records;
        String name = question.getName().toString(true).toLowerCase(Locale.ROOT);
        try {
            if (inMemoryOnly) {
                records = rules instanceof NonBlockingDnsRules memory ? memory.findInMemory(name) : null;
                if (records == null || (records.isEmpty() && upstream != null)) {
                    return null;
                }
            } else {
                records = rules.find(name);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "DNS rule lookup failed for %s", question.getName());
            return withRcode(response, Rcode.SERVFAIL);
        }
        if (records.isEmpty()) {
            return upstream != null ? upstream.forward(query, tcp) : authoritative(withRcode(response, Rcode.NXDOMAIN));
        }
        addAnswers(response, question, records);
        return authoritative(response);
    }

    /** A response carrying the query's id, opcode and RD flag, and an OPT record when the query had one. */
    static Message emptyResponse(Message query) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setOpcode(query.getHeader().getOpcode());
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        if (query.getOPT() != null) {
            response.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0), Section.ADDITIONAL);
        }
        return response;
    }

    private static Message withRcode(Message response, int rcode) {
        response.getHeader().setRcode(rcode);
        return response;
    }

    private static Message authoritative(Message response) {
        response.getHeader().setFlag(Flags.AA);
        return response;
    }

    private static void addAnswers(Message response, Record question, List<DnsRecord> records) {
        int type = question.getType();
        for (DnsRecord record : records) {
            boolean v4 = record.ipVersion() == IpVersion.IP_V4;
            if (type == Type.ANY || (v4 && type == Type.A) || (!v4 && type == Type.AAAA)) {
                Record answer = toRecord(question.getName(), record, v4);
                if (answer != null) {
                    response.addRecord(answer, Section.ANSWER);
                }
            }
        }
    }

    private static Record toRecord(Name name, DnsRecord record, boolean v4) {
        long ttl = Math.max(0, Math.min(MAX_TTL, record.ttlSeconds()));
        try {
            // a literal only: never a lookup
            InetAddress address = Address.getByAddress(record.ipAddress(), v4 ? Address.IPv4 : Address.IPv6);
            return v4 ? new ARecord(name, DClass.IN, ttl, address) : new AAAARecord(name, DClass.IN, ttl, address);
        } catch (UnknownHostException | IllegalArgumentException e) {
            LOG.warnf("DnsRule %s: ipAddress '%s' is not an %s address; not answered", record.dnsRuleId(),
                    record.ipAddress(), record.ipVersion());
            return null;
        }
    }
}
