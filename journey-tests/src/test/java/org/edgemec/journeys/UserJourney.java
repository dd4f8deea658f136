package org.edgemec.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The paths a user walks on the stack of {@code ./mec up} (the same processes, ports and configuration, engines
 * included), with the clients a user has: the HTTP APIs, the engine CLI, dig and curl. One journey, in order: a step
 * needs the ones before it, so after a failure the rest are skipped (the failure prints what the user would see).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(JourneyReport.class)
class UserJourney {

    static final String PAGE_TEXT = "edgemec httpd test app";
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final Packages.Package COUNTER = Packages.of("counter", "localhost/edgemec/counter:latest", RUN);
    static final Packages.Package HTTPD = Packages.of("httpd", "localhost/edgemec/httpd:latest", RUN);
    static final Packages.Package REFUSED = Packages.of("refused", "localhost/edgemec/counter:latest", RUN);

    static final Map<String, String> ids = new HashMap<>();
    static final JourneySteps STEPS = new JourneySteps();
    static Path work;

    @BeforeAll
    static void stackIsUp() throws IOException {
        for (String url : List.of(Stack.LCM, Stack.EDGE1, Stack.EDGE2)) {
            Http.get(url + "/q/health/ready", null).expect(200);
        }
        work = Files.createTempDirectory("edgemec-journey-");
    }

    /** Whatever a failed run left: its instances terminated and deleted, so that the host's capacity comes back. */
    @AfterAll
    static void cleanUp() {
        for (String key : List.of(COUNTER.appDId(), HTTPD.appDId(), REFUSED.appDId(), "httpd-edge2")) {
            Operator.removeInstance(ids.get(key));
        }
        for (Packages.Package p : List.of(COUNTER, HTTPD, REFUSED)) {
            Operator.removePackage(p.appDId());
        }
    }

    @BeforeEach
    void notBroken(TestInfo step) {
        STEPS.begin(step);
    }

    // ---- operator: onboard and instantiate ------------------------------------------------------------------------

    @Test
    @Order(10)
    void operatorOnboardsCounterOnV2AndHttpdOnV3Paths() throws Exception {
        STEPS.run(() -> {
            JsonNode counter = Operator.onboardV2(COUNTER);
            assertEquals(COUNTER.appDId(), counter.path("appDId").asText());
            assertEquals("ENABLED", counter.path("operationalState").asText());
            JsonNode httpd = Operator.onboardV3(HTTPD);
            assertEquals(HTTPD.appDId(), httpd.path("appDId").asText());
            assertEquals("ENABLED", httpd.path("operationalState").asText());
        });
    }

    @Test
    @Order(20)
    void operatorInstantiatesBothOnEdge1AndTheyAreProvisionedThere() throws Exception {
        STEPS.run(() -> {
            for (Packages.Package p : List.of(COUNTER, HTTPD)) {
                String id = Operator.createInstance(p.appDId(), p.appDId());
                ids.put(p.appDId(), id);
                JsonNode op = Operator.instantiate(id, "edge1", "COMPLETED");
                JsonNode inst = Operator.instance(id);
                assertEquals("INSTANTIATED", inst.path("instantiationState").asText());
                assertEquals("edge1", inst.at("/instantiatedAppState/mcioInfo/0/mcioNamespace").asText());
                assertTrue(steps(op).stream().anyMatch(s -> s.startsWith("mec-platform " + Stack.EDGE1
                        + " provisioned")), "op occ steps: " + steps(op));
            }
            JsonNode provisioned = Http.get(Stack.EDGE1 + "/mec_platform_mgmt/v1/app_instances", Stack.OPERATOR)
                    .expect(200).json();
            JsonNode counter = byInstance(provisioned, ids.get(COUNTER.appDId()));
            JsonNode httpd = byInstance(provisioned, ids.get(HTTPD.appDId()));
            assertEquals(COUNTER.dnsName(), counter.at("/appDNSRule/0/domainName").asText());
            assertEquals(address(ids.get(COUNTER.appDId())), counter.at("/endpoint/host").asText());
            assertTrue(counter.at("/endpoint/port").isMissingNode(), "the counter declares no port: " + counter);
            assertEquals(HTTPD.dnsName(), httpd.at("/appDNSRule/0/domainName").asText());
            assertEquals("tr-http", httpd.at("/appTrafficRule/0/trafficRuleId").asText());
            assertEquals(address(ids.get(HTTPD.appDId())), httpd.at("/endpoint/host").asText());
            assertEquals(8080, httpd.at("/endpoint/port").asInt(), "port from the image's EXPOSE: " + httpd);
            assertTrue(Http.get(Stack.EDGE2 + "/mec_platform_mgmt/v1/app_instances/" + ids.get(HTTPD.appDId()),
                    Stack.OPERATOR).status() == 404, "provisioned on edge1 only");
        });
    }

