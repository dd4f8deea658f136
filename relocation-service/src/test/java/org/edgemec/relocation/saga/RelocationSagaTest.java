package org.edgemec.relocation.saga;

import static org.edgemec.relocation.support.Ams.PROBLEM;
import static org.edgemec.relocation.support.Ams.SERVICES;
import static org.edgemec.relocation.support.Ams.operator;
import static org.edgemec.relocation.support.Ams.register;
import static org.edgemec.relocation.support.AmsSubscriptions.mobility;
import static org.edgemec.relocation.support.AmsSubscriptions.subscribe;
import static org.edgemec.relocation.support.AmsSubscriptions.ue;
import static org.edgemec.relocation.support.ScriptedMecSystem.CALLS;
import static org.edgemec.relocation.support.ScriptedMecSystem.TARGET_IP;
import static org.edgemec.relocation.support.ScriptedMecSystem.calls;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.edgemec.relocation.support.ScriptedMecSystem;
import org.edgemec.testsupport.CallbackReceiver;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The saga engine on the real PostgreSQL and Kafka, with mec-app-lcm and the platforms scripted
 * ({@link ScriptedMecSystem}): step records, the calls each strategy makes, compensation, cancel, idempotency, and a
 * relocation taken over from a worker that died. The relocation of real containers across real platforms is
 * journey-tests' RelocationJourney.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
@TestProfile(RelocationSagaTest.Scripted.class)
class RelocationSagaTest {

    private static final String RELOCATIONS = "/relocation/v1/relocations";
    private static final Duration WAIT = Duration.ofSeconds(30);

