package org.edgemec.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Two replicas of relocation-service and of mec-app-lcm ({@code EDGEMEC_REPLICAS=2 ./mec up}, started here when they
 * do not run, stopped again at the end) on one PostgreSQL and Kafka behave as one service: work started through one
 * replica is read back through the other, subscribers hear each notification once, every saga step is started once
 * across both, and a replica killed (kill -9) in the middle of a relocation leaves it to the other, which finishes it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(JourneyReport.class)
class ReplicaJourney {

    static final String RUN = java.util.UUID.randomUUID().toString().substring(0, 8);
    static final Packages.Package COUNTER = Packages.of("counter-http", "localhost/edgemec/counter-http:latest", RUN);
    static final String RELOCATIONS = "/relocation/v1/relocations";
    static final List<String> SAGA = List.of("PLAN", "ANNOUNCE", "MOVE_STATE", "STEER_TRAFFIC", "FINALIZE");
    /** replica name (its log and pid file) -> its base URL */
    static final Map<String, String> RELOCATION_REPLICAS = new LinkedHashMap<>();

    static boolean startedReplicas;
    static final JourneySteps STEPS = new JourneySteps();
    static Receiver amsSubscriber;
    static Receiver lcmSubscriber;
    static String id;
    static String instantiateOp;
    static String lcmSubscription;
    static String amsSubscription;
    static final List<String> relocationIds = new ArrayList<>();

    @BeforeAll
    static void bothReplicasAreUp() throws IOException, InterruptedException {
        for (String url : List.of(Stack.RELOCATION, Stack.LCM, Stack.EDGE1, Stack.EDGE2)) {
            Http.get(url + "/q/health/ready", null).expect(200);
        }
        if (!healthy(Stack.RELOCATION_2) || !healthy(Stack.LCM_2)) {
            Stack.upWithReplicas();
            startedReplicas = true;
        }
        Http.get(Stack.RELOCATION_2 + "/q/health/ready", null).expect(200);
        Http.get(Stack.LCM_2 + "/q/health/ready", null).expect(200);
        RELOCATION_REPLICAS.put("relocation-service", Stack.RELOCATION);
        RELOCATION_REPLICAS.put("relocation-service-2", Stack.RELOCATION_2);
        amsSubscriber = new Receiver();
        lcmSubscriber = new Receiver();
    }

    @AfterAll
    static void cleanUp() throws IOException, InterruptedException {
        if (amsSubscription != null) {
            Http.delete(Stack.RELOCATION + "/amsi/v1/subscriptions/" + amsSubscription, Stack.OPERATOR);
        }
        if (lcmSubscription != null) {
            Http.delete(Stack.LCM + "/app_lcm/v1/subscriptions/" + lcmSubscription, null);
        }
        Operator.removeInstance(id);
        Operator.removePackage(COUNTER.appDId());
        for (Receiver r : new Receiver[] {amsSubscriber, lcmSubscriber}) {
            if (r != null) {
                r.close();
            }
        }
        if (startedReplicas) {
            // the journeys after this one find the stack as ./mec up left it
            Stack.stop("relocation-service-2");
            Stack.stop("mec-app-lcm-2");
        }
    }

    @BeforeEach
    void notBroken(TestInfo step) {
        STEPS.begin(step);
    }

    @Test
    @Order(10)
    void anInstanceOnboardedAndInstantiatedThroughLcmReplica2IsSeenByReplica1AndItsSubscriber() throws Exception {
        STEPS.run(() -> {
            lcmSubscription = Http.post(Stack.LCM + "/app_lcm/v1/subscriptions", null, Map.of(
                    "subscriptionType", "AppLcmOpOccStateChangeSubscription",
                    "callbackUri", lcmSubscriber.url("/lcm"))).expect(201).json().path("id").asText();
            Operator.onboardV3(Stack.LCM_2, COUNTER);
            id = Operator.createInstance(Stack.LCM_2, COUNTER.appDId(), COUNTER.appDId());
            instantiateOp = Operator.instantiate(Stack.LCM_2, id, "edge1", "COMPLETED").path("id").asText();
            assertEquals("INSTANTIATED", Operator.instance(id).path("instantiationState").asText(),
                    "replica 1 reads what replica 2 did");
            assertEquals("COMPLETED", Http.get(Stack.LCM + "/app_lcm/v1/app_lcm_op_occs/" + instantiateOp, null)
                    .expect(200).json().path("operationState").asText());
            Operator.until(() -> lcmStates(instantiateOp), s -> s.contains("COMPLETED"),
                    "the subscriber made on replica 1 hears the op occ of replica 2 COMPLETED");
        });
    }