    @Test
    @Order(30)
    void aPlatformRefusalEndsFailedTempWithThePlatformsAnswer() throws Exception {
        STEPS.run(() -> {
            Operator.onboardV2(REFUSED);
            String id = Operator.createInstance(REFUSED.appDId(), REFUSED.appDId());
            ids.put(REFUSED.appDId(), id);
            JsonNode op = Operator.instantiate(id, "edge1", "FAILED_TEMP");
            JsonNode error = op.path("error");
            assertEquals(400, error.path("status").asInt(), "op occ error: " + error);
            assertTrue(error.path("detail").asText().contains("appDNSRule[0].ipAddress"), "op occ error: " + error);
            assertEquals(404, Http.get(Stack.EDGE1 + "/mec_platform_mgmt/v1/app_instances/" + id, Stack.OPERATOR)
                    .status(), "nothing left on the platform");
            assertEquals("", Cli.run(Stack.podman("edge1"), "ps", "-a", "-q", "--filter",
                    "label=edgemec.app-instance-id=" + id).out().strip(), "no container left");
            String opId = op.path("id").asText();
            String logLine = Operator.until(() -> Stack.logTail("mec-app-lcm", 400).stream()
                    .filter(l -> l.contains(opId) && l.contains("FAILED_TEMP")).findFirst().orElse(null),
                    l -> l != null, "the LCM log line of the failure");
            assertTrue(logLine.contains("400") && logLine.contains("appDNSRule[0].ipAddress"), logLine);
            Http.post(Stack.LCM + "/app_lcm/v1/app_lcm_op_occs/" + opId + "/fail", null, Map.of()).expect(200);
            Http.delete(Stack.LCM + "/app_lcm/v1/app_instances/" + id, null).expect(204);
            ids.remove(REFUSED.appDId());
        });
    }

    // ---- app: Mp1 --------------------------------------------------------------------------------------------------

    @Test
    @Order(40)
    void appObtainsItsTokenRegistersPublishesAServiceAndReadsItsRules() throws Exception {
        STEPS.run(() -> {
            String id = ids.get(HTTPD.appDId());
            Map<String, String> env = containerEnv("edge1", container(id));
            assertEquals(id, env.get("MEC_APP_INSTANCE_ID"));
            assertEquals(Stack.EDGE1, env.get("MEC_PLATFORM_URL"));
            String basic = Base64.getEncoder().encodeToString((env.get("MEC_OAUTH_CLIENT_ID") + ":"
                    + env.get("MEC_OAUTH_CLIENT_SECRET")).getBytes());
            JsonNode token = Http.send("POST", env.get("MEC_OAUTH_TOKEN_URL"), "Basic " + basic,
                    "application/x-www-form-urlencoded", "grant_type=client_credentials".getBytes()).expect(200).json();
            String bearer = "Bearer " + token.path("access_token").asText();
            ids.put("bearer", bearer);

            Http.post(Stack.EDGE1 + "/mec_app_support/v2/registrations", bearer, Map.of("appName", "httpd",
                    "appProvider", "edgemec", "appDId", HTTPD.appDId(), "appInstanceId", id,
                    "endpoint", Map.of("addresses", List.of(Map.of("host", address(id), "port", 8080)))))
                    .expect(201);
            String serName = "journey-web-" + RUN;
            JsonNode service = Http.post(Stack.EDGE1 + "/mec_service_mgmt/v1/applications/" + id + "/services",
                    bearer, Map.of("serName", serName, "serCategory", Map.of("href", "http://example.com/cat/web",
                            "id", "web", "name", "web", "version", "1"), "version", "1.0", "state", "ACTIVE",
                            "transportId", "rest-http-oauth2", "serializer", "JSON")).expect(201).json();
            assertNotNull(service.path("serInstanceId").asText(null), service.toString());
            JsonNode found = Http.get(Stack.EDGE1 + "/mec_service_mgmt/v1/services?ser_name=" + serName, bearer)
                    .expect(200).json();
            assertEquals(1, found.size(), found.toString());

            JsonNode dns = Http.get(Stack.EDGE1 + "/mec_app_support/v2/applications/" + id + "/dns_rules", bearer)
                    .expect(200).json();
            assertEquals(HTTPD.dnsName(), dns.path(0).path("domainName").asText(), dns.toString());
            assertEquals("ACTIVE", dns.path(0).path("state").asText());
            JsonNode traffic = Http.get(Stack.EDGE1 + "/mec_app_support/v2/applications/" + id + "/traffic_rules",
                    bearer).expect(200).json();
            assertEquals("tr-http", traffic.path(0).path("trafficRuleId").asText(), traffic.toString());
            // another app's rules stay hidden from this token
            assertTrue(Http.get(Stack.EDGE1 + "/mec_app_support/v2/applications/" + ids.get(COUNTER.appDId())
                    + "/dns_rules", bearer).status() >= 400);
        });
    }

