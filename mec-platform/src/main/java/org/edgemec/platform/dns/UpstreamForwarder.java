package org.edgemec.platform.dns;

import org.jboss.logging.Logger;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/** Sends names without a DnsRule to the configured resolver; its failure becomes SERVFAIL for the client. */
public final class UpstreamForwarder {

    private static final Logger LOG = Logger.getLogger(UpstreamForwarder.class);

    private final InetSocketAddress address;
    private final SimpleResolver udp;
    private final SimpleResolver tcp;

    public UpstreamForwarder(InetSocketAddress address, Duration timeout) {
        this.address = address;
        this.udp = resolver(address, timeout, false);
        this.tcp = resolver(address, timeout, true);
    }

    /** @param hostPort {@code host:port}, {@code [v6]:port} or a host alone (port 53) */
    public static InetSocketAddress parse(String hostPort) {
        String value = hostPort.trim();
        int colon = value.lastIndexOf(':');
        boolean hasPort = colon > 0 && (value.indexOf(':') == colon || value.charAt(colon - 1) == ']');
        String host = hasPort ? value.substring(0, colon) : value;
        int port = 53;
        if (hasPort) {
            try {
                port = Integer.parseInt(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("edgemec.dns.upstream: port of '" + hostPort + "' is not a number");
            }
        }
        if (host.isEmpty() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("edgemec.dns.upstream: '" + hostPort + "' is not host:port");
        }
        return new InetSocketAddress(host.replace("[", "").replace("]", ""), port);
    }

    public InetSocketAddress address() {
        return address;
    }

    /** Blocking: call on a worker thread. */
    public Message forward(Message query, boolean overTcp) {
        try {
            Message response = (overTcp ? tcp : udp).send(query);
            response.getHeader().setID(query.getHeader().getID());
            if (query.getOPT() == null) {
                // the resolver adds EDNS on its own; a client that did not ask for it must not get it back
                OPTRecord opt = response.getOPT();
                if (opt != null) {
                    response.removeRecord(opt, Section.ADDITIONAL);
                }
            }
            return response;
        } catch (IOException | RuntimeException e) {
            LOG.debugf("upstream %s failed for %s: %s", address, query.getQuestion(), e.toString());
            Message failure = DnsRuleAnswerer.emptyResponse(query);
            failure.addRecord(query.getQuestion(), Section.QUESTION);
            failure.getHeader().setFlag(Flags.RA);
            failure.getHeader().setRcode(Rcode.SERVFAIL);
            return failure;
        }
    }

    private static SimpleResolver resolver(InetSocketAddress address, Duration timeout, boolean tcp) {
        SimpleResolver resolver = new SimpleResolver(address);
        resolver.setTimeout(timeout);
        resolver.setTCP(tcp);
        return resolver;
    }
}
