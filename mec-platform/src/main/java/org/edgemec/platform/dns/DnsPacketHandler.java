package org.edgemec.platform.dns;

import org.jboss.logging.Logger;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

import java.io.IOException;
import java.util.Arrays;

/**
 * Wire level of the DNS server: parses a packet, lets {@link DnsRuleAnswerer} answer it and renders the response
 * within the size the transport allows (512 bytes over UDP without EDNS, the client's EDNS size otherwise, with the
 * TC bit when it does not fit). Malformed packets get FORMERR when their header is readable and are dropped
 * otherwise; responses are never answered, so two servers cannot loop.
 */
public final class DnsPacketHandler {

    private static final Logger LOG = Logger.getLogger(DnsPacketHandler.class);
    static final int UDP_PLAIN_LIMIT = 512;
    static final int TCP_LIMIT = 65535;

    private final DnsRuleAnswerer answerer;

    public DnsPacketHandler(DnsRuleAnswerer answerer) {
        this.answerer = answerer;
    }

    /** Returned by {@link #handleInMemory} when the query needs a worker thread: then call {@link #handle}. */
    public static final byte[] NEEDS_WORKER = new byte[0];

    /**
     * Blocking (the rule source may read a database): call on a worker thread.
     *
     * @return the response in wire format, or null when nothing must be sent back
     */
    public byte[] handle(byte[] packet, boolean tcp, Object client) {
        return handle(packet, tcp, client, false);
    }

    /**
     * Non-blocking, for the event loop: the response when the rule source holds the name in memory,
     * {@link #NEEDS_WORKER} otherwise (also for names that go upstream), null when nothing must be sent back.
     */
    public byte[] handleInMemory(byte[] packet, boolean tcp, Object client) {
        return handle(packet, tcp, client, true);
    }

    private byte[] handle(byte[] packet, boolean tcp, Object client, boolean inMemoryOnly) {
        Message query;
        try {
            query = new Message(packet);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("malformed DNS packet (%d bytes) from %s: %s", packet.length, client, e.getMessage());
            return formatError(packet);
        }
        if (query.getHeader().getFlag(Flags.QR)) {
            return null;
        }
        Message response = inMemoryOnly ? answerer.answerInMemory(query) : answerer.answer(query, tcp);
        if (response == null) {
            return NEEDS_WORKER;
        }
        if (LOG.isDebugEnabled()) {
            LOG.debugf("%s %s from %s -> %s, %d answer(s)", tcp ? "TCP" : "UDP", query.getQuestion(), client,
                    Rcode.string(response.getRcode()), response.getHeader().getCount(Section.ANSWER));
        }
        return response.toWire(tcp ? TCP_LIMIT : udpLimit(query));
    }

    /** The largest UDP response this query's sender accepts. */
    static int udpLimit(Message query) {
        OPTRecord opt = query.getOPT();
        if (opt == null) {
            return UDP_PLAIN_LIMIT;
        }
        return Math.max(UDP_PLAIN_LIMIT, Math.min(opt.getPayloadSize(), DnsRuleAnswerer.EDNS_PAYLOAD));
    }

    private static byte[] formatError(byte[] packet) {
        if (packet.length < Header.LENGTH) {
            return null;
        }
        try {
            Header header = new Header(Arrays.copyOf(packet, Header.LENGTH));
            if (header.getFlag(Flags.QR)) {
                return null;
            }
            Message response = new Message(header.getID());
            response.getHeader().setFlag(Flags.QR);
            response.getHeader().setOpcode(header.getOpcode());
            response.getHeader().setRcode(Rcode.FORMERR);
            return response.toWire();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