    @Test
    @Order(42)
    void appUsesTheAmsWithItsMp1TokenAndSeesOnlyWhatIsItsOwn() throws Exception {
        STEPS.run(() -> {
            String httpd = ids.get(HTTPD.appDId());
            String counter = ids.get(COUNTER.appDId());
            String bearer = ids.get("bearer");
            String services = Stack.RELOCATION + "/amsi/v1/app_mobility_services";
            Map<String, Object> device = Map.of("associateId", Map.of("type", "UE_IPv4_ADDRESS", "value", "10.1.0.7"),
                    "appMobilityServiceLevel", Map.of("appMobilityServiceLevel", 2), "contextTransferState", 0);
            JsonNode own = Http.post(services, bearer, Map.of("serviceConsumerId", Map.of("appInstanceId", httpd),
                    "deviceInformation", List.of(device))).expect(201).json();
            String ownId = own.path("appMobilityServiceId").asText();
            JsonNode others = Http.post(services, Stack.OPERATOR, Map.of("serviceConsumerId",
                    Map.of("appInstanceId", counter))).expect(201).json();
            String otherId = others.path("appMobilityServiceId").asText();
            try {
                JsonNode listed = Http.get(services, bearer).expect(200).json();
                assertEquals(1, listed.size(), "an app lists only its own registrations: " + listed);
                assertEquals(ownId, listed.path(0).path("appMobilityServiceId").asText());
                Http.Answer foreign = Http.get(services + "/" + otherId, bearer).expect(404);
                Http.Answer unknown = Http.get(services + "/no-such-" + RUN, bearer).expect(404);
                assertEquals(unknown.json().path("title"), foreign.json().path("title"), "hidden like unknown");
                Http.post(services, bearer, Map.of("serviceConsumerId", Map.of("appInstanceId", counter))).expect(403);
                Http.get(services, "Bearer " + forged(bearer)).expect(401);
                Http.delete(services + "/" + ownId, bearer).expect(204);
            } finally {
                Http.delete(services + "/" + otherId, Stack.OPERATOR);
                Http.delete(services + "/" + ownId, Stack.OPERATOR);
            }
        });
    }

