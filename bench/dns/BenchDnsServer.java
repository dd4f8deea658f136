import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.edgemec.platform.dns.DnsPacketHandler;
import org.edgemec.platform.dns.DnsRuleAnswerer;
import org.edgemec.platform.dns.DnsServer;
import org.edgemec.platform.dns.NonBlockingDnsRules;
import org.edgemec.platform.domain.rules.ActiveDnsRules;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DNS servers for bench/dns/run.sh, both over the same in-memory table of N names {@code host-NNNNN.bench.mec}:
 * <ul>
 *   <li>{@code edgemec}: the mec-platform DNS server classes (Vert.x UDP/TCP listeners, event loop for names in memory,
 *       DnsPacketHandler, DnsRuleAnswerer) with a map as the ActiveDnsRules source;</li>
 *   <li>{@code loop}: the baseline, one thread in a blocking receive/parse/answer/send loop on dnsjava.</li>
 * </ul>
 * Usage: {@code BenchDnsServer edgemec|loop PORT NAMES}
 */
public final class BenchDnsServer {

    static final long TTL = 60;

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int port = Integer.parseInt(args[1]);
        Map<String, List<ActiveDnsRules.DnsRecord>> table = table(Integer.parseInt(args[2]));
        if (mode.equals("edgemec")) {
            NonBlockingDnsRules rules = new NonBlockingDnsRules() {
                @Override
                public List<DnsRecord> find(String name) {
                    return table.getOrDefault(name, List.of());
                }

                @Override
                public List<DnsRecord> findInMemory(String name) {
                    return find(name);
                }
            };
            Vertx vertx = Vertx.vertx(new VertxOptions());
            DnsServer server = new DnsServer(vertx, "127.0.0.1", port,
                    new DnsPacketHandler(new DnsRuleAnswerer(rules, null)));
            server.start().toCompletionStage().toCompletableFuture().get();
            System.out.println("READY edgemec " + port);
        } else {
            System.out.println("READY loop " + port);
            loop(port, table);
        }
    }

    static String name(int i) {
        return String.format(Locale.ROOT, "host-%05d.bench.mec", i);
    }

    static String address(int i) {
        return "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
    }

    private static Map<String, List<ActiveDnsRules.DnsRecord>> table(int names) {
        Map<String, List<ActiveDnsRules.DnsRecord>> table = new HashMap<>();
        for (int i = 0; i < names; i++) {
            table.put(name(i), List.of(new ActiveDnsRules.DnsRecord("rule-" + i, "app-" + i, name(i),
                    ActiveDnsRules.IpVersion.IP_V4, address(i), TTL)));
        }
        return table;
    }

    private static void loop(int port, Map<String, List<ActiveDnsRules.DnsRecord>> table) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            socket.setReceiveBufferSize(1 << 20);
            byte[] buffer = new byte[4096];
            while (true) {
                DatagramPacket in = new DatagramPacket(buffer, buffer.length);
                socket.receive(in);
                Message query = new Message(java.util.Arrays.copyOf(in.getData(), in.getLength()));
                Message response = new Message(query.getHeader().getID());
                response.getHeader().setFlag(Flags.QR);
                response.getHeader().setFlag(Flags.AA);
                Record question = query.getQuestion();
                response.addRecord(question, Section.QUESTION);
                List<ActiveDnsRules.DnsRecord> records =
                        table.get(question.getName().toString(true).toLowerCase(Locale.ROOT));
                if (records == null) {
                    response.getHeader().setRcode(Rcode.NXDOMAIN);
                } else {
                    for (ActiveDnsRules.DnsRecord r : records) {
                        response.addRecord(new ARecord(question.getName(), DClass.IN, r.ttlSeconds(),
                                InetAddress.getByName(r.ipAddress())), Section.ANSWER);
                    }
                }
                byte[] out = response.toWire(512);
                socket.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
            }
        }
    }
}
