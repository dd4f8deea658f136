package org.edgemec.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * Stateful relocation on the stack of {@code ./mec up}: the HTTP counter (count and token only in its memory) is
 * relocated by relocation-service edge1 -> edge2 -> edge1 -> edge2, once with each steering strategy, and keeps its
 * count and token every time; its MEC 021 subscriber hears TRIGGERED then COMPLETED; a relocation to a host whose
 * engine cannot be reached fails and leaves the app serving at the source with its state. Clients are the real ones:
 * dig against the hosts' DNS servers, HTTP straight to the address DNS gives, curl through the edge proxies.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(JourneyReport.class)
class RelocationJourney {

    static final String RUN = java.util.UUID.randomUUID().toString().substring(0, 8);
    static final Packages.Package COUNTER = Packages.of("counter-http", "localhost/edgemec/counter-http:latest", RUN);
    static final String RELOCATIONS = Stack.RELOCATION + "/relocation/v1/relocations";
    static final String DEAD_HOST = "edge-dead-" + RUN;

    static String id;
    static String token;
    static long count;
    static final JourneySteps STEPS = new JourneySteps();
    static Path work;
    static Receiver subscriber;
    static String registration;
    /** The Mp1 token the counter's process got on edge1 before any move. */
    static String mp1Token;

    @BeforeAll
    static void stackIsUp() throws IOException {
        for (String url : List.of(Stack.RELOCATION, Stack.LCM, Stack.EDGE1, Stack.EDGE2)) {
            Http.get(url + "/q/health/ready", null).expect(200);
        }
        work = Files.createTempDirectory("edgemec-relocation-journey-");
        Files.writeString(work.resolve("ca.pem"), Http.get(Stack.EDGE1 + "/edge_proxy/v1/ca.pem", null).expect(200)
                .body());
        subscriber = new Receiver();
    }

    @AfterAll
    static void cleanUp() {
        if (subscriber != null) {
            subscriber.close();
        }
        Http.delete(Stack.LCM + "/app_lcm_ext/v1/mec_hosts/" + DEAD_HOST, null);
        if (registration != null) {
            Http.delete(Stack.RELOCATION + "/amsi/v1/app_mobility_services/" + registration, Stack.OPERATOR);
        }
        Operator.removeInstance(id);
        Operator.removePackage(COUNTER.appDId());
    }

    @BeforeEach
    void notBroken(TestInfo step) {
        STEPS.begin(step);
    }

    @Test
    @Order(10)
    void theStatefulCounterRunsOnEdge1AndEdge1sDnsAnswersItsAddress() throws Exception {
        STEPS.run(() -> {
            Operator.onboardV3(COUNTER);
            id = Operator.createInstance(COUNTER.appDId(), COUNTER.appDId());
            Operator.instantiate(id, "edge1", "COMPLETED");
            String address = containerIp("edge1");
            // the AppD's DNS rule has 0.0.0.0: the platform answers it with the instance's endpoint
            assertEquals(address, Operator.until(() -> dig(Stack.EDGE1_DNS), address::equals,
                    "edge1's DNS answers the counter's address"));
            JsonNode first = counter(address);
            token = first.path("token").asText();
            count = first.path("count").asLong();
            assertEquals(1, count, first.toString());
            assertEquals(32, token.length(), first.toString());
            mp1Token = mp1TokenFromItsEnvironment("edge1");
            Http.get(ownTrafficRules(Stack.EDGE1), "Bearer " + mp1Token).expect(200);
        });
    }

    @Test
    @Order(20)
    void aMec021SubscriberFollowsTheCounter() throws Exception {
        STEPS.run(() -> {
            Http.post(Stack.RELOCATION + "/amsi/v1/subscriptions", Stack.OPERATOR, Map.of(
                    "subscriptionType", "MobilityProcedureSubscription",
                    "callbackReference", subscriber.url("/mobility"),
                    "filterCriteria", Map.of("appInstanceId", id, "mobilityStatus", List.of(1, 2, 3))))
                    .expect(201);
        });
    }