    @Test
    @Order(43)
    void appIsToldOfAMoveTransfersItsContextAndReportsIt() throws Exception {
        STEPS.run(() -> {
            String httpd = ids.get(HTTPD.appDId());
            String bearer = ids.get("bearer");
            String services = Stack.RELOCATION + "/amsi/v1/app_mobility_services";
            Map<String, Object> ue = Map.of("type", "UE_IPv4_ADDRESS", "value", "10.1.0.8");
            try (Receiver app = new Receiver()) {
                String registration = Http.post(services, bearer, Map.of("serviceConsumerId",
                        Map.of("appInstanceId", httpd), "deviceInformation", List.of(Map.of("associateId", ue,
                                "appMobilityServiceLevel", Map.of("appMobilityServiceLevel", 2),
                                "contextTransferState", 0)))).expect(201).json().path("appMobilityServiceId").asText();
                String subscription = Http.post(Stack.RELOCATION + "/amsi/v1/subscriptions", bearer, Map.of(
                        "subscriptionType", "MobilityProcedureSubscription",
                        "callbackReference", app.url("/mobility"),
                        "filterCriteria", Map.of("appInstanceId", httpd, "mobilityStatus", List.of(1)))).expect(201)
                        .header("Location").orElseThrow();
                try {
                    // the platform decides to move the app's user: the app is told
                    Http.post(Stack.RELOCATION + "/ams_ext/v1/mobility_procedures", Stack.OPERATOR, Map.of(
                            "appInstanceId", httpd, "associateId", List.of(ue), "mobilityStatus", 1)).expect(202);
                    String told = Operator.until(() -> app.bodies().stream()
                            .filter(b -> b.contains("MobilityProcedureNotification")).findFirst().orElse(null),
                            b -> b != null, "the MobilityProcedureNotification at the app's callback");
                    JsonNode notification = Http.JSON.readTree(told);
                    assertEquals(1, notification.path("mobilityStatus").asInt(), told);
                    assertEquals("10.1.0.8", notification.at("/associateId/0/value").asText(), told);
                    assertEquals(subscription, notification.at("/_links/subscription/href").asText(), told);
                    // it transfers its context itself, then reports it in its registration
                    Http.put(services + "/" + registration, bearer, Map.of("serviceConsumerId",
                            Map.of("appInstanceId", httpd), "deviceInformation", List.of(Map.of("associateId", ue,
                                    "appMobilityServiceLevel", Map.of("appMobilityServiceLevel", 2),
                                    "contextTransferState", 1)))).expect(200);
                    assertEquals(1, Http.get(services + "/" + registration, bearer).expect(200).json()
                            .at("/deviceInformation/0/contextTransferState").asInt());
                } finally {
                    Http.delete(subscription, Stack.OPERATOR);
                    Http.delete(services + "/" + registration, Stack.OPERATOR);
                }
            }
        });
    }

    /** The token with its signature's last bytes changed: well-formed, from a known issuer, not signed by it. */
    private static String forged(String bearer) {
        String token = bearer.substring("Bearer ".length());
        String signature = token.substring(token.lastIndexOf('.') + 1);
        char flipped = signature.charAt(10) == 'A' ? 'B' : 'A';
        return token.substring(0, token.lastIndexOf('.') + 1) + signature.substring(0, 10) + flipped
                + signature.substring(11);
    }

    @Test
    @Order(45)
    void theAmsListsTheInstancesOfAnAppOnEveryHostWithTheirEndpoints() throws Exception {
        STEPS.run(() -> {
            String second = Operator.createInstance(HTTPD.appDId(), HTTPD.appDId() + "-edge2");
            ids.put("httpd-edge2", second);
            Operator.instantiate(second, "edge2", "COMPLETED");
            JsonNode adjacent = Http.get(Stack.RELOCATION + "/amsi/v1/queries/adjacent_app_instances?filter="
                    + java.net.URLEncoder.encode("(eq,appDId," + HTTPD.appDId() + ")",
                    java.nio.charset.StandardCharsets.UTF_8), Stack.OPERATOR).expect(200).json();
            assertEquals(2, adjacent.size(), adjacent.toString());
            Map<String, String> hostOf = new HashMap<>();
            for (JsonNode a : adjacent) {
                String id = a.path("appInstanceId").asText();
                hostOf.put(id, a.at("/mecHostInformation/hostName").asText());
                assertEquals(address(id), a.at("/appInstanceCommLink/0/ipAddresses/0/host").asText(), a.toString());
                assertEquals(8080, a.at("/appInstanceCommLink/0/ipAddresses/0/port").asInt(), a.toString());
            }
            assertEquals(Map.of(ids.get(HTTPD.appDId()), "edge1", second, "edge2"), hostOf);

            // the app itself, with its Mp1 token from edge1: only the other instances of its own AppD
            String httpd = ids.get(HTTPD.appDId());
            JsonNode mine = Http.get(Stack.RELOCATION + "/amsi/v1/queries/adjacent_app_instances", ids.get("bearer"))
                    .expect(200).json();
            assertEquals(1, mine.size(), mine.toString());
            assertEquals(second, mine.path(0).path("appInstanceId").asText());
            Operator.task(second, "terminate", Map.of("terminationType", "FORCEFUL"), "COMPLETED");
            Http.delete(Stack.LCM + "/app_lcm/v1/app_instances/" + second, null).expect(204);
            ids.remove("httpd-edge2");
        });
    }

