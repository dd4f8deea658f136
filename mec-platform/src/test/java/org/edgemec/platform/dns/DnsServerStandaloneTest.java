package org.edgemec.platform.dns;

import io.vertx.core.Vertx;
import org.edgemec.platform.domain.rules.ActiveDnsRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DNS server classes on their own Vert.x, without the application: behaviour that needs another wiring. */
class DnsServerStandaloneTest {

    private final Vertx vertx = Vertx.vertx();
    private final InMemoryDnsRules rules = new InMemoryDnsRules();
    private DnsServer server;

    @BeforeEach
    void noServerYet() {
        server = null;
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldAnswerAuthoritativeNxdomainWhenNoUpstreamIsConfigured() throws Exception {
        DnsProbe dns = start(rules, null);

        Message response = dns.udp("nobody.edge.mec", Type.A);

        assertEquals(Rcode.NXDOMAIN, response.getRcode());
        assertTrue(response.getHeader().getFlag(Flags.AA));
    }

    @Test
    void shouldListenOnOnePortForUdpAndTcpWhenPortIsZero() throws Exception {
        rules.active("r1", "both.edge.mec", "10.0.0.1", 5);
        DnsProbe dns = start(rules, null);

        assertTrue(server.listening());
        assertEquals(1, dns.udp("both.edge.mec", Type.A).getSection(Section.ANSWER).size());
        assertEquals(1, dns.tcp("both.edge.mec", Type.A).getSection(Section.ANSWER).size());
    }

    @Test
    void shouldAnswerEveryQueryWhenSeveralArriveOnOneTcpConnection() throws Exception {
        rules.active("p1", "one.edge.mec", "10.0.1.1", 5);
        rules.active("p2", "two.edge.mec", "10.0.1.2", 5);
        DnsProbe dns = start(rules, null);
        Message first = Message.newQuery(Record.newRecord(DnsProbe.name("one.edge.mec"), Type.A, DClass.IN));
        Message second = Message.newQuery(Record.newRecord(DnsProbe.name("two.edge.mec"), Type.A, DClass.IN));
        first.getHeader().setID(1);
        second.getHeader().setID(2);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(5000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            for (Message query : List.of(first, second)) {
                byte[] wire = query.toWire();
                out.writeShort(wire.length);
                out.write(wire);
            }
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            Map<Integer, String> answers = new HashMap<>();
            for (int i = 0; i < 2; i++) {
                byte[] wire = new byte[in.readUnsignedShort()];
                in.readFully(wire);
                Message response = new Message(wire);
                answers.put(response.getHeader().getID(), response.getSection(Section.ANSWER).get(0).rdataToString());
            }
            assertEquals(Map.of(1, "10.0.1.1", 2, "10.0.1.2"), answers);
        }
    }

    @Test
    void shouldAnswerNotImplementedWhenOpcodeIsNotQuery() throws Exception {
        DnsProbe dns = start(rules, null);
        Message update = Message.newQuery(Record.newRecord(DnsProbe.name("x.edge.mec"), Type.A, DClass.IN));
        update.getHeader().setOpcode(Opcode.UPDATE);

        assertEquals(Rcode.NOTIMP, dns.send(update, false).getRcode());
    }

    @Test
    void shouldAnswerServfailWhenRuleSourceFails() throws Exception {
        DnsProbe dns = start(name -> {
            throw new IllegalStateException("database down");
        }, null);

        assertEquals(Rcode.SERVFAIL, dns.udp("x.edge.mec", Type.A).getRcode());
    }

    @Test
    void shouldAnswerServfailWhenUpstreamDoesNotAnswer() throws Exception {
        // a bound socket that never reads: the forwarded query times out
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            DnsProbe dns = start(rules, new UpstreamForwarder(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), silent.getLocalPort()), Duration.ofMillis(300)));

            assertEquals(Rcode.SERVFAIL, dns.udp("x.edge.mec", Type.A).getRcode());
        }
    }

    @Test
    void shouldSkipRecordWhenRuleAddressIsNotOfItsIpVersion() throws Exception {
        rules.put("bad", "mixed.edge.mec", ActiveDnsRules.IpVersion.IP_V4, "2001:db8::1", 5, true);
        rules.active("good", "mixed.edge.mec", "10.0.0.2", 5);
        DnsProbe dns = start(rules, null);

        List<Record> answers = dns.udp("mixed.edge.mec", Type.A).getSection(Section.ANSWER);

        assertEquals(1, answers.size());
        assertEquals("10.0.0.2", answers.get(0).rdataToString());
    }

    @Test
    void shouldFailToStartWhenPortIsTaken() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            DnsServer blocked = new DnsServer(vertx, "127.0.0.1", taken.getLocalPort(),
                    new DnsPacketHandler(new DnsRuleAnswerer(rules, null)));

            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> blocked.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));

            assertTrue(String.valueOf(failure.getCause().getMessage()).contains("in use"), failure.toString());
            assertFalse(blocked.listening());
            assertEquals(-1, blocked.port());
        }
    }

    @Test
    void shouldParseUpstreamHostAndPort() {
        assertEquals(new InetSocketAddress("127.0.0.1", 5353), UpstreamForwarder.parse("127.0.0.1:5353"));
        assertEquals(new InetSocketAddress("::1", 53), UpstreamForwarder.parse("[::1]:53"));
        assertEquals(new InetSocketAddress("127.0.0.1", 53), UpstreamForwarder.parse("127.0.0.1"));
    }

    private DnsProbe start(ActiveDnsRules source, UpstreamForwarder upstream) throws Exception {
        server = new DnsServer(vertx, "127.0.0.1", 0, new DnsPacketHandler(new DnsRuleAnswerer(source, upstream)));
        int port = server.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return new DnsProbe(port);
    }
}
