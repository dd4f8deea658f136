package org.edgemec.applcm.adapters.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.edgemec.applcm.domain.provision.ProvisioningFailedException;
import org.edgemec.mp1api.Json;
import org.edgemec.mp1api.provisioning.AppEndpoint;
import org.edgemec.mp1api.provisioning.AppInstanceCredentials;
import org.edgemec.mp1api.provisioning.AppInstanceProvisioning;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Unit test of the provisioning client alone against a scripted HTTP server: what it sends, how it reads the
 * platform's answers. That provisioning works against the real mec-platform is proved by journey-tests/.
 */
class HttpPlatformProvisioningTest {

    record Answer(int status, String body) {
    }

    private HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpPlatformProvisioning client;
    private URI url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            Answer a = script.isEmpty() ? new Answer(500, "") : script.poll();
            byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", a.status() >= 400 ? "application/problem+json"
                    : "application/json");
            exchange.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
            exchange.close();
        });
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        client = new HttpPlatformProvisioning(Json.newMapper(), "op-token");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static AppInstanceProvisioning body() {
        return new AppInstanceProvisioning("inst-1", "appd-1", "httpd", "acme", "1.0", null, null, null, null, null);
    }

    private static String credentials() {
        return "{\"appInstanceId\":\"inst-1\",\"clientId\":\"c1\",\"clientSecret\":\"s1\","
                + "\"tokenEndpoint\":\"http://p/mec_platform_mgmt/v1/oauth/token\"}";
    }

    @Test
    void shouldPostWithOperatorTokenAndReturnTheCredentials() {
        script.add(new Answer(201, credentials()));
        AppInstanceCredentials c = client.provision(url, body());
        assertEquals("c1", c.clientId());
        assertEquals("s1", c.clientSecret());
        assertTrue(received.get(0).startsWith("POST /mec_platform_mgmt/v1/app_instances Bearer op-token {"),
                received.get(0));
        assertTrue(received.get(0).contains("\"appInstanceId\":\"inst-1\""), received.get(0));
    }

    @Test
    void shouldReplaceAnEarlierProvisioningToGetFreshCredentials() {
        script.add(new Answer(409, "{\"status\":409,\"detail\":\"exists\"}"));
        script.add(new Answer(204, ""));
        script.add(new Answer(201, credentials()));
        assertEquals("c1", client.provision(url, body()).clientId());
        assertEquals(3, received.size());
        assertTrue(received.get(1).startsWith("DELETE /mec_platform_mgmt/v1/app_instances/inst-1?graceful=false"),
                received.get(1));
        assertTrue(received.get(2).startsWith("POST "), received.get(2));
    }

    @Test
    void shouldCarryThePlatformsProblemDetailsWhenItRefuses() {
        script.add(new Answer(400, "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"endpoint.port: must not be null\",\"instance\":\"/mec_platform_mgmt/v1/app_instances\"}"));
        ProvisioningFailedException e = assertThrows(ProvisioningFailedException.class,
                () -> client.provision(url, body()));
        assertInstanceOf(ProvisioningFailedException.Rejected.class, e, "4xx is not retried");
        assertEquals(400L, e.problem().status());
        assertEquals("endpoint.port: must not be null", e.problem().detail());
        assertEquals("Bad Request", e.problem().title());
        assertTrue(e.getMessage().contains("answered 400: endpoint.port: must not be null"), e.getMessage());
    }

    @Test
    void shouldKeepAnAnswerThatIsNoProblemDetailsAsTheDetail() {
        script.add(new Answer(502, "upstream broke"));
        ProvisioningFailedException e = assertThrows(ProvisioningFailedException.class,
                () -> client.updateEndpoint(url, "inst-1", new AppEndpoint("10.88.0.5", 8080)));
        assertEquals(502L, e.problem().status());
        assertEquals("upstream broke", e.problem().detail());
        assertTrue(received.get(0).startsWith("PUT /mec_platform_mgmt/v1/app_instances/inst-1/endpoint Bearer op-token "
                + "{\"host\":\"10.88.0.5\",\"port\":8080}"), received.get(0));
    }

    @Test
    void shouldTreatAnUnknownInstanceAsDeprovisioned() {
        script.add(new Answer(404, "{\"status\":404,\"detail\":\"not provisioned\"}"));
        client.deprovision(url, "inst-1", true);
        assertTrue(received.get(0).startsWith("DELETE /mec_platform_mgmt/v1/app_instances/inst-1?graceful=true"));
    }

    @Test
    void shouldAnswer503NamingThePlatformWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI dead = URI.create("http://127.0.0.1:" + port);
        ProvisioningFailedException e = assertThrows(ProvisioningFailedException.class,
                () -> client.provision(dead, body()));
        assertEquals(503L, e.problem().status());
        assertTrue(e.problem().detail().contains(dead.toString()), e.problem().detail());
    }

    @Test
    void shouldTellTheSourceWhereTheInstanceMovedAndReadItsIdentityForTheTarget() {
        script.add(new Answer(204, ""));
        client.deprovisionMoved(url, "inst-1", URI.create("http://127.0.0.1:18083"));
        assertTrue(received.get(0).startsWith("DELETE /mec_platform_mgmt/v1/app_instances/inst-1?graceful=false"
                + "&movedTo=http%3A%2F%2F127.0.0.1%3A18083 Bearer op-token"), received.get(0));

        script.add(new Answer(200, "{\"clientId\": \"c-1\", \"clientSecretHash\": \"h\", \"tokenKeys\": "
                + "[{\"issuer\": \"edgemec-platform-edge1\", \"publicKey\": \"AAAA\"}]}"));
        var handoff = client.credentialHandoff(url, "inst-1").orElseThrow();
        assertEquals("c-1", handoff.clientId());
        assertEquals("edgemec-platform-edge1", handoff.tokenKeys().get(0).issuer());
        assertTrue(received.get(1).startsWith("GET /mec_platform_mgmt/v1/app_instances/inst-1/credential_handoff"),
                received.get(1));

        // a platform that does not know the instance: no identity to hand over
        script.add(new Answer(404, "{\"status\": 404}"));
        assertTrue(client.credentialHandoff(url, "inst-1").isEmpty());
    }
}