    @Test
    @Order(20)
    void anAmsSubscriptionMadeOnReplica2IsServedByReplica1() throws Exception {
        STEPS.run(() -> {
            amsSubscription = Http.post(Stack.RELOCATION_2 + "/amsi/v1/subscriptions", Stack.OPERATOR, Map.of(
                    "subscriptionType", "MobilityProcedureSubscription",
                    "callbackReference", amsSubscriber.url("/mobility"),
                    "filterCriteria", Map.of("appInstanceId", id, "mobilityStatus", List.of(1, 2, 3))))
                    .expect(201).json().path("subscriptionId").asText();
            Http.get(Stack.RELOCATION + "/amsi/v1/subscriptions/" + amsSubscription, Stack.OPERATOR).expect(200);
        });
    }

    @Test
    @Order(30)
    void aRelocationStartedThroughReplica1IsReadBackThroughReplica2WithEachStepRunOnce() throws Exception {
        STEPS.run(() -> {
            String path = start(Stack.RELOCATION, "edge2");
            JsonNode r = Operator.until(() -> Http.get(Stack.RELOCATION_2 + path, Stack.OPERATOR).expect(200).json(),
                    j -> List.of("COMPLETED", "FAILED", "CANCELLED").contains(j.path("state").asText()),
                    "the relocation ends, as replica 2 reads it");
            assertEquals("COMPLETED", r.path("state").asText(), r.toPrettyString());
            assertSagaRanOnce(r);
            assertEquals("edge2", hostOf(Stack.LCM_2));
            assertEquals(1, liveCopies());
        });
    }

    @Test
    @Order(40)
    void theReplicaKilledInTheMiddleOfARelocationLeavesItToTheOtherWhichFinishesIt() throws Exception {
        STEPS.run(() -> {
            String path = start(Stack.RELOCATION_2, "edge1");
            String relocationId = path.substring(path.lastIndexOf('/') + 1);
            Operator.until(() -> Http.get(Stack.RELOCATION + path, Stack.OPERATOR).json(),
                    j -> "MOVE_STATE".equals(j.path("currentStep").asText()), "the relocation reaches MOVE_STATE");
            String runner = Operator.until(() -> runnerOf(relocationId, "MOVE_STATE"), r -> r != null,
                    "a replica logged MOVE_STATE started");
            String survivor = RELOCATION_REPLICAS.keySet().stream().filter(n -> !n.equals(runner)).findFirst()
                    .orElseThrow();
            Stack.kill9(runner);
            Journal.note(runner + " killed during MOVE_STATE; " + survivor + " has to finish the relocation");
            // the survivor takes it over once the dead replica's lease (edgemec.relocation.lease) ran out
            JsonNode r = Operator.until(() -> Http.get(RELOCATION_REPLICAS.get(survivor) + path, Stack.OPERATOR)
                    .expect(200).json(), j -> List.of("COMPLETED", "FAILED", "CANCELLED")
                    .contains(j.path("state").asText()), "the relocation ends, finished by " + survivor);
            assertEquals("COMPLETED", r.path("state").asText(), r.toPrettyString());
            assertSagaRanOnce(r);
            assertEquals("edge1", hostOf(Stack.LCM));
            assertEquals(1, liveCopies());
            Stack.upWithReplicas();
            Http.get(RELOCATION_REPLICAS.get(runner) + "/q/health/ready", null).expect(200);
        });
    }