    public static class Scripted implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ScriptedMecSystem.class));
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "edgemec.db.schema")
    String schema;

    private static String newInstance(String host) {
        String id = "inst-" + UUID.randomUUID();
        ScriptedMecSystem.instance(id, "appd-" + id, host);
        return id;
    }

    private static Map<String, Object> request(String instance, String target, String steering) {
        Map<String, Object> body = new HashMap<>();
        body.put("appInstanceId", instance);
        if (target != null) {
            body.put("targetHost", target);
        }
        body.put("steering", steering);
        return body;
    }

    private static String start(Map<String, Object> body) {
        return operator().contentType(ContentType.JSON).body(body).post(RELOCATIONS).then().statusCode(202)
                .header("Location", containsString(RELOCATIONS + "/")).extract().path("relocationId");
    }

    private static JsonPath awaitState(String id, String state) {
        long end = System.nanoTime() + WAIT.toNanos();
        JsonPath last = null;
        while (System.nanoTime() < end) {
            last = operator().get(RELOCATIONS + "/" + id).then().statusCode(200).extract().jsonPath();
            if (state.equals(last.getString("state"))) {
                return last;
            }
            sleep(100);
        }
        throw new AssertionError("relocation " + id + " not " + state + ": " + (last == null ? "-" : last.prettify()));
    }

    @Test
    void shouldRelocateWithDnsSteeringAndRecordEveryStep() {
        try (CallbackReceiver subscriber = CallbackReceiver.started()) {
            String inst = newInstance("edge1");
            subscribe(mobility(subscriber.url(), inst, null, List.of()));
            String id = start(request(inst, "edge2", "DNS"));

            JsonPath r = awaitState(id, "COMPLETED");
            assertEquals(List.of("PLAN", "ANNOUNCE", "MOVE_STATE", "STEER_TRAFFIC", "FINALIZE"), r.getList("steps.name"));
            assertEquals(List.of("DONE", "DONE", "DONE", "DONE", "DONE"), r.getList("steps.state"));
            for (int i = 0; i < 5; i++) {
                assertNotNull(r.get("steps[" + i + "].startedAt"));
                assertNotNull(r.get("steps[" + i + "].endedAt"));
                assertTrue(r.getLong("steps[" + i + "].durationMs") >= 0);
            }
            assertEquals("edge1", r.getString("sourceHost"));
            assertEquals("edge2", r.getString("targetHost"));
            assertEquals(610, r.getLong("downtimeMs"), "the move's firstResponseMs");
            assertEquals(TARGET_IP, r.getString("targetEndpoint.host"));
            assertEquals(ScriptedMecSystem.sourceIp(inst), r.getString("sourceEndpoint.host"));
            assertTrue(r.getString("steps[3].detail").contains(TARGET_IP + ":8080"), r.getString("steps[3].detail"));

            // the calls the saga made, in order: the move (MANUAL commit), DNS steering at the source, commit, retire
            String move = calls("/app_instances/" + inst + "/checkpoint_restore").get(0);
            assertTrue(move.contains("\"commit\":\"MANUAL\"") && move.contains("\"moveId\":\"" + id + "\"")
                    && move.contains("\"mode\":\"STOP_AND_COPY\""), move);
            String steer = calls("PUT /edge1/mec_platform_mgmt/v1/app_instances/" + inst + "/steering").get(0);
            assertTrue(steer.contains("\"strategy\":\"DNS\"") && steer.contains(TARGET_IP), steer);
            int steerAt = CALLS.indexOf(steer);
            int commitAt = CALLS.indexOf(calls("/app_moves/" + id + "/commit").get(0));
            String retire = calls("DELETE /edge1/mec_platform_mgmt/v1/app_instances/" + inst
                    + "?keepSteering=true").get(0);
            int retireAt = CALLS.indexOf(retire);
            assertTrue(steerAt < commitAt && commitAt < retireAt, CALLS.toString());
            // the source platform is told where the instance went: the moved process still calls it over Mp1
            assertTrue(retire.contains("&movedTo=") && retire.contains("edge2"), retire);
            // the source proxy held the app's requests from before the freeze until the steering was in force
            String hold = calls("PUT /edge1/edge_proxy/v1/holds/" + id).get(0);
            assertTrue(hold.contains("svc-" + inst + ".example"), hold);
            int holdAt = CALLS.indexOf(hold);
            int releaseAt = CALLS.indexOf(calls("DELETE /edge1/edge_proxy/v1/holds/" + id).get(0));
            assertTrue(holdAt < CALLS.indexOf(move) && steerAt < releaseAt && releaseAt < commitAt, CALLS.toString());
            assertTrue(calls("/app_moves/" + id + "/commit").get(0).contains("\"deprovisionSource\":false"));
            assertTrue(calls("/rollback").stream().noneMatch(c -> c.contains(id)));

            subscriber.await(b -> b.contains("\"mobilityStatus\":1"), WAIT);
            subscriber.await(b -> b.contains("\"mobilityStatus\":2"), WAIT);
            List<String> got = subscriber.bodies();
            assertTrue(indexOf(got, "\"mobilityStatus\":1") < indexOf(got, "\"mobilityStatus\":2"), got.toString());
            assertTrue(got.stream().noneMatch(b -> b.contains("\"mobilityStatus\":3")), got.toString());
        }
    }

    @Test
    void shouldHandClientsOverWithAltSvcAndKeepTheSourceProxyForwardingForStragglers() {
        String inst = newInstance("edge1");
        String backend = ScriptedMecSystem.sourceIp(inst) + ":8080";
        ScriptedMecSystem.CLIENTS.put("drone-" + inst, backend);
        String id = start(request(inst, "edge2", "ALT_SVC"));

        JsonPath r = awaitState(id, "COMPLETED");
        String handover = calls("POST /edge1/edge_proxy/v1/handovers").stream().filter(c -> c.contains(inst))
                .findFirst().orElseThrow(() -> new AssertionError(CALLS.toString()));
        assertTrue(handover.contains("\"targetProxy\":\"proxy-edge2\"")
                && handover.contains("\"counter.example\":\"" + TARGET_IP + ":8080\"")
                && handover.contains("\"handoverId\":\"" + id + "-"), handover);
        assertTrue(r.getString("steps[3].detail").contains("1 client(s)"), r.getString("steps[3].detail"));
        String residue = calls("PUT /edge1/mec_platform_mgmt/v1/app_instances/" + inst + "/steering").get(0);
        assertTrue(residue.contains("\"strategy\":\"TRAFFIC_RULE\""), residue);
    }

    @Test
    void shouldCompensateAFailedMoveAndTellSubscribers() {
        try (CallbackReceiver subscriber = CallbackReceiver.started()) {
            String inst = newInstance("edge1");
            ScriptedMecSystem.FAILING_MOVES.add(inst);
            subscribe(mobility(subscriber.url(), inst, null, List.of()));
            String id = start(request(inst, "edge2", "TRAFFIC_RULE"));

            JsonPath r = awaitState(id, "FAILED");
            assertEquals(List.of("PLAN", "ANNOUNCE", "MOVE_STATE", "COMPENSATE"), r.getList("steps.name"));
            assertEquals("FAILED", r.getString("steps[2].state"));
            assertEquals(502, r.getInt("steps[2].error.status"));
            assertTrue(r.getString("steps[2].error.detail").contains("engine of edge2 refused the restore"));
            assertEquals("DONE", r.getString("steps[3].state"));
            assertTrue(r.getString("steps[3].detail").contains("already been undone"), r.getString("steps[3].detail"));
            assertEquals(502, r.getInt("error.status"));
            assertTrue(calls("/app_instances/" + inst + "/steering").isEmpty(), "nothing was steered");
            subscriber.await(b -> b.contains("\"mobilityStatus\":3"), WAIT);
        }
    }

    @Test
    void shouldNotUndoACommittedMoveWhenTheSourcePlatformFailsAfterwards() {
        String inst = newInstance("edge1");
        ScriptedMecSystem.SOURCE_DOWN_AFTER_COMMIT.add(inst);
        try {
            JsonPath r = awaitState(start(request(inst, "edge2", "DNS")), "COMPLETED");
            // the retire of the source's provisioning is retried, then reported as a leftover; nothing rolled back
            assertTrue(r.getString("steps[4].detail").contains("LEFT OVER on edge1"), r.getString("steps[4].detail"));
            assertTrue(r.getInt("steps[4].attempts") >= 3, "retried: " + r.getMap("steps[4]"));
            assertTrue(calls("/rollback").stream().noneMatch(c -> c.contains(r.getString("relocationId"))));
        } finally {
            ScriptedMecSystem.PLATFORMS_DOWN.remove("edge1");
        }
    }

    @Test
    void shouldRollBackWhenSteeringCannotReachTheSourcePlatform() {
        String inst = newInstance("edge1");
        ScriptedMecSystem.HELD_MOVES.add(inst);
        String id = start(request(inst, "edge2", "DNS"));
        // the move has started (after the source proxy's hold): now the source platform goes down
        CallbackReceiver.until(() -> !calls("/app_instances/" + inst + "/checkpoint_restore").isEmpty(), WAIT,
                "the move of " + inst + " started");
        ScriptedMecSystem.PLATFORMS_DOWN.add("edge1");
        ScriptedMecSystem.HELD_MOVES.remove(inst);
        try {
            JsonPath r = awaitState(id, "FAILED");
            assertEquals("FAILED", r.getString("steps[3].state"), r.prettify());
            assertEquals(503, r.getInt("steps[3].error.status"));
            assertTrue(r.getString("steps[3].error.detail").contains("/edge1/"), r.getString("steps[3].error.detail"));
            assertTrue(r.getString("steps[4].detail").contains("rolled back"), r.getString("steps[4].detail"));
            assertFalse(calls("/app_moves/" + id + "/rollback").isEmpty());
            assertTrue(r.getString("steps[4].detail").contains("hold not released"), "the platform is down: "
                    + r.getString("steps[4].detail"));
            assertTrue(calls("/app_moves/" + id + "/commit").isEmpty());
        } finally {
            ScriptedMecSystem.PLATFORMS_DOWN.remove("edge1");
        }
    }

    @Test
    void shouldEndFailedWhenARollbackKeepsBeingRefused() {
        String inst = newInstance("edge1");
        ScriptedMecSystem.HELD_MOVES.add(inst);
        ScriptedMecSystem.FAILING_ROLLBACKS.add(inst);
        String id = start(request(inst, "edge2", "DNS"));
        CallbackReceiver.until(() -> !calls("/app_instances/" + inst + "/checkpoint_restore").isEmpty(), WAIT,
                "the move of " + inst + " started");
        operator().post(RELOCATIONS + "/" + id + "/cancel").then().statusCode(202);
        ScriptedMecSystem.HELD_MOVES.remove(inst);
        // compensation retries the refused rollback a bounded number of times, then the relocation ends with the error
        JsonPath r = awaitState(id, "FAILED");
        assertEquals("FAILED", r.getString("steps[-1].state"), r.prettify());
        assertEquals(502, r.getInt("error.status"));
        assertTrue(r.getString("error.detail").contains("refused the in-place restore"), r.getString("error.detail"));
        assertTrue(calls("/app_moves/" + id + "/rollback").size() > 3, "retried before giving up");
    }

    @Test
    void shouldCancelDuringTheMoveAndRollItBack() {
        String inst = newInstance("edge1");
        ScriptedMecSystem.HELD_MOVES.add(inst);
        String id = start(request(inst, "edge2", "DNS"));
        CallbackReceiver.until(() -> !calls("/app_instances/" + inst + "/checkpoint_restore").isEmpty(), WAIT,
                "the move of " + inst + " started");
        operator().post(RELOCATIONS + "/" + id + "/cancel").then().statusCode(202).body("cancelRequested", equalTo(true));
        ScriptedMecSystem.HELD_MOVES.remove(inst);
        JsonPath r = awaitState(id, "CANCELLED");
        assertTrue(r.getString("steps[-1].detail").startsWith("cancelled: "), r.getString("steps[-1].detail"));
        assertFalse(calls("/app_moves/" + id + "/rollback").isEmpty(), "the move that went on was rolled back");
        // a repeated cancel is answered like the first; a finished relocation has no cancel link
        operator().post(RELOCATIONS + "/" + id + "/cancel").then().statusCode(202).body("state", equalTo("CANCELLED"));
        assertTrue(r.getMap("_links").get("cancel") == null, r.prettify());
    }

    @Test
    void shouldAnswer409ForASecondRelocationAndTheFirstOneForARetriedIdempotencyKey() {
        String inst = newInstance("edge1");
        ScriptedMecSystem.HELD_MOVES.add(inst);
        String key = "key-" + UUID.randomUUID();
        String first = operator().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(request(inst, "edge2", "DNS")).post(RELOCATIONS).then().statusCode(202).extract()
                .path("relocationId");
        operator().contentType(ContentType.JSON).header("Idempotency-Key", key).body(request(inst, "edge2", "DNS"))
                .post(RELOCATIONS).then().statusCode(200).body("relocationId", equalTo(first))
                .header("Location", containsString(first));
        operator().contentType(ContentType.JSON).body(request(inst, "edge2", "DNS")).post(RELOCATIONS).then()
                .statusCode(409).contentType(PROBLEM).body("detail", containsString(first));
        operator().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(request(newInstance("edge1"), "edge2", "DNS")).post(RELOCATIONS).then().statusCode(409)
                .body("detail", containsString("Idempotency-Key"));
        ScriptedMecSystem.HELD_MOVES.remove(inst);
        awaitState(first, "COMPLETED");
        operator().post(RELOCATIONS + "/" + first + "/cancel").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("COMPLETED"));
        operator().get(RELOCATIONS + "?appInstanceId=" + inst).then().statusCode(200).body("size()", equalTo(1))
                .body("[0].relocationId", equalTo(first));
    }

    @org.junit.jupiter.api.RepeatedTest(4)
    void shouldAnswerTheSameRelocationToTheSameIdempotencyKeySentTwiceAtOnce() throws Exception {
        // two replicas (or a client retrying before the first answer) get the same request at the same time
        String inst = newInstance("edge1");
        ScriptedMecSystem.HELD_MOVES.add(inst);
        String key = "key-" + UUID.randomUUID();
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.Callable<JsonPath> post = () -> {
            start.await(10, java.util.concurrent.TimeUnit.SECONDS);
            return operator().contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body(request(inst, "edge2", "DNS")).post(RELOCATIONS).then().extract().jsonPath();
        };
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<JsonPath> a = two.submit(post);
            java.util.concurrent.Future<JsonPath> b = two.submit(post);
            String first = a.get(30, java.util.concurrent.TimeUnit.SECONDS).getString("relocationId");
            String second = b.get(30, java.util.concurrent.TimeUnit.SECONDS).getString("relocationId");
            assertNotNull(first, "first answer: no relocation");
            assertEquals(first, second, "both answers name the one relocation");
        } finally {
            two.shutdownNow();
            ScriptedMecSystem.HELD_MOVES.remove(inst);
        }
        operator().get(RELOCATIONS + "?appInstanceId=" + inst).then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void shouldPlaceByNearestZoneAndByLoad() {
        // edge3 (zone-b, 1 vCPU) is busy: 50 instances
        for (int i = 0; i < 50; i++) {
            ScriptedMecSystem.instance("filler-" + UUID.randomUUID(), "filler", "edge3");
        }
        String inst = newInstance("edge1");
        Map<String, Object> nearest = new HashMap<>(request(inst, null, "DNS"));
        nearest.put("placement", Map.of("policy", "NEAREST", "position", Map.of("latitude", 48.2, "longitude", 11.5)));
        JsonPath r = awaitState(start(nearest), "COMPLETED");
        // zone-b is nearest; of its hosts edge2 carries fewer instances per vCPU than edge3
        assertEquals("edge2", r.getString("targetHost"));
        assertTrue(r.getString("steps[0].detail").contains("NEAREST"), r.getString("steps[0].detail"));

        String other = newInstance("edge2");
        Map<String, Object> byLoad = new HashMap<>(request(other, null, "DNS"));
        byLoad.put("placement", Map.of("policy", "LEAST_LOADED"));
        assertEquals("edge1", awaitState(start(byLoad), "COMPLETED").getString("targetHost"));
    }

    @Test
    void shouldFollowTheApplicationDrivenContextTransfer() {
        try (CallbackReceiver subscriber = CallbackReceiver.started()) {
            String inst = newInstance("edge1");
            String appDId = ScriptedMecSystem.INSTANCES.get(inst)[0];
            String peer = "peer-" + UUID.randomUUID();
            ScriptedMecSystem.INSTANCES.put(peer, new String[] {appDId, "edge2", "true"});
            subscribe(mobility(subscriber.url(), inst, null, List.of()));
            Map<String, Object> device = Map.of("associateId", ue("10.9.0.1"),
                    "appMobilityServiceLevel", Map.of("appMobilityServiceLevel", 3), "contextTransferState", 0);
            String reg = register(Map.of("serviceConsumerId", Map.of("appInstanceId", inst),
                    "deviceInformation", List.of(device)));
            Map<String, Object> body = new HashMap<>(request(inst, "edge2", "DNS"));
            body.put("stateTransfer", "APPLICATION");
            String id = start(body);

            String triggered = subscriber.await(b -> b.contains("\"mobilityStatus\":1"), WAIT);
            assertTrue(triggered.contains("\"appInstanceId\":\"" + peer + "\""), triggered);
            awaitStep(id, "MOVE_STATE", "RUNNING");
            Map<String, Object> transferred = new HashMap<>(device);
            transferred.put("contextTransferState", 1);
            operator().contentType(ContentType.JSON).body(Map.of("serviceConsumerId", Map.of("appInstanceId", inst),
                    "deviceInformation", List.of(transferred))).put(SERVICES + "/" + reg).then().statusCode(200);

            JsonPath r = awaitState(id, "COMPLETED");
            assertTrue(r.getString("steps[2].detail").contains("context transferred to " + peer));
            assertTrue(calls("/app_instances/" + inst + "/checkpoint_restore").isEmpty(), "no container moved");
            assertTrue(calls("keepSteering").stream().noneMatch(c -> c.contains(inst)), "the source stays");
            subscriber.await(b -> b.contains("\"mobilityStatus\":2"), WAIT);
        }
    }

    @Test
    void shouldFailTheApplicationDrivenTransferThatIsNeverReported() {
        String inst = newInstance("edge1");
        ScriptedMecSystem.INSTANCES.put("peer-" + UUID.randomUUID(),
                new String[] {ScriptedMecSystem.INSTANCES.get(inst)[0], "edge2", "true"});
        register(Map.of("serviceConsumerId", Map.of("appInstanceId", inst), "deviceInformation",
                List.of(Map.of("associateId", ue("10.9.0.2"), "contextTransferState", 0))));
        Map<String, Object> body = new HashMap<>(request(inst, "edge2", "DNS"));
        body.put("stateTransfer", "APPLICATION");
        JsonPath r = awaitState(start(body), "FAILED");
        assertEquals(504, r.getInt("steps[2].error.status"));
        assertTrue(r.getString("steps[2].error.detail").contains("0 of 1"), r.getString("steps[2].error.detail"));
    }

    @Test
    void shouldTakeOverARelocationWhoseWorkerDied() throws SQLException {
        String inst = newInstance("edge1");
        ScriptedMecSystem.HELD_MOVES.add(inst);
        String id = start(request(inst, "edge2", "DNS"));
        awaitStep(id, "MOVE_STATE", "RUNNING");
        // another replica claimed it and died: its lease names it and has not passed yet
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("update " + schema
                + ".relocation set lease_owner = 'dead-replica', lease_until = ? where relocation_id = ?")) {
            s.setObject(1, OffsetDateTime.now().plusSeconds(2));
            s.setString(2, id);
            assertEquals(1, s.executeUpdate());
        }
        ScriptedMecSystem.HELD_MOVES.remove(inst);
        sleep(1000);
        assertEquals("RUNNING", operator().get(RELOCATIONS + "/" + id).then().extract().path("state"),
                "not touched while another worker's lease holds");
        JsonPath r = awaitState(id, "COMPLETED");
        assertEquals(1, calls("/app_moves/" + id + "/commit").size(), "committed once");
        assertEquals(1, r.getList("steps.name").stream().filter("MOVE_STATE"::equals).count());
    }

    /**
     * A worker that dies inside a step, after its remote call had its effect: the result is lost with it (its lease
     * was taken), the step runs again after the lease, and the relocation completes once. ANNOUNCE has no remote call
     * (its notifications are written in the step's own transaction); MOVE_STATE is the test above.
     */
    @ParameterizedTest
    @ValueSource(strings = {"PLAN", "STEER_TRAFFIC", "FINALIZE"})
    void shouldRunAStepAgainWhenTheWorkerDiedInsideIt(String step) throws SQLException {
        String inst = newInstance("edge1");
        String held = switch (step) {
            case "PLAN" -> "GET /app_lcm/v1/app_instances";
            case "STEER_TRAFFIC" -> "PUT /edge1/mec_platform_mgmt/v1/app_instances/" + inst + "/steering";
            default -> "DELETE /edge1/mec_platform_mgmt/v1/app_instances/" + inst;
        };
        ScriptedMecSystem.HELD_CALLS.add(held);
        try {
            String id = start(request(inst, "edge2", "DNS"));
            CallbackReceiver.until(() -> ScriptedMecSystem.ARRIVED_HELD_CALLS.contains(held), WAIT, held);
            awaitStep(id, step, "RUNNING");
            // the worker "dies" inside the call: another owner holds the lease, so what it brings back is dropped
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("update "
                    + schema + ".relocation set lease_owner = 'dead-replica', lease_until = ? where relocation_id = ?")) {
                s.setObject(1, OffsetDateTime.now().plusSeconds(2));
                s.setString(2, id);
                assertEquals(1, s.executeUpdate());
            }
            ScriptedMecSystem.HELD_CALLS.remove(held);
            JsonPath r = awaitState(id, "COMPLETED");
            long ran = CALLS.stream().filter(c -> c.equals(held) || c.startsWith(held + "?")
                    || c.startsWith(held + " ")).count();
            assertTrue(ran >= 2, step + " ran again after the lease: " + CALLS);
            assertEquals(1, r.getList("steps.name").stream().filter(step::equals).count(), r.prettify());
            // FINALIZE run again commits again: a repeated commit of a committed move answers it (idempotent)
            assertEquals(step.equals("FINALIZE") ? 2 : 1, calls("/app_moves/" + id + "/commit").size(), "commits");
            assertEquals(1, calls("/app_instances/" + inst + "/checkpoint_restore").size(), "moved once");
        } finally {
            ScriptedMecSystem.HELD_CALLS.remove(held);
        }
    }

    @Test
    void shouldRelocateTheInstancesServingADeviceThatShowsUpInAnotherZone() throws Exception {
        String inst = newInstance("edge1");
        String stays = newInstance("edge1");
        Map<String, Object> device = Map.of("associateId", ue("10.11.0.1"), "contextTransferState", 0);
        register(Map.of("serviceConsumerId", Map.of("appInstanceId", inst), "deviceInformation", List.of(device)));
        register(Map.of("serviceConsumerId", Map.of("appInstanceId", stays), "deviceInformation",
                List.of(Map.of("associateId", ue("10.11.0.2"), "contextTransferState", 0))));
        org.edgemec.mp1api.mec021.AssociateId ue = new org.edgemec.mp1api.mec021.AssociateId(
                org.edgemec.mp1api.mec021.AssociateId.Type.UE_IPv4_ADDRESS, "10.11.0.1");
        org.edgemec.mp1api.events.DeviceMobilityEvent moved =
                org.edgemec.mp1api.events.DeviceMobilityEvent.inZone("location-feed", ue, "zone-b");
        publish(moved);
        publish(moved); // redelivered
        publish(org.edgemec.mp1api.events.DeviceMobilityEvent.inZone("location-feed",
                new org.edgemec.mp1api.mec021.AssociateId(org.edgemec.mp1api.mec021.AssociateId.Type.UE_IPv4_ADDRESS,
                        "10.11.0.2"), "zone-a"));

        CallbackReceiver.until(() -> !operator().get(RELOCATIONS + "?appInstanceId=" + inst).then().extract()
                .jsonPath().getList("$").isEmpty(), WAIT, "a relocation of " + inst);
        String id = operator().get(RELOCATIONS + "?appInstanceId=" + inst).then().extract().path("[0].relocationId");
        JsonPath r = awaitState(id, "COMPLETED");
        assertTrue(List.of("edge2", "edge3").contains(r.getString("targetHost")), "a host of zone-b: " + r.prettify());
        assertEquals("NEAREST", r.getString("placement.policy"));
        assertEquals(List.of("10.11.0.1"), r.getList("associateId.value"));
        sleep(1000);
        assertEquals(1, operator().get(RELOCATIONS + "?appInstanceId=" + inst).then().extract().jsonPath()
                .getList("$").size(), "the redelivered event started nothing");
        assertTrue(operator().get(RELOCATIONS + "?appInstanceId=" + stays).then().extract().jsonPath().getList("$")
                .isEmpty(), "a device in the zone its instance runs in moves nothing");
    }

    private static void publish(Object event) throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("kafka.bootstrap.servers", String.class));
        try (org.apache.kafka.clients.producer.KafkaProducer<String, String> producer =
                     new org.apache.kafka.clients.producer.KafkaProducer<>(p,
                             new org.apache.kafka.common.serialization.StringSerializer(),
                             new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("edgemec.mobility",
                    org.edgemec.mp1api.Json.newMapper().writeValueAsString(event))).get();
        }
    }

    @Test
    void shouldRefuseBadRequestsNamingTheField() {
        String inst = newInstance("edge1");
        post(Map.of("targetHost", "edge2")).statusCode(400).body("detail", containsString("appInstanceId"));
        post(Map.of("appInstanceId", "nope-" + UUID.randomUUID(), "targetHost", "edge2")).statusCode(400)
                .body("detail", containsString("appInstanceId"));
        post(Map.of("appInstanceId", inst)).statusCode(400).body("detail", containsString("targetHost"));
        post(Map.of("appInstanceId", inst, "targetHost", "edge1")).statusCode(400)
                .body("detail", containsString("already runs on edge1"));
        post(Map.of("appInstanceId", inst, "targetHost", "edge9")).statusCode(400)
                .body("detail", containsString("edge9"));
        post(Map.of("appInstanceId", inst, "targetHost", "edge2", "steering", "CARRIER_PIGEON")).statusCode(400)
                .body("detail", containsString("steering"));
        post(Map.of("appInstanceId", inst, "placement", Map.of("policy", "NEAREST"))).statusCode(400)
                .body("detail", containsString("placement"));
        post(Map.of("appInstanceId", inst, "placement", Map.of("policy", "NEAREST",
                "position", Map.of("latitude", 123, "longitude", 0)))).statusCode(400)
                .body("detail", containsString("latitude"));
        operator().contentType(ContentType.JSON).queryParam("fieldValidation", "Strict")
                .body(Map.of("appInstanceId", inst, "targetHost", "edge2", "colour", "red")).post(RELOCATIONS)
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("colour"));
        operator().contentType(ContentType.JSON).header("Idempotency-Key", "x".repeat(256))
                .body(request(inst, "edge2", "DNS")).post(RELOCATIONS).then().statusCode(400)
                .body("detail", containsString("Idempotency-Key"));
        operator().contentType(ContentType.JSON).body("{\"appInstanceId\": ").post(RELOCATIONS).then().statusCode(400)
                .contentType(PROBLEM);
        operator().get(RELOCATIONS + "?colour=red").then().statusCode(400).body("detail", containsString("colour"));
        operator().get(RELOCATIONS + "?state=SLEEPING").then().statusCode(400).body("detail", containsString("state"));
        operator().get(RELOCATIONS + "/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        operator().post(RELOCATIONS + "/" + UUID.randomUUID() + "/cancel").then().statusCode(404);
        io.restassured.RestAssured.given().get(RELOCATIONS).then().statusCode(401).contentType(PROBLEM);
        assertTrue(operator().get(RELOCATIONS + "?appInstanceId=" + inst).then().statusCode(200).extract()
                .jsonPath().getList("$").isEmpty(), "nothing was written by refused requests");
    }

    private static io.restassured.response.ValidatableResponse post(Map<String, Object> body) {
        return operator().contentType(ContentType.JSON).body(body).post(RELOCATIONS).then().contentType(PROBLEM);
    }

    private static void awaitStep(String id, String step, String state) {
        CallbackReceiver.until(() -> {
            JsonPath r = operator().get(RELOCATIONS + "/" + id).then().extract().jsonPath();
            List<String> names = r.getList("steps.name");
            List<String> states = r.getList("steps.state");
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equals(step) && states.get(i).equals(state)) {
                    return true;
                }
            }
            return false;
        }, WAIT, "step " + step + " " + state + " of " + id);
    }

    private static int indexOf(List<String> bodies, String fragment) {
        for (int i = 0; i < bodies.size(); i++) {
            if (bodies.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