    @Test
    @Order(30)
    void dnsSteeringEdge1ToEdge2KeepsCountAndToken() throws Exception {
        STEPS.run(() -> {
            String before = containerIp("edge1");
            next(before);
            JsonNode r = relocate("edge2", "DNS", "COMPLETED");
            assertSteps(r);
            String after = containerIp("edge2");
            assertNotEquals("", after);
            assertEquals(after, r.at("/targetEndpoint/host").asText(), r.toString());
            assertEquals(after, dig(Stack.EDGE1_DNS), "edge1's DNS sends its zone's clients to edge2");
            assertEquals(after, dig(Stack.EDGE2_DNS), "edge2's DNS answers the instance it runs");
            next(dig(Stack.EDGE1_DNS));
            assertEquals("", Cli.run(Stack.podman("edge1"), "ps", "-a", "-q", "--filter", "name=" + container())
                    .out().strip(), "the source container is gone");
            awaitNotifications(1, 2);
        });
    }

    @Test
    @Order(35)
    void onEdge2TheCounterStillReachesMp1WithTheUrlCredentialsAndTokenItWasStartedWith() throws Exception {
        STEPS.run(() -> {
            Map<String, String> env = containerEnv("edge2");
            assertEquals(Stack.EDGE1, strip(env.get("MEC_PLATFORM_URL")), "the restored process keeps edge1's URL");
            // its Mp1 calls to edge1 go on to edge2, where its edge1 token is valid
            Http.Answer redirected = Http.get(ownTrafficRules(Stack.EDGE1), "Bearer " + mp1Token).expect(307);
            String location = redirected.header("Location").orElseThrow();
            assertEquals(ownTrafficRules(Stack.EDGE2), location);
            Http.get(location, "Bearer " + mp1Token).expect(200);
            // a fresh token from its credentials at edge1's token endpoint works too
            String fresh = mp1TokenFromItsEnvironment("edge2");
            Http.get(location, "Bearer " + fresh).expect(200);
        });
    }

    @Test
    @Order(40)
    void trafficRuleSteeringEdge2ToEdge1ServesEdge2sProxyClientsFromEdge1() throws Exception {
        STEPS.run(() -> {
            Curl client = new Curl(work.resolve("tr-client"), Stack.EDGE2_PROXY_HTTPS, false);
            Operator.until(() -> client.login("edge2"), r -> r.exit() == 0 && r.out().endsWith("200"),
                    "login at edge2's proxy for " + COUNTER.dnsName());
            nextThrough(client);
            JsonNode r = relocate("edge1", "TRAFFIC_RULE", "COMPLETED");
            assertSteps(r);
            // the same client, still at edge2's proxy, reaches the instance now on edge1
            nextThrough(client);
            assertEquals(containerIp("edge1"), dig(Stack.EDGE1_DNS), "edge1 answers its own instance again");
            next(containerIp("edge1"));
            // back home: edge1 serves its Mp1 calls itself again, and edge2 sends them to edge1
            Http.get(ownTrafficRules(Stack.EDGE1), "Bearer " + mp1Token).expect(200);
            assertEquals(ownTrafficRules(Stack.EDGE1), Http.get(ownTrafficRules(Stack.EDGE2), "Bearer " + mp1Token)
                    .expect(307).header("Location").orElseThrow());
        });
    }