    @Test
    @Order(50)
    void eachNotificationReachedItsSubscriberOnce() throws Exception {
        STEPS.run(() -> {
            // both relocations ended COMPLETED: TRIGGERED and COMPLETED of each, once
            List<Integer> statuses = Operator.until(ReplicaJourney::mobilityStatuses,
                    s -> s.stream().filter(x -> x == 2).count() >= 2, "both COMPLETED notifications");
            assertEquals(List.of(1, 1, 2, 2), statuses.stream().sorted().toList(),
                    "MobilityProcedureNotification statuses: " + statuses);
            assertEquals(List.of("COMPLETED", "PROCESSING", "STARTING"),
                    lcmStates(instantiateOp).stream().sorted().toList(),
                    "op occ notifications of the instantiate: " + lcmStates(instantiateOp));
        });
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static boolean healthy(String url) {
        try {
            return Http.get(url + "/q/health/ready", null).status() == 200;
        } catch (AssertionError refused) {
            // Http reports a connection it could not make as an AssertionError
            return false;
        }
    }

    /** POSTs a DNS relocation of the instance through {@code replica}; returns the path of the relocation. */
    private static String start(String replica, String target) {
        String location = Http.post(replica + RELOCATIONS, Stack.OPERATOR, Map.of("appInstanceId", id,
                "targetHost", target, "steering", "DNS")).expect(202).header("Location").orElseThrow();
        String relocationId = location.substring(location.lastIndexOf('/') + 1);
        relocationIds.add(relocationId);
        return RELOCATIONS + "/" + relocationId;
    }

    /** The saga's steps once each, all DONE, and each started once across both replicas' logs. */
    private static void assertSagaRanOnce(JsonNode r) {
        List<String> names = new ArrayList<>();
        for (JsonNode s : r.path("steps")) {
            names.add(s.path("name").asText());
            assertEquals("DONE", s.path("state").asText(), s.toString());
        }
        assertEquals(SAGA, names, r.toPrettyString());
        String relocationId = r.path("relocationId").asText();
        for (String step : SAGA) {
            long started = RELOCATION_REPLICAS.keySet().stream()
                    .mapToLong(n -> log(n).stream().filter(l -> l.contains("relocation " + relocationId + ": " + step
                            + " started")).count()).sum();
            assertEquals(1, started, step + " of " + relocationId + " started in the replicas' logs");
        }
    }

    /** The relocation replica whose log says it started {@code step} of the relocation, or null. */
    private static String runnerOf(String relocationId, String step) {
        for (String name : RELOCATION_REPLICAS.keySet()) {
            if (log(name).stream().anyMatch(l -> l.contains("relocation " + relocationId + ": " + step
                    + " started"))) {
                return name;
            }
        }
        return null;
    }

    private static List<String> log(String service) {
        return Stack.logTail(service, Integer.MAX_VALUE);
    }

    private static List<Integer> mobilityStatuses() {
        List<Integer> statuses = new ArrayList<>();
        for (String body : amsSubscriber.bodies()) {
            JsonNode n = json(body);
            if (id.equals(n.at("/targetAppInfo/appInstanceId").asText())
                    || body.contains("\"" + id + "\"")) {
                statuses.add(n.path("mobilityStatus").asInt());
            }
        }
        return statuses;
    }

    /** The operationState of each op occ notification of {@code opId}, in arrival order. */
    private static List<String> lcmStates(String opId) {
        List<String> states = new ArrayList<>();
        for (String body : lcmSubscriber.bodies()) {
            JsonNode n = json(body);
            if (body.contains(opId) && n.has("operationState")) {
                states.add(n.path("operationState").asText());
            }
        }
        return states;
    }

    private static String hostOf(String lcm) {
        return Http.get(lcm + "/app_lcm/v1/app_instances/" + id, null).expect(200).json()
                .at("/instantiatedAppState/mcioInfo/0/mcioNamespace").asText();
    }

    /** Running containers of the instance across both hosts. */
    private static long liveCopies() {
        String container = Operator.instance(id).at("/instantiatedAppState/mcioInfo/0/mcioName").asText();
        long running = 0;
        for (String host : List.of("edge1", "edge2")) {
            running += Cli.run(Stack.podman(host), "ps", "-q", "--filter", "name=" + container).out().strip()
                    .lines().filter(l -> !l.isBlank()).count();
        }
        return running;
    }

    private static JsonNode json(String text) {
        try {
            return Http.JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
