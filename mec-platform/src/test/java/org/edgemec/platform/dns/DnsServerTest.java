package org.edgemec.platform.dns;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.edgemec.platform.domain.rules.ActiveDnsRules.IpVersion;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The running application's DNS server, queried over the wire by dnsjava (UDP and TCP) and dig. */
@QuarkusTest
@TestProfile(DnsTestProfile.class)
@QuarkusTestResource(RealInfrastructureResource.class)
class DnsServerTest {

    @Inject
    InMemoryDnsRules rules;
    @Inject
    DnsServerLifecycle server;

    private DnsProbe dns;
    private String name;

    @BeforeEach
    void probe() {
        dns = new DnsProbe(server.address().getPort());
        name = "app-" + UUID.randomUUID().toString().substring(0, 8) + ".edge.mec";
    }

    @Test
    void shouldAnswerAWithRuleTtlWhenRuleIsActive() {
        rules.active(id(), name, "10.1.2.3", 300);

        Message response = dns.udp(name, Type.A);

        assertEquals(Rcode.NOERROR, response.getRcode());
        assertTrue(response.getHeader().getFlag(Flags.AA), "authoritative answer");
        List<Record> answers = response.getSection(Section.ANSWER);
        assertEquals(1, answers.size());
        assertEquals("10.1.2.3", ((ARecord) answers.get(0)).getAddress().getHostAddress());
        assertEquals(300, answers.get(0).getTTL());
    }

    @Test
    void shouldAnswerAaaaWhenRuleIsIpV6() {
        rules.put(id(), name, IpVersion.IP_V6, "2001:db8::7", 60, true);

        List<Record> answers = dns.udp(name, Type.AAAA).getSection(Section.ANSWER);

        assertEquals(1, answers.size());
        assertEquals("2001:db8:0:0:0:0:0:7", ((AAAARecord) answers.get(0)).getAddress().getHostAddress());
        assertEquals(60, answers.get(0).getTTL());
        assertTrue(dns.udp(name, Type.A).getSection(Section.ANSWER).isEmpty(), "no A for an IPv6-only name");
    }

    @Test
    void shouldAnswerOverTcpWhenClientUsesTcp() {
        rules.active(id(), name, "10.9.9.9", 30);

        Message response = dns.tcp(name, Type.A);

        assertEquals(Rcode.NOERROR, response.getRcode());
        assertEquals(Set.of("10.9.9.9"), addresses(response));
    }

    @Test
    void shouldAnswerWhenQueryDiffersInCaseOrTrailingDot() {
        rules.active(id(), name.toUpperCase() + ".", "10.4.4.4", 30);

        assertEquals(Set.of("10.4.4.4"), addresses(dns.udp(name, Type.A)));
        assertEquals(Set.of("10.4.4.4"), addresses(dns.udp(name.toUpperCase() + ".", Type.A)));
        assertEquals(Set.of("10.4.4.4"), addresses(dns.udp("aPp" + name.substring(3), Type.A)));
    }

    @Test
    void shouldNotAnswerWhenRuleIsInactive() {
        rules.put(id(), name, IpVersion.IP_V4, "10.5.5.5", 30, false);

        Message response = dns.udp(name, Type.A);

        assertEquals(Rcode.NXDOMAIN, response.getRcode());
        assertTrue(response.getSection(Section.ANSWER).isEmpty());
    }

    @Test
    void shouldAnswerNewAddressOnNextQueryWhenRuleChanges() {
        String ruleId = id();
        rules.active(ruleId, name, "10.6.0.1", 30);
        assertEquals(Set.of("10.6.0.1"), addresses(dns.udp(name, Type.A)));

        rules.active(ruleId, name, "10.6.0.2", 30);
        assertEquals(Set.of("10.6.0.2"), addresses(dns.udp(name, Type.A)));

        rules.put(ruleId, name, IpVersion.IP_V4, "10.6.0.2", 30, false);
        assertEquals(Rcode.NXDOMAIN, dns.udp(name, Type.A).getRcode());

        rules.active(ruleId, name, "10.6.0.3", 30);
        assertEquals(Set.of("10.6.0.3"), addresses(dns.udp(name, Type.A)));
    }

    @Test
    void shouldAnswerNodataWhenNameHasRulesButNotOfThatType() {
        rules.active(id(), name, "10.7.7.7", 30);

        Message response = dns.udp(name, Type.MX);

        assertEquals(Rcode.NOERROR, response.getRcode());
        assertTrue(response.getHeader().getFlag(Flags.AA));
        assertTrue(response.getSection(Section.ANSWER).isEmpty());
        assertTrue(dns.udp(name, Type.AAAA).getSection(Section.ANSWER).isEmpty());
    }