    @Test
    @Order(50)
    void altSvcSteeringEdge1ToEdge2HandsTheClientOverWithoutAFailedRequest() throws Exception {
        STEPS.run(() -> {
            Curl client = new Curl(work.resolve("altsvc-client"), Stack.EDGE1_PROXY_HTTPS, true);
            Operator.until(() -> client.login("edge1"), r -> r.exit() == 0 && r.out().endsWith("200"),
                    "login at edge1's proxy for " + COUNTER.dnsName());
            nextThrough(client);
            List<String> failures = new CopyOnWriteArrayList<>();
            List<long[]> answers = new CopyOnWriteArrayList<>();
            AtomicBoolean stop = new AtomicBoolean();
            Thread loop = new Thread(() -> {
                while (!stop.get()) {
                    Cli.Result res = client.get("/");
                    long now = System.currentTimeMillis();
                    if (res.exit() != 0 || !res.out().endsWith("200")) {
                        failures.add(now + ": " + res.out());
                    } else {
                        JsonNode body = json(res.out().substring(0, res.out().lastIndexOf('\n')));
                        if (!token.equals(body.path("token").asText())) {
                            failures.add(now + ": another token " + body);
                        }
                        answers.add(new long[] {now, body.path("count").asLong()});
                    }
                    sleep(100);
                }
            }, "altsvc-client");
            loop.start();
            JsonNode r;
            try {
                sleep(500);
                r = relocate("edge2", "ALT_SVC", "COMPLETED");
                // the client follows Alt-Svc at its next request; give it a few more
                sleep(1500);
            } finally {
                stop.set(true);
                loop.join(15000);
            }
            assertSteps(r);
            assertTrue(failures.isEmpty(), "failed requests during the ALT_SVC relocation: " + failures);
            assertTrue(answers.size() >= 10, "answers: " + answers.size());
            for (int i = 1; i < answers.size(); i++) {
                assertEquals(answers.get(i - 1)[1] + 1, answers.get(i)[1], "the count went on by one per request");
            }
            count = answers.get(answers.size() - 1)[1];
            long gap = 0;
            for (int i = 1; i < answers.size(); i++) {
                gap = Math.max(gap, answers.get(i)[0] - answers.get(i - 1)[0]);
            }
            String gaps = "[relocation] ALT_SVC client: " + answers.size() + " answers, 0 failed, longest gap between two "
                    + "answers " + gap + " ms (requests every 100 ms)";
            Journal.note(gaps);
            System.out.println(gaps);
            nextThrough(client);
            assertTrue(Files.readString(client.altSvcFile()).contains(String.valueOf(Stack.EDGE2_PROXY_HTTPS)),
                    "the client learnt edge2's proxy from Alt-Svc");
        });
    }

    @Test
    @Order(60)
    void aRelocationToAHostWhoseEngineIsDownFailsAndTheCounterServesOnWithItsState() throws Exception {
        STEPS.run(() -> {
            Http.post(Stack.LCM + "/app_lcm_ext/v1/mec_hosts", null, Map.of("name", DEAD_HOST, "engineKind", "PODMAN",
                    "engineEndpoint", "unix://" + work.resolve("no-engine.sock"), "zone", "zone-dead"))
                    .expect(201);
            String source = containerIp("edge2");
            next(source);
            JsonNode r = relocate(DEAD_HOST, "DNS", "FAILED");
            List<String> names = new ArrayList<>();
            r.path("steps").forEach(s -> names.add(s.path("name").asText()));
            assertEquals(List.of("PLAN", "ANNOUNCE", "MOVE_STATE", "COMPENSATE"), names, r.toString());
            assertTrue(r.at("/error/detail").asText().contains(DEAD_HOST), r.toString());
            assertEquals("edge2", host());
            next(source);
            awaitNotifications(1, 3);
        });
    }

    @Test
    @Order(70)
    void relocationServiceKilledDuringTheMoveResumesAfterRestartAndTheCounterKeepsItsState() throws Exception {
        STEPS.run(() -> {
            String source = host();
            String target = other(source);
            next(containerIp(source));
            String location = startRelocation(target);
            Operator.until(() -> Http.get(location, Stack.OPERATOR).json(),
                    j -> "MOVE_STATE".equals(j.path("currentStep").asText()), "the relocation reaches MOVE_STATE");
            Stack.kill9("relocation-service");
            Journal.note("relocation-service killed during MOVE_STATE; ./mec up restarts it");
            Stack.up();
            JsonNode r = Operator.until(() -> Http.get(location, Stack.OPERATOR).expect(200).json(),
                    j -> List.of("COMPLETED", "FAILED").contains(j.path("state").asText()), "the relocation ends");
            assertEquals("COMPLETED", r.path("state").asText(), r.toPrettyString());
            assertSteps(r);
            assertEquals(target, host());
            assertOneLiveCopy();
            next(containerIp(target));
        });
    }