    @Test
    @Order(50)
    void digAnswersTheAppsDnsRulesAtEdge1() throws Exception {
        STEPS.run(() -> {
            assertEquals("10.0.0.80", dig(HTTPD.dnsName()));
            assertEquals("10.0.0.12", dig(COUNTER.dnsName()));
        });
    }

    @Test
    @Order(60)
    void clientLogsInAtEdge1sProxyAndReachesTheHttpdPage() throws Exception {
        STEPS.run(() -> {
            Path ca = work.resolve("ca.pem");
            Files.writeString(ca, Http.get(Stack.EDGE1 + "/edge_proxy/v1/ca.pem", null).expect(200).body());
            String login = "{\"clientId\":\"" + Stack.PROXY_CLIENT + "\",\"secret\":\"" + Stack.PROXY_SECRET
                    + "\",\"proxy\":\"edge1\"}";
            // the proxy's certificate names the app once the platform fronts it: wait for that, not for a time
            Cli.Result in = Operator.until(() -> curl("-X", "POST", "-H", "Content-Type: application/json",
                    "-d", login, "-c", work.resolve("cookies").toString(), origin() + "/edge_proxy/v1/login"),
                    r -> r.exit() == 0 && r.out().endsWith("200"), "login at edge1's proxy for " + HTTPD.dnsName());
            assertTrue(in.out().contains("\"proxy\":\"edge1\""), in.out());
            assertTrue(in.out().contains(HTTPD.dnsName()), "forwarding names the app: " + in.out());
            Cli.Result page = curl("-b", work.resolve("cookies").toString(), origin() + "/");
            assertTrue(page.out().contains(PAGE_TEXT) && page.out().endsWith("200"), page.out());
        });
    }

    // ---- operator: operate, move, terminate ------------------------------------------------------------------------

    @Test
    @Order(70)
    void operatorStopsAndStartsHttpdAndThePlatformFollowsTheNewAddress() throws Exception {
        STEPS.run(() -> {
            String id = ids.get(HTTPD.appDId());
            Operator.task(id, "operate", Map.of("changeStateTo", "STOPPED", "stopType", "FORCEFUL"), "COMPLETED");
            Cli.Result stopped = curl("-b", work.resolve("cookies").toString(), origin() + "/");
            assertFalse(stopped.out().contains(PAGE_TEXT), "a stopped app answers nothing: " + stopped.out());
            JsonNode op = Operator.task(id, "operate", Map.of("changeStateTo", "STARTED"), "COMPLETED");
            String address = address(id);
            assertEquals(Cli.run(Stack.podman("edge1"), "inspect", "--format",
                    "{{.NetworkSettings.IPAddress}}", container(id)).out().strip(), address,
                    "the op occ records the engine's address");
            assertTrue(steps(op).contains("endpoint " + address + ":8080 reported to mec-platform " + Stack.EDGE1),
                    "op occ steps: " + steps(op));
            JsonNode provisioned = Http.get(Stack.EDGE1 + "/mec_platform_mgmt/v1/app_instances/" + id,
                    Stack.OPERATOR).expect(200).json();
            assertEquals(address, provisioned.at("/endpoint/host").asText());
            JsonNode fronted = Http.get(Stack.EDGE1 + "/edge_proxy/v1/services/" + HTTPD.dnsName(), Stack.OPERATOR)
                    .expect(200).json();
            assertEquals(address + ":8080", fronted.path("backend").asText());
            Cli.Result page = Operator.until(() -> curl("-b", work.resolve("cookies").toString(), origin() + "/"),
                    r -> r.out().endsWith("200"), "the logged-in client reaches the restarted app");
            assertTrue(page.out().contains(PAGE_TEXT), page.out());
        });
    }

