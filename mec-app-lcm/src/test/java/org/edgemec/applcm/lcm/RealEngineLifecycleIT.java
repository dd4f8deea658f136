package org.edgemec.applcm.lcm;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.edgemec.applcm.adapters.engine.PodmanEngine;
import org.edgemec.applcm.adapters.engine.TestEngineAccess;
import jakarta.inject.Inject;
import org.edgemec.applcm.domain.engine.CheckpointOptions;
import org.edgemec.applcm.domain.engine.ContainerInfo;
import org.edgemec.applcm.domain.relocate.AppMove;
import org.edgemec.applcm.domain.relocate.MovePhase;
import org.edgemec.applcm.domain.relocate.MoveRecovery;
import org.edgemec.applcm.domain.relocate.MoveState;
import org.edgemec.applcm.persistence.AppMoveEntity;
import org.edgemec.applcm.persistence.AppMoveRepository;
import org.edgemec.applcm.support.CallbackRecorder;
import org.edgemec.applcm.support.Poll;
import org.edgemec.applcm.support.TestPackages;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end on the real Podman host edge1 (needs scripts/setup-engines.sh): a package built from the counter image
 * is onboarded, instantiated on a host without a platform (image loaded under a fresh name, container created and
 * started), stopped, started and terminated, with op occs and notifications checked at each step; a package whose
 * image archive is unusable ends FAILED_TEMP, then FAILED; and the two-phase checkpoint/restore move of the counter
 * between Podman edge1 and edge2 (commit, rollback, failures, recovery), its count checked to continue every time.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RealEngineLifecycleIT {

    static final Duration WAIT = Duration.ofSeconds(90);
    static PodmanEngine edge1;

    @BeforeAll
    static void engines() {
        edge1 = TestEngineAccess.podman("edge1");
    }

    @AfterAll
    static void close() {
        edge1.close();
    }

    @Test
    void shouldInstantiateOperateAndTerminateCounterOnPodmanEdge1() throws IOException {
        // engine-level: a host without a platform (provisioning against the real mec-platform is proved by the
        // journey suite, journey-tests/)
        try (CallbackRecorder subscriber = new CallbackRecorder()) {
            String host = host(null);
            String image = "localhost/edgemec/counter-it:" + UUID.randomUUID().toString().substring(0, 8);
            String appDId = TestPackages.newAppDId();
            onboard(appDId, image, retagged(image));
            given().contentType(ContentType.JSON).body(Map.of("subscriptionType", "AppInstanceStateChangeSubscription",
                    "callbackUri", subscriber.url("/inst"))).post("/app_lcm/v1/subscriptions").then().statusCode(201);
            String id = instance(appDId);

            String op = run(id, "instantiate", Map.of("selectedMECHostInfo",
                    List.of(Map.of("hostName", host, "hostId", Map.of("name", host)))), "COMPLETED");
            JsonPath inst = given().get("/app_lcm/v1/app_instances/" + id).then().statusCode(200)
                    .body("instantiationState", equalTo("INSTANTIATED"))
                    .body("instantiatedAppState.operationalState", equalTo("STARTED"))
                    .body("instantiatedAppState.mcioInfo[0].mcioNamespace", equalTo(host)).extract().jsonPath();
            String container = inst.getString("instantiatedAppState.mcioInfo[0].mcioName");
            assertTrue(edge1.inspect(container).map(ContainerInfo::running).orElse(false), "container runs");
            Poll.until(() -> edge1.logs(container, 5), l -> l.stream().anyMatch(s -> s.startsWith("count=")), WAIT,
                    "counter output");
            given().get("/app_lcm_ext/v1/app_lcm_op_occs/" + op).then()
                    .body("steps.step", org.hamcrest.Matchers.hasItem(containsString("image " + image + " loaded")))
                    .body("steps.step", org.hamcrest.Matchers.hasItem(containsString("provisioning skipped")));
            subscriber.await(b -> b.contains(id) && b.contains("\"appInstanceState\":\"STARTED\""), WAIT);

            run(id, "operate", Map.of("changeStateTo", "STOPPED", "stopType", "GRACEFUL", "gracefulStopTimeout", 5),
                    "COMPLETED");
            assertFalse(edge1.inspect(container).map(ContainerInfo::running).orElse(true), "container stopped");
            subscriber.await(b -> b.contains(id) && b.contains("\"appInstanceState\":\"STOPPED\""), WAIT);
            run(id, "operate", Map.of("changeStateTo", "STARTED"), "COMPLETED");
            assertTrue(edge1.inspect(container).map(ContainerInfo::running).orElse(false), "container restarted");

            given().delete("/app_lcm/v1/app_instances/" + id).then().statusCode(409);
            run(id, "terminate", Map.of("terminationType", "GRACEFUL", "gracefulTerminationTimeout", 5), "COMPLETED");
            assertTrue(edge1.inspect(container).isEmpty(), "container removed");
            subscriber.await(b -> b.contains(id) && b.contains("\"appInstanceState\":\"NOT_INSTANTIATED\""), WAIT);
            given().delete("/app_lcm/v1/app_instances/" + id).then().statusCode(204);
        }
    }

    /**
     * The two-phase move on the real engines, MANUAL: 202 + Location, an idempotent retry, 409 for a second move and
     * for an LCM operation, AWAITING_COMMIT with the source frozen and the target counting on; rollback: the target
     * goes, the SAME source container continues in place; a second move committed: the source goes, the count
     * continues on edge2; a move back whose source is itself an imported container, rolled back (see the README's
     * Podman 4.3 note: either the source continues in place or, refused, the target is resumed and awaits a commit).
     */
    @Test
    void shouldMoveCounterWithRollbackThenCommitKeepingItsCount() {
        PodmanEngine edge2 = TestEngineAccess.podman("edge2");
        try {
            String from = host(null);
            String to = host(null, "edge2");
            String id = runningCounter(from);
            JsonPath inst = given().get("/app_lcm/v1/app_instances/" + id).then().extract().jsonPath();
            String container = inst.getString("instantiatedAppState.mcioInfo[0].mcioName");
            String sourceId = inst.getString("instantiatedAppState.mcioInfo[0].mcioId");
            Poll.until(() -> maxCount(edge1.logs(container, 3)), n -> n >= 20, WAIT, "count 20");

            // 1. MANUAL move, rolled back: the source continues in place
            String moveId = "it-" + UUID.randomUUID();
            Map<String, Object> request = Map.of("targetHost", to, "commit", "MANUAL", "moveId", moveId);
            io.restassured.response.Response accepted = given().contentType(ContentType.JSON).body(request)
                    .post("/app_lcm_ext/v1/app_instances/" + id + "/checkpoint_restore");
            accepted.then().statusCode(202).body("moveId", equalTo(moveId)).body("appInstanceId", equalTo(id))
                    .body("sourceHost", equalTo(from)).body("targetHost", equalTo(to))
                    .body("mode", equalTo("STOP_AND_COPY")).body("commit", equalTo("MANUAL"))
                    .body("sourceContainerId", equalTo(sourceId));
            assertTrue(accepted.header("Location").endsWith("/app_lcm_ext/v1/app_moves/" + moveId),
                    accepted.header("Location"));
            given().contentType(ContentType.JSON).body(request)
                    .post("/app_lcm_ext/v1/app_instances/" + id + "/checkpoint_restore").then().statusCode(202)
                    .body("moveId", equalTo(moveId));
            given().contentType(ContentType.JSON).body(Map.of("targetHost", to, "commit", "MANUAL"))
                    .post("/app_lcm_ext/v1/app_instances/" + id + "/checkpoint_restore").then().statusCode(409);
            given().contentType(ContentType.JSON).body(Map.of("changeStateTo", "STOPPED"))
                    .post("/app_lcm/v1/app_instances/" + id + "/operate").then().statusCode(409);
            JsonPath waiting = awaitMove(moveId, "AWAITING_COMMIT");
            assertEquals(List.of("STARTED", "GRANTED", "IMAGE_READY", "DUMPED", "RESTORED"),
                    waiting.getList("phases.phase"), waiting.prettify());
            for (String t : List.of("grantMs", "imageCopyMs", "freezeDumpMs", "transferRestoreMs", "transferMs",
                    "restoreMs", "downtimeMs", "totalMs", "criu.frozenUs", "criu.memdumpUs", "criu.memwriteUs",
                    "criu.restoreUs")) {
                assertTrue(waiting.get("timings." + t) != null, t + " missing: " + waiting.prettify());
            }
            // the parts add up: the downtime spans the dump, the transfer and the restore
            assertTrue(waiting.getLong("timings.downtimeMs") >= waiting.getLong("timings.freezeDumpMs")
                    + waiting.getLong("timings.transferRestoreMs"), waiting.prettify());
            assertTrue(waiting.getLong("timings.transferRestoreMs") >= waiting.getLong("timings.transferMs")
                    + waiting.getLong("timings.restoreMs") - 1, waiting.prettify());
            assertTrue(waiting.getLong("timings.criu.frozenUs") > 0 && waiting.getLong("timings.criu.restoreUs") > 0,
                    waiting.prettify());
            assertTrue(waiting.getLong("archiveBytes") > 0, waiting.prettify());
            assertEquals(1, given().queryParam("appInstanceId", id).get("/app_lcm_ext/v1/app_moves").then()
                    .statusCode(200).extract().jsonPath().getList("$").size(), "one move for the two POSTs");
            String rolledTarget = waiting.getString("targetContainerId");
            // never two running copies: the source is frozen (checkpoint kept) while the target runs
            assertFalse(edge1.inspect(sourceId).map(ContainerInfo::running).orElse(true), "source frozen");
            assertTrue(edge1.hasKeptCheckpoint(sourceId), "source keeps its checkpoint until commit");
            assertTrue(edge2.inspect(rolledTarget).map(ContainerInfo::running).orElse(false), "target runs");
            int frozen = maxCount(edge1.logs(container, 5));
            assertContinues(Poll.until(() -> counts(edge2.logs(rolledTarget, 0)),
                    c -> !c.isEmpty() && c.get(c.size() - 1) > frozen + 5, WAIT, "count continues on edge2"), frozen);
            JsonPath rolledBack = given().post("/app_lcm_ext/v1/app_moves/" + moveId + "/rollback").then()
                    .statusCode(200).body("state", equalTo("ROLLED_BACK")).body("phase", equalTo("ROLLED_BACK"))
                    .extract().jsonPath();
            System.out.println("MOVE-TIMINGS manual, rolled back: " + rolledBack.getMap("timings"));
            assertTrue(edge2.inspect(rolledTarget).isEmpty(), "target container removed from edge2");
            assertTrue(edge1.inspect(sourceId).map(ContainerInfo::running).orElse(false), "same source runs again");
            assertContinues(Poll.until(() -> counts(edge1.logs(sourceId, 0)),
                    c -> c.get(c.size() - 1) > frozen + 5, WAIT, "count continues in place on edge1"), frozen);
            given().post("/app_lcm_ext/v1/app_moves/" + moveId + "/rollback").then().statusCode(200)
                    .body("state", equalTo("ROLLED_BACK"));
            given().post("/app_lcm_ext/v1/app_moves/" + moveId + "/commit").then().statusCode(409);
            given().get("/app_lcm/v1/app_instances/" + id).then()
                    .body("instantiatedAppState.mcioInfo[0].mcioNamespace", equalTo(from))
                    .body("instantiatedAppState.mcioInfo[0].mcioId", equalTo(sourceId));

            // 2. MANUAL move, committed: the count continues on edge2, the source is gone
            String second = "it-commit-" + UUID.randomUUID();
            given().contentType(ContentType.JSON).body(Map.of("targetHost", to, "commit", "manual", "moveId", second))
                    .post("/app_lcm_ext/v1/app_instances/" + id + "/checkpoint_restore").then().statusCode(202);
            String targetId = awaitMove(second, "AWAITING_COMMIT").getString("targetContainerId");
            int frozenAgain = maxCount(edge1.logs(sourceId, 5));
            JsonPath committed = given().contentType(ContentType.JSON).body(Map.of("deprovisionSource", true))
                    .post("/app_lcm_ext/v1/app_moves/" + second + "/commit").then().statusCode(200)
                    .body("state", equalTo("COMMITTED")).body("phase", equalTo("COMMITTED"))
                    .extract().jsonPath();
            assertEquals(List.of("STARTED", "GRANTED", "IMAGE_READY", "DUMPED", "RESTORED", "SOURCE_REMOVED",
                    "COMMITTED"), committed.getList("phases.phase"));
            System.out.println("MOVE-TIMINGS manual, committed: " + committed.getMap("timings") + " archiveBytes="
                    + committed.getLong("archiveBytes"));
            assertTrue(edge1.inspect(sourceId).isEmpty(), "source container (and its checkpoint) removed");
            assertContinues(Poll.until(() -> counts(edge2.logs(targetId, 0)),
                    c -> c.get(c.size() - 1) > frozenAgain + 5, WAIT, "count continues on edge2"), frozenAgain);
            given().post("/app_lcm_ext/v1/app_moves/" + second + "/commit").then().statusCode(200)
                    .body("state", equalTo("COMMITTED"));
            given().post("/app_lcm_ext/v1/app_moves/" + second + "/rollback").then().statusCode(409);
            given().get("/app_lcm/v1/app_instances/" + id).then()
                    .body("instantiatedAppState.mcioInfo[0].mcioNamespace", equalTo(to))
                    .body("instantiatedAppState.mcioInfo[0].mcioId", equalTo(targetId));

            // 3. a move back whose source (on edge2) was itself imported, rolled back: the count is never lost
            String back = "it-back-" + UUID.randomUUID();
            given().contentType(ContentType.JSON).body(Map.of("targetHost", from, "commit", "MANUAL", "moveId", back))
                    .post("/app_lcm_ext/v1/app_instances/" + id + "/checkpoint_restore").then().statusCode(202);
            String backTarget = awaitMove(back, "AWAITING_COMMIT").getString("targetContainerId");
            int frozenBack = maxCount(edge2.logs(targetId, 5));
            io.restassured.response.Response rb = given().post("/app_lcm_ext/v1/app_moves/" + back + "/rollback");
            JsonPath after = given().get("/app_lcm_ext/v1/app_moves/" + back).then().extract().jsonPath();
            System.out.println("MOVE rollback of an imported source: HTTP " + rb.statusCode() + " " + after.prettify());
            if (rb.statusCode() == 200) {
                assertEquals("ROLLED_BACK", after.getString("state"));
                assertTrue(edge1.inspect(backTarget).isEmpty(), "target removed from edge1");
                assertContinues(Poll.until(() -> counts(edge2.logs(targetId, 0)),
                        c -> c.get(c.size() - 1) > frozenBack + 5, WAIT, "count continues in place"), frozenBack);
            } else {
                // refused by the source engine: the frozen target was resumed, nothing lost, a commit finishes it
                assertEquals(502, rb.statusCode(), rb.asString());
                assertTrue(rb.asString().contains("podman " + to), rb.asString());
                assertEquals("AWAITING_COMMIT", after.getString("state"), after.prettify());
                assertFalse(edge2.inspect(targetId).map(ContainerInfo::running).orElse(true), "source stays frozen");
                assertContinues(Poll.until(() -> counts(edge1.logs(backTarget, 0)),
                        c -> c.get(c.size() - 1) > frozenBack + 5, WAIT, "count continues on the resumed target"),
                        frozenBack);
                given().post("/app_lcm_ext/v1/app_moves/" + back + "/commit").then().statusCode(200)
                        .body("state", equalTo("COMMITTED")).body("error", org.hamcrest.Matchers.nullValue());
                assertTrue(edge2.inspect(targetId).isEmpty(), "old source removed from edge2");
            }
            run(id, "terminate", Map.of("terminationType", "FORCEFUL"), "COMPLETED");
            assertTrue(edge1.inspect(container).isEmpty() && edge2.inspect(container).isEmpty(), "container gone");
        } finally {
            edge2.close();
        }
    }

    /**
     * Moves that fail, for real, and leave the source running with its state: the target engine unreachable (a host
     * whose Podman socket path has nothing listening: FAILED before DUMPED, source untouched); the target engine
     * refusing the restore (edge2 already has a foreign container of that name: FAILED after DUMPED, source restored in
     * place); the target's mec-platform unreachable (restore done, provisioning fails: the running target is removed,
     * source restored in place); and recovery of a move left at DUMPED with the source really checkpointed.
     */
    @Test
    void shouldFailMovesWithoutLosingTheSourceStateAndRecoverAnInterruptedOne() {
        PodmanEngine edge2 = TestEngineAccess.podman("edge2");
        String squatter = null;
        try {
            String from = host(null);
            String id = runningCounter(from);
            JsonPath inst = given().get("/app_lcm/v1/app_instances/" + id).then().extract().jsonPath();
            String container = inst.getString("instantiatedAppState.mcioInfo[0].mcioName");
            String sourceId = inst.getString("instantiatedAppState.mcioInfo[0].mcioId");
            Poll.until(() -> maxCount(edge1.logs(container, 3)), n -> n >= 20, WAIT, "count 20");

            // 1. target engine unreachable: FAILED before DUMPED, the source never stopped
            String dead = "itdead" + UUID.randomUUID().toString().substring(0, 6);
            given().contentType(ContentType.JSON).body(Map.of("name", dead, "engineKind", "PODMAN",
                    "engineEndpoint", "unix:///tmp/edgemec-nothing-" + UUID.randomUUID() + ".sock"))
                    .post("/app_lcm_ext/v1/mec_hosts").then().statusCode(201);
            JsonPath unreachable = startAndAwait(id, Map.of("targetHost", dead), "FAILED");
            assertEquals(503, unreachable.getInt("error.status"), unreachable.prettify());
            assertTrue(unreachable.getString("error.detail").contains(dead), unreachable.prettify());
            assertFalse(unreachable.getList("phases.phase").contains("DUMPED"), unreachable.prettify());
            assertTrue(edge1.inspect(sourceId).map(ContainerInfo::running).orElse(false), "source untouched");
            int counted = maxCount(edge1.logs(container, 3));
            assertContinues(Poll.until(() -> counts(edge1.logs(container, 0)),
                    c -> c.get(c.size() - 1) > counted + 3, WAIT, "source counts on"), 0);

            // 2. target engine refuses the restore (name taken on edge2 by a container that is not ours)
            String to = host(null, "edge2");
            squatter = edge2.create(org.edgemec.applcm.domain.engine.ContainerSpec.of(container,
                    TestEngineAccess.counterImage()));
            JsonPath refused = startAndAwait(id, Map.of("targetHost", to, "moveId", "it-refused-" + id), "FAILED");
            assertEquals("ROLLED_BACK", refused.getString("phase"), refused.prettify());
            assertTrue(refused.getList("phases.phase").contains("DUMPED"), refused.prettify());
            assertEquals(502, refused.getInt("error.status"), refused.prettify());
            assertTrue(refused.getString("error.detail").contains("podman " + to), refused.prettify());
            assertTrue(edge2.inspect(squatter).isPresent(), "the foreign container on edge2 is left alone");
            assertSourceContinues(sourceId, refused);
            edge2.remove(squatter, true);
            squatter = null;

            // 3. target platform unreachable after the restore: the running target is removed again
            String noPlatform = host("http://127.0.0.1:1", "edge2");
            JsonPath unprovisioned = startAndAwait(id, Map.of("targetHost", noPlatform), "FAILED");
            assertEquals("ROLLED_BACK", unprovisioned.getString("phase"), unprovisioned.prettify());
            assertTrue(unprovisioned.getList("phases.phase").contains("RESTORED"), unprovisioned.prettify());
            assertEquals(false, unprovisioned.getBoolean("targetProvisioned"));
            assertTrue(unprovisioned.getString("error.detail").contains(noPlatform), unprovisioned.prettify());
            assertTrue(edge2.inspect(unprovisioned.getString("targetContainerId")).isEmpty(), "target removed");
            assertSourceContinues(sourceId, unprovisioned);

            // 4. recovery: a move left at DUMPED by a stopped LCM, the source really checkpointed (kept)
            try (InputStream archive = edge1.checkpoint(sourceId, CheckpointOptions.keptForRollback(false))) {
                archive.transferTo(OutputStream.nullOutputStream());
            }
            assertTrue(edge1.hasKeptCheckpoint(sourceId), "checkpointed with keep");
            int atCheckpoint = maxCount(edge1.logs(sourceId, 5));
            String interrupted = "it-interrupted-" + UUID.randomUUID();
            insertInterruptedMove(interrupted, id, from, to, sourceId, container);
            List<AppMove> recovered = recovery.recoverNow();
            AppMove result = recovered.stream().filter(m -> m.moveId().equals(interrupted)).findFirst()
                    .orElseThrow(() -> new AssertionError("not recovered: " + recovered));
            assertEquals(MoveState.FAILED, result.state(), result.toString());
            assertEquals(MovePhase.ROLLED_BACK, result.phase(), result.toString());
            assertTrue(edge1.inspect(sourceId).map(ContainerInfo::running).orElse(false), "restored in place");
            assertContinues(Poll.until(() -> counts(edge1.logs(sourceId, 0)),
                    c -> c.get(c.size() - 1) > atCheckpoint + 5, WAIT, "count continues after recovery"),
                    atCheckpoint);
            // a second recovery run finds nothing to do and leaves the source alone
            assertTrue(recovery.recoverNow().stream().noneMatch(m -> m.moveId().equals(interrupted)));
            assertTrue(edge1.inspect(sourceId).map(ContainerInfo::running).orElse(false), "still running");
            given().get("/app_lcm_ext/v1/app_moves/" + interrupted).then().statusCode(200)
                    .body("state", equalTo("FAILED")).body("error.detail", containsString("interrupted"));

            run(id, "terminate", Map.of("terminationType", "FORCEFUL"), "COMPLETED");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (squatter != null) {
                edge2.remove(squatter, true);
            }
            edge2.close();
        }
    }

    @Inject
    MoveRecovery recovery;
    @Inject
    AppMoveRepository moves;

    void insertInterruptedMove(String moveId, String instance, String from, String to, String sourceId,
            String container) {
        QuarkusTransaction.requiringNew().run(() -> {
            AppMoveEntity e = new AppMoveEntity();
            OffsetDateTime now = OffsetDateTime.now();
            e.moveId = moveId;
            e.appInstanceId = instance;
            e.sourceHost = from;
            e.targetHost = to;
            e.mode = "STOP_AND_COPY";
            e.commitMode = "AUTO";
            e.state = "PROCESSING";
            e.phase = "DUMPED";
            e.phases = "[{\"phase\":\"STARTED\",\"at\":\"" + now + "\"},{\"phase\":\"DUMPED\",\"at\":\""
                    + now + "\"}]";
            e.sourceContainerId = sourceId;
            e.containerName = container;
            e.timings = "{}";
            e.deprovisionSource = true;
            e.claimedBy = "a-stopped-replica/0";
            e.leaseUntil = now.minusSeconds(1);
            e.createdAt = now;
            e.updatedAt = now;
            moves.persist(e);
        });
    }

    /** The source container is the same, runs, and its count went on from before the freeze (not from 1). */
    void assertSourceContinues(String sourceId, JsonPath move) {
        assertTrue(edge1.inspect(sourceId).map(ContainerInfo::running).orElse(false), "source runs: "
                + move.prettify());
        List<Integer> counts = Poll.until(() -> counts(edge1.logs(sourceId, 0)), c -> c.size() > 3, WAIT, "counts");
        int last = counts.get(counts.size() - 1);
        assertContinues(Poll.until(() -> counts(edge1.logs(sourceId, 0)), c -> c.get(c.size() - 1) > last + 5, WAIT,
                "source counts on"), 0);
    }

    /** Strictly increasing over the whole log (a restart prints 1 again) and, when given, holds frozenAt + 1. */
    static void assertContinues(List<Integer> counts, int frozenAt) {
        for (int i = 1; i < counts.size(); i++) {
            assertTrue(counts.get(i) > counts.get(i - 1), "count restarted: " + tail(counts));
        }
        if (frozenAt > 0) {
            assertTrue(counts.contains(frozenAt + 1), "no " + (frozenAt + 1) + " after the freeze: " + tail(counts));
        }
    }

    static List<Integer> tail(List<Integer> counts) {
        return counts.subList(Math.max(0, counts.size() - 40), counts.size());
    }

    String runningCounter(String host) {
        String appDId = TestPackages.newAppDId();
        try {
            onboard(appDId, TestEngineAccess.counterImage(), retagged(TestEngineAccess.counterImage()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String id = instance(appDId);
        run(id, "instantiate", Map.of("selectedMECHostInfo",
                List.of(Map.of("hostName", host, "hostId", Map.of("name", host)))), "COMPLETED");
        return id;
    }

    static JsonPath startAndAwait(String id, Map<String, Object> body, String state) {
        String location = given().contentType(ContentType.JSON).body(body)
                .post("/app_lcm_ext/v1/app_instances/" + id + "/checkpoint_restore").then().statusCode(202)
                .extract().header("Location");
        return awaitMove(location.substring(location.lastIndexOf('/') + 1), state);
    }

    /** Polls the move until it leaves PROCESSING/ROLLING_BACK; it must then be in {@code state}. */
    static JsonPath awaitMove(String moveId, String state) {
        JsonPath m = Poll.until(() -> given().get("/app_lcm_ext/v1/app_moves/" + moveId).then().statusCode(200)
                        .extract().jsonPath(), j -> !List.of("PROCESSING", "ROLLING_BACK").contains(j.getString("state")),
                WAIT, "move " + moveId + " settles");
        assertEquals(state, m.getString("state"), m.prettify());
        return m;
    }

    static List<Integer> counts(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("count=")).map(l -> Integer.parseInt(l.substring(6).trim()))
                .toList();
    }

    static int maxCount(List<String> lines) {
        return counts(lines).stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    @Test
    void shouldEndFailedTempWhenImageCannotBeLoaded() {
        String host = host(null);
        String image = "localhost/edgemec/missing:" + UUID.randomUUID().toString().substring(0, 8);
        String appDId = TestPackages.newAppDId();
        onboard(appDId, image, TestPackages.fakeImageArchive(image));
        String id = instance(appDId);
        String op = run(id, "instantiate", Map.of("selectedMECHostInfo",
                List.of(Map.of("hostName", host, "hostId", Map.of("name", host)))), "FAILED_TEMP");
        given().get("/app_lcm_ext/v1/app_lcm_op_occs/" + op).then().body("error", org.hamcrest.Matchers.notNullValue());
        given().post("/app_lcm/v1/app_lcm_op_occs/" + op + "/fail").then().statusCode(200)
                .body("operationState", equalTo("FAILED"));
        given().get("/app_lcm/v1/app_instances/" + id).then().body("instantiationState", equalTo("NOT_INSTANTIATED"));
    }

    /** A host on the real edge1 engine, with the given mec-platform URL (or none). */
    static String host(String platformUrl) {
        return host(platformUrl, "edge1");
    }

    static String host(String platformUrl, String engine) {
        String name = "it" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "engineKind", "PODMAN",
                "engineEndpoint", TestEngineAccess.podmanEndpoint(engine)));
        if (platformUrl != null) {
            body.put("platformUrl", platformUrl);
        }
        given().contentType(ContentType.JSON).body(body).post("/app_lcm_ext/v1/mec_hosts").then().statusCode(201);
        return name;
    }

    static void onboard(String appDId, String image, byte[] archive) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("appd.json", TestPackages.appD(appDId, image, "DOCKER", 64, 1).getBytes(StandardCharsets.UTF_8));
        entries.put("images/app.tar", archive);
        byte[] zip = TestPackages.zip(entries);
        String id = given().contentType(ContentType.JSON).body(Map.of("appPkgName", "counter", "appPkgVersion", "1",
                "appPkgPath", "counter.zip", "checksum", Map.of("algorithm", "SHA-256", "hash", TestPackages.sha256(zip))))
                .post("/app_pkgm/v1/app_packages").then().statusCode(201).extract().path("id");
        given().contentType("application/zip").body(zip).put("/app_pkgm/v1/app_packages/" + id + "/package_content")
                .then().statusCode(202);
        Poll.until(() -> given().get("/app_pkgm/v1/app_packages/" + id).then().extract().jsonPath(),
                j -> "ONBOARDED".equals(j.getString("onboardingState")), WAIT, "package onboarded");
    }

    static String instance(String appDId) {
        return given().contentType(ContentType.JSON).body(Map.of("appDId", appDId)).post("/app_lcm/v1/app_instances")
                .then().statusCode(201).extract().path("id");
    }

    /** Starts an operation and waits for its op occ to reach {@code state}; returns the op occ id. */
    static String run(String id, String operation, Map<String, Object> body, String state) {
        String location = given().contentType(ContentType.JSON).body(body)
                .post("/app_lcm/v1/app_instances/" + id + "/" + operation).then().statusCode(202)
                .extract().header("Location");
        String path = location.substring(location.indexOf("/app_lcm/"));
        JsonPath op = Poll.until(() -> given().get(path).then().statusCode(200).extract().jsonPath(),
                j -> List.of("COMPLETED", "FAILED_TEMP", "FAILED").contains(j.getString("operationState")), WAIT,
                operation + " op occ");
        String details = given().get("/app_lcm_ext/v1/app_lcm_op_occs/" + op.getString("id")).asString();
        if (!state.equals(op.getString("operationState"))) {
            throw new AssertionError(operation + " ended " + op.getString("operationState") + ": " + details);
        }
        return op.getString("id");
    }

    /** The counter image as a docker-archive whose manifest names {@code newTag}: loading it adds that tag. */
    static byte[] retagged(String newTag) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = edge1.exportImage(TestEngineAccess.counterImage());
                TarArchiveInputStream tar = new TarArchiveInputStream(in);
                TarArchiveOutputStream copy = new TarArchiveOutputStream(out)) {
            copy.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                byte[] data = tar.readAllBytes();
                if ("manifest.json".equals(e.getName())) {
                    ArrayNode manifest = (ArrayNode) json.readTree(data);
                    ((ObjectNode) manifest.get(0)).putArray("RepoTags").add(newTag);
                    data = json.writeValueAsBytes(manifest);
                } else if ("repositories".equals(e.getName())) {
                    continue;
                }
                TarArchiveEntry entry = new TarArchiveEntry(e.getName());
                entry.setSize(data.length);
                entry.setMode(e.getMode());
                copy.putArchiveEntry(entry);
                copy.write(data);
                copy.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }
}