    @Test
    @Order(80)
    void lcmKilledDuringTheMoveIsRecoveredWithExactlyOneLiveCopyAndTheState() throws Exception {
        STEPS.run(() -> {
            String source = host();
            String target = other(source);
            next(containerIp(source));
            String location = startRelocation(target);
            String moveId = location.substring(location.lastIndexOf('/') + 1);
            JsonNode phase = Operator.until(() -> Http.get(Stack.LCM + "/app_lcm_ext/v1/app_moves/" + moveId, null),
                    a -> a.status() == 200 && List.of("DUMPED", "RESTORED").contains(a.json().path("phase").asText()),
                    "the move is dumped").json();
            Stack.kill9("mec-app-lcm");
            Journal.note("mec-app-lcm killed at move phase " + phase.path("phase").asText() + "; ./mec up restarts it");
            Stack.up();
            JsonNode r = Operator.until(() -> Http.get(location, Stack.OPERATOR).expect(200).json(),
                    j -> List.of("COMPLETED", "FAILED").contains(j.path("state").asText()), "the relocation ends");
            Journal.note("after the LCM's recovery the relocation ended " + r.path("state").asText() + ": "
                    + r.path("steps"));
            String host = host();
            assertEquals("COMPLETED".equals(r.path("state").asText()) ? target : source, host, r.toPrettyString());
            assertOneLiveCopy();
            next(containerIp(host));
        });
    }