    @Test
    @Order(80)
    void operatorMovesTheRunningCounterToEdge2WithCheckpointRestore() throws Exception {
        STEPS.run(() -> {
            String id = ids.get(COUNTER.appDId());
            String container = container(id);
            int before = Operator.until(() -> maxCount(logs("edge1", container)), n -> n >= 20, "count 20 on edge1");
            String location = Http.post(Stack.LCM + "/app_lcm_ext/v1/app_instances/" + id + "/checkpoint_restore",
                    null, Map.of("targetHost", "edge2")).expect(202).header("Location").orElseThrow();
            JsonNode record = Operator.until(() -> Http.get(location, null).expect(200).json(),
                    m -> List.of("COMMITTED", "FAILED").contains(m.path("state").asText()), "the move ends");
            assertEquals("COMMITTED", record.path("state").asText(), record.toString());
            assertEquals("edge2", record.path("targetHost").asText());
            assertTrue(record.path("archiveBytes").asLong() > 0, record.toString());
            List<Integer> counts = Operator.until(() -> counts(logs("edge2", container)),
                    c -> !c.isEmpty() && c.get(c.size() - 1) > before + 5, "the count continues on edge2");
            int resumedAt = counts.indexOf(counts.stream().filter(c -> c > before).findFirst().orElseThrow());
            for (int i = Math.max(1, resumedAt); i < counts.size(); i++) {
                assertTrue(counts.get(i) > counts.get(i - 1), "the count restarted on edge2: " + counts);
            }
            assertEquals("edge2", Operator.instance(id).at("/instantiatedAppState/mcioInfo/0/mcioNamespace")
                    .asText());
            assertEquals("", Cli.run(Stack.podman("edge1"), "ps", "-a", "-q", "--filter", "name=" + container)
                    .out().strip(), "the source container is gone");
            // the platforms follow: edge2 knows the instance with its new address, edge1 forgot it
            assertTrue(record.path("targetProvisioned").asBoolean(), record.toString());
            JsonNode atEdge2 = Http.get(Stack.EDGE2 + "/mec_platform_mgmt/v1/app_instances/" + id, Stack.OPERATOR)
                    .expect(200).json();
            assertEquals(Cli.run(Stack.podman("edge2"), "inspect", "--format", "{{.NetworkSettings.IPAddress}}",
                    container).out().strip(), atEdge2.at("/endpoint/host").asText());
            assertEquals(404, Http.get(Stack.EDGE1 + "/mec_platform_mgmt/v1/app_instances/" + id, Stack.OPERATOR)
                    .status());
            assertEquals("10.0.0.12", dig(Stack.EDGE2_DNS, COUNTER.dnsName()), "edge2's DNS answers the app's rule");
            assertEquals("", dig(Stack.EDGE1_DNS, COUNTER.dnsName()), "edge1's DNS no longer does");
        });
    }

