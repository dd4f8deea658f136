package org.edgemec.relocation.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.edgemec.relocation.adapters.http.ServiceClient;
import org.edgemec.relocation.adapters.lcm.HttpMecSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Unit test of the dashboard's reading of mec-app-lcm and the platforms, against a scripted HTTP server; the real
 * services are read by journey-tests/ (DashboardJourney).
 */
class DashboardSourcesTest {

    private HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private DashboardSources sources;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String uri = exchange.getRequestURI().toString();
            asked.add(uri + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            String path = exchange.getRequestURI().getPath();
            String body = answers.get(path);
            byte[] out = (body == null ? "{\"status\":503,\"detail\":\"down\"}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 503 : 200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        ServiceClient client = new ServiceClient(new ObjectMapper(), () -> "op");
        sources = new DashboardSources(new HttpMecSystem(client, base), client);
        answers.put("/app_lcm_ext/v1/mec_hosts", """
                [{"name":"edge1","zone":"zone-a","platformUrl":"%s/p1"},{"name":"edge2","platformUrl":"%s/p2/"}]"""
                .formatted(base, base));
        answers.put("/app_lcm/v1/app_instances", """
                [{"id":"i1","appDId":"web","instantiationState":"INSTANTIATED",
                  "instantiatedAppState":{"operationalState":"STARTED","mcioInfo":[{"mcioNamespace":"edge1"}]}},
                 {"id":"i2","appDId":"web","instantiationState":"NOT_INSTANTIATED"}]""");
        answers.put("/p1/edge_proxy/v1/proxies", """
                [{"name":"edge1","authority":"127.0.0.1:18443","zone":"zone-a","local":true},
                 {"name":"edge2","authority":"127.0.0.1:18444","local":false}]""");
        answers.put("/p1/edge_proxy/v1/proxies/edge1/clients",
                "[{\"clientId\":\"drone-1\",\"forwarding\":{\"web.mec.example\":\"10.0.0.5:8080\"}}]");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void transactions(String json) {
        answers.put("/p1/edge_proxy/v1/transactions", json);
    }

    private static String tx(long seq, long time, int status) {
        return "{\"seq\":%d,\"time\":%d,\"proxy\":\"edge1\",\"serviceHost\":\"web.mec.example\",\"appInstanceId\":\"i1\","
                .formatted(seq, time) + "\"clientId\":\"drone-1\",\"status\":%d,\"durationMs\":7,\"servedBy\":\"10.0.0.5:8080\"}"
                .formatted(status);
    }

    @Test
    void shouldShowHostsInstancesProxyClientsAndReportADownPlatformWithoutFailing() {
        transactions("[" + tx(1, 1000, 200) + "]");
        DashboardSources.Reading r = sources.read(500);

        assertEquals(List.of("edge1", "edge2"), r.hosts().stream().map(DashboardSnapshot.Host::name).toList());
        DashboardSnapshot.Host edge1 = r.hosts().get(0);
        assertTrue(edge1.platformUp());
        assertEquals(List.of(new DashboardSnapshot.Instance("i1", "web", true)), edge1.instances());
        assertEquals(1, edge1.proxies().size(), "only the proxies running on the platform: " + edge1.proxies());
        assertEquals("drone-1", edge1.proxies().get(0).clients().get(0).path("clientId").asText());
        DashboardSnapshot.Host edge2 = r.hosts().get(1);
        assertFalse(edge2.platformUp());
        assertTrue(edge2.instances().isEmpty());
        DashboardSnapshot.Source down = r.sources().stream().filter(s -> s.name().equals("edge2 mec-platform"))
                .findFirst().orElseThrow();
        assertFalse(down.up());
        assertTrue(down.error().contains("503"), down.error());
        assertEquals(1, r.newTransactions().size());
        assertEquals(new DashboardSnapshot.Transaction("edge1", 1, 1000, 7, 200, "edge1", "web.mec.example", "i1",
                "drone-1", "10.0.0.5:8080"), r.newTransactions().get(0));
        assertTrue(asked.contains("/p1/edge_proxy/v1/transactions?since=500 Bearer op"), asked.toString());
    }

    @Test
    void shouldReadEachTransactionOnceAndAgainFromOneAfterAPlatformRestart() {
        transactions("[" + tx(1, 1000, 200) + "," + tx(2, 1100, 502) + "]");
        assertEquals(2, sources.read(0).newTransactions().size());
        transactions("[" + tx(1, 1000, 200) + "," + tx(2, 1100, 502) + "," + tx(3, 1200, 200) + "]");
        List<DashboardSnapshot.Transaction> next = sources.read(0).newTransactions();
        assertEquals(List.of(3L), next.stream().map(DashboardSnapshot.Transaction::seq).toList());
        // the overlap: from a little before the last one seen
        assertTrue(asked.stream().anyMatch(a -> a.startsWith("/p1/edge_proxy/v1/transactions?since=0 ")), asked.toString());
        transactions("[]");
        assertTrue(sources.read(0).newTransactions().isEmpty());
        // restarted: numbering from 1 again, later times
        transactions("[" + tx(1, 5000, 200) + "]");
        assertEquals(List.of(5000L), sources.read(0).newTransactions().stream()
                .map(DashboardSnapshot.Transaction::time).toList());
    }

    @Test
    void shouldReportTheLcmDownAndNoHosts() {
        answers.remove("/app_lcm_ext/v1/mec_hosts");
        DashboardSources.Reading r = sources.read(0);
        assertTrue(r.hosts().isEmpty());
        assertEquals(1, r.sources().size());
        assertFalse(r.sources().get(0).up());
        assertEquals("mec-app-lcm", r.sources().get(0).name());
    }
}