    @Test
    @Order(90)
    void aRegisteredDeviceLoggingInAtTheOtherZonesProxyBringsTheCounterToIt() throws Exception {
        STEPS.run(() -> {
            String source = host();
            String other = other(source);
            int otherProxy = other.equals("edge1") ? Stack.EDGE1_PROXY_HTTPS : Stack.EDGE2_PROXY_HTTPS;
            // the counter serves the device 127.0.0.1 (the address this test's curl logs in from)
            registration = Http.post(Stack.RELOCATION + "/amsi/v1/app_mobility_services", Stack.OPERATOR, Map.of(
                    "serviceConsumerId", Map.of("appInstanceId", id),
                    "deviceInformation", List.of(Map.of("associateId", Map.of("type", "UE_IPv4_ADDRESS",
                            "value", "127.0.0.1"), "contextTransferState", 0))))
                    .expect(201).json().path("appMobilityServiceId").asText();
            next(containerIp(source));
            Curl device = new Curl(work.resolve("roaming-device"), otherProxy, false);
            Operator.until(() -> device.login(other), r -> r.exit() == 0 && r.out().endsWith("200"),
                    "login at " + other + "'s proxy");
            // the platform reports the sighting on Kafka, relocation-service relocates the counter to that zone
            JsonNode r = Operator.until(() -> Http.get(RELOCATIONS + "?appInstanceId=" + id + "&state=COMPLETED",
                    Stack.OPERATOR).expect(200).json(), list -> {
                        for (JsonNode x : list) {
                            if (other.equals(x.path("targetHost").asText())
                                    && "NEAREST".equals(x.at("/placement/policy").asText())) {
                                return true;
                            }
                        }
                        return false;
                    }, "a relocation of the counter to " + other + " triggered by the device's login").get(0);
            System.out.println("[relocation] triggered by a login at " + other + "'s proxy: " + r.path("steering")
                    .asText() + " " + r.path("sourceHost").asText() + " -> " + r.path("targetHost").asText()
                    + ", downtime " + r.path("downtimeMs") + " ms");
            assertEquals(other, host());
            assertOneLiveCopy();
            next(containerIp(other));
        });
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static JsonNode relocate(String target, String steering, String endState) {
        Http.Answer a = Http.post(RELOCATIONS, Stack.OPERATOR, Map.of("appInstanceId", id, "targetHost", target,
                "steering", steering)).expect(202);
        String location = a.header("Location").orElseThrow(() -> new AssertionError("no Location"));
        JsonNode r = Operator.until(() -> Http.get(location, Stack.OPERATOR).expect(200).json(),
                j -> List.of("COMPLETED", "FAILED", "CANCELLED").contains(j.path("state").asText()),
                steering + " relocation of " + id + " to " + target + " ends");
        StringBuilder line = new StringBuilder("[relocation] " + steering + " " + r.path("sourceHost").asText() + " -> "
                + target + ": " + r.path("state").asText() + ", downtime " + r.path("downtimeMs") + " ms, move "
                + r.path("moveTimings") + ", steps");
        r.path("steps").forEach(st -> line.append(' ').append(st.path("name").asText()).append('=')
                .append(st.path("durationMs").asText()).append("ms"));
        Journal.note(line.toString());
        System.out.println(line);
        assertEquals(endState, r.path("state").asText(), r.toPrettyString());
        return r;
    }

    private static void assertSteps(JsonNode r) {
        List<String> names = new ArrayList<>();
        for (JsonNode s : r.path("steps")) {
            names.add(s.path("name").asText());
            assertEquals("DONE", s.path("state").asText(), s.toString());
            assertTrue(s.path("durationMs").asLong(-1) >= 0, s.toString());
        }
        assertEquals(List.of("PLAN", "ANNOUNCE", "MOVE_STATE", "STEER_TRAFFIC", "FINALIZE"), names);
        assertTrue(r.path("downtimeMs").asLong() > 0, "downtime recorded: " + r);
        assertTrue(r.at("/moveTimings/freezeDumpMs").isNumber(), r.toString());
    }

    /** The subscriber got TRIGGERED and then {@code end} for the latest relocation. */
    private static void awaitNotifications(int first, int end) {
        List<String> got = Operator.until(subscriber::bodies, b -> b.stream().anyMatch(n -> n.contains(
                "\"mobilityStatus\":" + end) && !b.isEmpty()), "MobilityProcedureNotification " + end);
        int t = -1;
        int e = -1;
        for (int i = 0; i < got.size(); i++) {
            if (got.get(i).contains("\"mobilityStatus\":" + first)) {
                t = i;
            }
            if (got.get(i).contains("\"mobilityStatus\":" + end)) {
                e = i;
            }
        }
        assertTrue(t >= 0 && t < e, "TRIGGERED before " + end + ": " + got);
    }

    /** The host the counter runs on, as mec-app-lcm says. */
    private static String host() {
        return Operator.instance(id).at("/instantiatedAppState/mcioInfo/0/mcioNamespace").asText();
    }

    private static String other(String host) {
        return host.equals("edge1") ? "edge2" : "edge1";
    }

    /** POSTs a DNS relocation of the counter; returns its Location. */
    private static String startRelocation(String target) {
        return Http.post(RELOCATIONS, Stack.OPERATOR, Map.of("appInstanceId", id, "targetHost", target,
                "steering", "DNS")).expect(202).header("Location").orElseThrow();
    }

    /** The counter runs in exactly one container across both hosts. */
    private static void assertOneLiveCopy() {
        int running = 0;
        for (String host : List.of("edge1", "edge2")) {
            running += Cli.run(Stack.podman(host), "ps", "-q", "--filter", "name=" + container()).out().strip()
                    .lines().filter(l -> !l.isBlank()).count();
        }
        assertEquals(1, running, "running copies of " + container());
    }

    private static JsonNode counter(String address) {
        return Operator.until(() -> Http.get("http://" + address + ":8080/", null),
                a -> a.status() == 200, "the counter answers at " + address).json();
    }

    /** One request straight to {@code address}: the count goes on by one and the token is the same. */
    private static void next(String address) {
        JsonNode n = counter(address);
        assertEquals(token, n.path("token").asText(), "the app kept its token: " + n);
        assertEquals(count + 1, n.path("count").asLong(), "the app kept its count: " + n);
        count = n.path("count").asLong();
    }

    private static void nextThrough(Curl client) {
        Cli.Result res = Operator.until(() -> client.get("/"), x -> x.exit() == 0 && x.out().endsWith("200"),
                "the counter answers through the proxy");
        JsonNode n = json(res.out().substring(0, res.out().lastIndexOf('\n')));
        assertEquals(token, n.path("token").asText(), "the app kept its token: " + n);
        assertEquals(count + 1, n.path("count").asLong(), "the app kept its count: " + n);
        count = n.path("count").asLong();
    }

    /** The environment of the counter's container on {@code host}, as its process sees it. */
    private static Map<String, String> containerEnv(String host) {
        String out = Cli.run(Stack.podman(host), "inspect", "--format", "{{json .Config.Env}}", container()).out();
        Map<String, String> env = new java.util.HashMap<>();
        for (JsonNode kv : json(out.strip())) {
            String v = kv.asText();
            int eq = v.indexOf('=');
            if (eq > 0) {
                env.put(v.substring(0, eq), v.substring(eq + 1));
            }
        }
        assertTrue(env.containsKey("MEC_OAUTH_CLIENT_ID"), "the container has its Mp1 credentials: " + env.keySet());
        return env;
    }

    /** What the app does with its environment: client credentials grant at its token endpoint. */
    private static String mp1TokenFromItsEnvironment(String host) {
        Map<String, String> env = containerEnv(host);
        String form = "grant_type=client_credentials&client_id=" + env.get("MEC_OAUTH_CLIENT_ID") + "&client_secret="
                + java.net.URLEncoder.encode(env.get("MEC_OAUTH_CLIENT_SECRET"), java.nio.charset.StandardCharsets.UTF_8);
        return Http.send("POST", env.get("MEC_OAUTH_TOKEN_URL"), null, "application/x-www-form-urlencoded",
                form.getBytes(java.nio.charset.StandardCharsets.UTF_8)).expect(200).json().path("access_token")
                .asText();
    }

    private static String ownTrafficRules(String platform) {
        return platform + "/mec_app_support/v2/applications/" + id + "/traffic_rules";
    }

    private static String strip(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String container() {
        return Operator.instance(id).at("/instantiatedAppState/mcioInfo/0/mcioName").asText();
    }

    private static String containerIp(String host) {
        return Cli.run(Stack.podman(host), "inspect", "--format", "{{.NetworkSettings.IPAddress}}", container())
                .out().strip();
    }

    private static String dig(int port) {
        Cli.Result r = Cli.run("dig", "@127.0.0.1", "-p", String.valueOf(port), COUNTER.dnsName(), "A", "+short",
                "+time=2", "+tries=2");
        assertEquals(0, r.exit(), r.out());
        return r.out().strip();
    }

    private static JsonNode json(String text) {
        try {
            return Http.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** curl as a client of an edge proxy: the platform CA, the app's name resolved to both proxies, cookies. */
    static final class Curl {

        private final Path dir;
        private final int port;
        private final boolean altSvc;

        Curl(Path dir, int port, boolean altSvc) throws IOException {
            this.dir = Files.createDirectories(dir);
            this.port = port;
            this.altSvc = altSvc;
        }

        Cli.Result login(String proxy) {
            String login = "{\"clientId\":\"" + Stack.PROXY_CLIENT + "\",\"secret\":\"" + Stack.PROXY_SECRET
                    + "\",\"proxy\":\"" + proxy + "\"}";
            return run("-X", "POST", "-H", "Content-Type: application/json", "-d", login, origin()
                    + "/edge_proxy/v1/login");
        }

        Cli.Result get(String path) {
            return run(origin() + path);
        }

        Path altSvcFile() {
            return dir.resolve("alt-svc.txt");
        }

        String headers() throws IOException {
            return Files.readString(dir.resolve("headers.txt"));
        }

        private String origin() {
            return "https://" + COUNTER.dnsName() + ":" + port;
        }

        private Cli.Result run(String... args) {
            List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "10", "--cacert",
                    work.resolve("ca.pem").toString(),
                    "--resolve", COUNTER.dnsName() + ":" + Stack.EDGE1_PROXY_HTTPS + ":127.0.0.1",
                    "--resolve", COUNTER.dnsName() + ":" + Stack.EDGE2_PROXY_HTTPS + ":127.0.0.1",
                    "-c", dir.resolve("cookies.txt").toString(), "-b", dir.resolve("cookies.txt").toString(),
                    "-D", dir.resolve("headers.txt").toString(), "-w", "\n%{http_code}"));
            if (altSvc) {
                cmd.addAll(List.of("--alt-svc", altSvcFile().toString()));
            }
            cmd.addAll(List.of(args));
            return Cli.run(cmd.toArray(String[]::new));
        }
    }
}