    @Test
    @Order(90)
    void operatorTerminatesHttpdAndItIsGoneFromThePlatformDnsAndProxy() throws Exception {
        STEPS.run(() -> {
            String id = ids.get(HTTPD.appDId());
            String container = container(id);
            JsonNode op = Operator.task(id, "terminate", Map.of("terminationType", "FORCEFUL"), "COMPLETED");
            assertTrue(steps(op).contains("mec-platform " + Stack.EDGE1 + " deprovisioned"), "steps: " + steps(op));
            assertEquals(404, Http.get(Stack.EDGE1 + "/mec_platform_mgmt/v1/app_instances/" + id, Stack.OPERATOR)
                    .status());
            assertEquals(404, Http.get(Stack.EDGE1 + "/edge_proxy/v1/services/" + HTTPD.dnsName(), Stack.OPERATOR)
                    .status());
            Cli.Result answer = Cli.run("dig", "@127.0.0.1", "-p", String.valueOf(Stack.EDGE1_DNS), HTTPD.dnsName(),
                    "A", "+time=2", "+tries=1");
            assertTrue(answer.out().contains("status: NXDOMAIN") || answer.out().contains("ANSWER: 0"),
                    "the name is no longer answered: " + answer.out());
            assertEquals("", Cli.run(Stack.podman("edge1"), "ps", "-a", "-q", "--filter", "name=" + container)
                    .out().strip(), "container removed");
            Http.delete(Stack.LCM + "/app_lcm/v1/app_instances/" + id, null).expect(204);

            String counter = ids.get(COUNTER.appDId());
            JsonNode counterOp = Operator.task(counter, "terminate", Map.of("terminationType", "FORCEFUL"),
                    "COMPLETED");
            assertTrue(steps(counterOp).contains("mec-platform " + Stack.EDGE2 + " deprovisioned"),
                    "steps: " + steps(counterOp));
            assertEquals(404, Http.get(Stack.EDGE2 + "/mec_platform_mgmt/v1/app_instances/" + counter,
                    Stack.OPERATOR).status());
            Http.delete(Stack.LCM + "/app_lcm/v1/app_instances/" + counter, null).expect(204);
        });
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static List<String> steps(JsonNode opDetails) {
        return StreamSupport.stream(opDetails.path("steps").spliterator(), false)
                .map(s -> s.path("step").asText()).toList();
    }

    private static JsonNode byInstance(JsonNode list, String id) {
        for (JsonNode n : list) {
            if (id.equals(n.path("appInstanceId").asText())) {
                return n;
            }
        }
        throw new AssertionError("app instance " + id + " is not provisioned on edge1: " + list);
    }

    private static String container(String id) {
        return Operator.instance(id).at("/instantiatedAppState/mcioInfo/0/mcioName").asText();
    }

    /** The address the LCM's last op occ of the instance recorded for its container. */
    private static String address(String id) {
        JsonNode ops = Http.get(Stack.LCM + "/app_lcm/v1/app_lcm_op_occs", null).expect(200).json();
        List<String> opIds = new ArrayList<>();
        for (JsonNode op : ops) {
            if (id.equals(op.at("/_links/appInstance/href").asText().replaceAll(".*/", ""))) {
                opIds.add(op.path("id").asText());
            }
        }
        String address = null;
        for (String opId : opIds) {
            for (String s : steps(Http.get(Stack.LCM + "/app_lcm_ext/v1/app_lcm_op_occs/" + opId, null).json())) {
                if (s.startsWith("container address ")) {
                    address = s.substring("container address ".length());
                }
            }
        }
        assertNotNull(address, "no op occ of " + id + " recorded a container address");
        return address;
    }

    private static Map<String, String> containerEnv(String host, String container) {
        String out = Cli.run(Stack.podman(host), "inspect", "--format", "{{range .Config.Env}}{{println .}}{{end}}",
                container).out();
        return out.lines().filter(l -> l.contains("=")).collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')),
                l -> l.substring(l.indexOf('=') + 1), (a, b) -> b));
    }

    private static String dig(String name) {
        return dig(Stack.EDGE1_DNS, name);
    }

    private static String dig(int port, String name) {
        Cli.Result r = Cli.run("dig", "@127.0.0.1", "-p", String.valueOf(port), name, "A", "+short",
                "+time=2", "+tries=2");
        assertEquals(0, r.exit(), r.out());
        return r.out().strip();
    }

    private static String origin() {
        return "https://" + HTTPD.dnsName() + ":" + Stack.EDGE1_PROXY_HTTPS;
    }

    /** curl as a client of the proxy: the platform CA as trust anchor, the app's name resolved to the proxy. */
    private static Cli.Result curl(String... args) {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "10", "--cacert",
                work.resolve("ca.pem").toString(), "--resolve",
                HTTPD.dnsName() + ":" + Stack.EDGE1_PROXY_HTTPS + ":127.0.0.1", "-w", "\n%{http_code}"));
        cmd.addAll(List.of(args));
        return Cli.run(cmd.toArray(String[]::new));
    }

    private static List<String> logs(String host, String container) {
        return Cli.run(Stack.podman(host), "logs", container).out().lines().toList();
    }

    static List<Integer> counts(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("count=")).map(l -> Integer.parseInt(l.substring(6).trim()))
                .toList();
    }

    static int maxCount(List<String> lines) {
        return counts(lines).stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
