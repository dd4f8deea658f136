package org.edgemec.relocation.adapters.lcm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.edgemec.common.error.ServiceUnavailableException;
import org.edgemec.mp1api.provisioning.AppEndpoint;
import org.edgemec.relocation.domain.adjacent.PlacedAppInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Unit test of the LCM/platform client alone, against a scripted HTTP server; the query against the real mec-app-lcm
 * and mec-platform is proved by journey-tests/.
 */
class HttpAppInstanceDirectoryTest {

    private HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private final List<String> auth = new CopyOnWriteArrayList<>();
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            auth.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            String body = answers.get(exchange.getRequestURI().getPath());
            byte[] out = (body == null ? "{\"status\":404}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldPlaceInstantiatedInstancesOnTheirHostsWithThePlatformsEndpoints() {
        answers.put("/app_lcm/v1/app_instances", """
                [{"id":"i1","appDId":"web","instantiationState":"INSTANTIATED",
                  "instantiatedAppState":{"mcioInfo":[{"mcioNamespace":"edge1"}]}},
                 {"id":"i2","appDId":"web","instantiationState":"INSTANTIATED",
                  "instantiatedAppState":{"mcioInfo":[{"mcioNamespace":"edge2"}]}},
                 {"id":"i3","appDId":"web","instantiationState":"NOT_INSTANTIATED"}]""");
        answers.put("/app_lcm_ext/v1/mec_hosts", """
                [{"name":"edge1","platformUrl":"%s/p1"},{"name":"edge2","platformUrl":"%s/p2"}]"""
                .formatted(base, base));
        answers.put("/p1/mec_platform_mgmt/v1/app_instances",
                "[{\"appInstanceId\":\"i1\",\"endpoint\":{\"host\":\"10.88.0.5\",\"port\":8080}}]");
        // edge2's platform does not answer: i2 keeps its place, without an endpoint

        List<PlacedAppInstance> placed = new HttpAppInstanceDirectory(new ObjectMapper(), base, "op").instantiated();
        assertEquals(2, placed.size(), placed.toString());
        assertEquals(new PlacedAppInstance("i1", "web", "edge1",
                java.util.Optional.of(new AppEndpoint("10.88.0.5", 8080))), placed.get(0));
        assertEquals("edge2", placed.get(1).hostName());
        assertTrue(placed.get(1).endpoint().isEmpty());
        assertTrue(auth.contains("/p1/mec_platform_mgmt/v1/app_instances Bearer op"), auth.toString());
    }

    @Test
    void shouldAnswer503WhenTheLcmDoesNotAnswer() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpAppInstanceDirectory dead = new HttpAppInstanceDirectory(new ObjectMapper(), "http://127.0.0.1:" + port,
                "op");
        ServiceUnavailableException e = assertThrows(ServiceUnavailableException.class, dead::instantiated);
        assertTrue(e.getMessage().contains("did not answer"), e.getMessage());
    }
}