    @Test
    void shouldAnswerEveryAddressWhenTypeIsAny() {
        rules.active(id(), name, "10.8.0.1", 30);
        rules.active(id(), name, "10.8.0.2", 30);
        rules.put(id(), name, IpVersion.IP_V6, "2001:db8::8", 30, true);

        Message response = dns.tcp(name, Type.ANY);

        assertEquals(Set.of("10.8.0.1", "10.8.0.2", "2001:db8:0:0:0:0:0:8"), addresses(response));
    }

    @Test
    void shouldForwardToUpstreamWhenNoRuleNamesTheName() {
        for (Message response : List.of(dns.udp(TinyUpstreamDns.NAME, Type.A), dns.tcp(TinyUpstreamDns.NAME, Type.A))) {
            assertEquals(Rcode.NOERROR, response.getRcode());
            assertEquals(Set.of(TinyUpstreamDns.ADDRESS), addresses(response));
            assertEquals(TinyUpstreamDns.TTL, response.getSection(Section.ANSWER).get(0).getTTL());
            assertFalse(response.getHeader().getFlag(Flags.AA), "a forwarded answer is not authoritative");
        }
    }

    @Test
    void shouldAnswerNxdomainWhenNeitherRulesNorUpstreamKnowTheName() {
        Message response = dns.udp(name, Type.A);

        assertEquals(Rcode.NXDOMAIN, response.getRcode());
        assertTrue(response.getSection(Section.ANSWER).isEmpty());
    }

    @Test
    void shouldKeepAnsweringWhenPacketsAreMalformed() throws Exception {
        rules.active(id(), name, "10.10.10.10", 30);
        Message query = Message.newQuery(Record.newRecord(DnsProbe.name(name), Type.A, org.xbill.DNS.DClass.IN));

        // too short for a header: dropped; the first reply on the socket is the valid query's
        Message first = new Message(dns.rawUdp(new byte[]{1, 2, 3, 4, 5}, query.toWire()));
        assertEquals(query.getHeader().getID(), first.getHeader().getID());
        assertEquals(Set.of("10.10.10.10"), addresses(first));

        // a readable header with a broken question: FORMERR for that id
        byte[] broken = {0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x07, 'b', 'r'};
        Message formerr = new Message(dns.rawUdp(broken));
        assertEquals(0x1234, formerr.getHeader().getID());
        assertEquals(Rcode.FORMERR, formerr.getRcode());

        assertEquals(Set.of("10.10.10.10"), addresses(dns.tcp(name, Type.A)));
    }

    @Test
    void shouldTruncateUdpAnswerOver512BytesWhenClientHasNoEdns() throws Exception {
        for (int i = 1; i <= 40; i++) {
            rules.active(id(), name, "10.11.0." + i, 30);
        }
        Message plain = Message.newQuery(Record.newRecord(DnsProbe.name(name), Type.A, org.xbill.DNS.DClass.IN));

        byte[] udp = dns.rawUdp(plain.toWire());
        Message truncated = new Message(udp);

        assertTrue(udp.length <= 512, "UDP answer without EDNS is " + udp.length + " bytes");
        assertTrue(truncated.getHeader().getFlag(Flags.TC), "TC bit");
        assertEquals(40, addresses(dns.tcp(name, Type.A)).size(), "TCP carries every record");
    }

    @Test
    void shouldAnswerDigOverUdpAndTcp() {
        rules.active(id(), name, "10.12.0.1", 120);
        rules.put(id(), name, IpVersion.IP_V6, "2001:db8::12", 120, true);

        assertEquals("10.12.0.1", dns.dig(name, "A", "+short"));
        assertEquals("2001:db8::12", dns.dig(name, "AAAA", "+short"));
        assertEquals("10.12.0.1", dns.dig(name, "A", "+short", "+tcp"));
        assertTrue(dns.dig(name, "A", "+noall", "+answer").matches("(?i)" + name + "\\.\\s+120\\s+IN\\s+A\\s+10\\.12\\.0\\.1"));
        assertTrue(dns.dig("unknown-" + name, "A").contains("status: NXDOMAIN"));
        assertTrue(dns.dig(TinyUpstreamDns.NAME, "A", "+short").equals(TinyUpstreamDns.ADDRESS));
    }

    @Test
    void shouldReportListenerInReadinessHealth() {
        String listen = "127.0.0.1:" + server.address().getPort();
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'dns' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'dns' }.data.udp", org.hamcrest.Matchers.equalTo(listen))
                .body("checks.name", hasItem("dns"));
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static Set<String> addresses(Message response) {
        return response.getSection(Section.ANSWER).stream()
                .map(r -> r instanceof ARecord a ? a.getAddress().getHostAddress()
                        : ((AAAARecord) r).getAddress().getHostAddress())
                .collect(Collectors.toSet());
    }
}
