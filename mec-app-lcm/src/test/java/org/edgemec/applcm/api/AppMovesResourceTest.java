package org.edgemec.applcm.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.edgemec.applcm.domain.relocate.MoveLedger;
import org.edgemec.applcm.persistence.AppMoveEntity;
import org.edgemec.applcm.persistence.AppMoveRepository;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

/**
 * The move API without engines: validation (400 naming the field), 404s, 409s of the state machine on recorded moves,
 * and the recovery claim that skips rows another replica holds (FOR UPDATE SKIP LOCKED) on the real PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class AppMovesResourceTest {

    static final String MOVES = "/app_lcm_ext/v1/app_moves";

    @Inject
    AppMoveRepository repository;
    @Inject
    MoveLedger ledger;
    @Inject
    EntityManager em;

    static String move(String instanceId) {
        return "/app_lcm_ext/v1/app_instances/" + instanceId + "/checkpoint_restore";
    }

    @Test
    void shouldRejectInvalidMoveRequestsNamingTheField() {
        String id = AppLcmResourceTest.createInstance(AppLcmResourceTest.onboardedAppD());
        String host = AppLcmResourceTest.deadHost();
        given().contentType(ContentType.JSON).post(move(id)).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("targetHost"));
        given().contentType(ContentType.JSON).body(Map.of("mode", "COLD")).post(move(id)).then().statusCode(400)
                .body("detail", containsString("targetHost"));
        given().contentType(ContentType.JSON).body(Map.of("targetHost", "no-such-host")).post(move(id)).then()
                .statusCode(400).body("detail", containsString("targetHost"))
                .body("detail", containsString("no-such-host"));
        given().contentType(ContentType.JSON).body(Map.of("targetHost", host, "mode", "warp")).post(move(id)).then()
                .statusCode(400).body("detail", containsString("mode"));
        given().contentType(ContentType.JSON).body(Map.of("targetHost", host, "commit", "LATER")).post(move(id))
                .then().statusCode(400).body("detail", containsString("commit"));
        given().contentType(ContentType.JSON).body(Map.of("targetHost", host, "moveId", "has space")).post(move(id))
                .then().statusCode(400).body("detail", containsString("moveId"));
        given().contentType(ContentType.JSON).body(Map.of("targetHost", host, "moveId", "x".repeat(65)))
                .post(move(id)).then().statusCode(400).body("detail", containsString("moveId"));
        // an unknown field is ignored unless the client asks for strict field validation (mec-common tolerant reader)
        given().contentType(ContentType.JSON).body(Map.of("targetHost", host, "speed", "fast"))
                .queryParam("fieldValidation", "Strict").post(move(id))
                .then().statusCode(400).body("detail", containsString("speed"));
        given().contentType(ContentType.JSON).body(Map.of("targetHost", host, "mode", 3)).post(move(id))
                .then().statusCode(400).body("detail", containsString("mode"));
        given().contentType(ContentType.JSON).body(Map.of("targetHost", host)).post(move("no-such-instance"))
                .then().statusCode(404).contentType("application/problem+json");
        // a NOT_INSTANTIATED instance cannot move (and nothing was recorded)
        given().contentType(ContentType.JSON).body(Map.of("targetHost", host, "moveId", "m-" + id)).post(move(id))
                .then().statusCode(409).body("detail", containsString("INSTANTIATED"));
        given().get(MOVES + "/m-" + id).then().statusCode(404);
    }

    @Test
    void shouldAnswer404And400OnTheMovesCollection() {
        given().get(MOVES + "/no-such-move").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("detail", containsString("no-such-move"));
        given().post(MOVES + "/no-such-move/commit").then().statusCode(404);
        given().post(MOVES + "/no-such-move/rollback").then().statusCode(404);
        given().queryParam("hostName", "edge1").get(MOVES).then().statusCode(400)
                .body("detail", containsString("hostName"));
        given().queryParam("state", "SLEEPING").get(MOVES).then().statusCode(400)
                .body("detail", containsString("state"));
        given().queryParam("appInstanceId", "nobody").get(MOVES).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void shouldListNewestFirstAndKeepTheStateMachine() {
        String instance = UUID.randomUUID().toString();
        insert("a-" + instance, instance, "COMMITTED", "COMMITTED", OffsetDateTime.now().minusMinutes(2), null);
        insert("b-" + instance, instance, "FAILED", "GRANTED", OffsetDateTime.now().minusMinutes(1), null);
        insert("c-" + instance, instance, "PROCESSING", "DUMPED", OffsetDateTime.now(),
                OffsetDateTime.now().plusMinutes(5));
        given().queryParam("appInstanceId", instance).get(MOVES).then().statusCode(200).body("$", hasSize(3))
                .body("moveId", equalTo(List.of("c-" + instance, "b-" + instance, "a-" + instance)))
                .body("[0].phases[0].phase", equalTo("STARTED")).body("[0].targetProvisioned", equalTo(false));
        given().queryParam("appInstanceId", instance).queryParam("state", "failed").get(MOVES).then()
                .statusCode(200).body("$", hasSize(1)).body("[0].moveId", equalTo("b-" + instance));
        // COMMITTED: commit again is 200 (idempotent), rollback 409
        given().post(MOVES + "/a-" + instance + "/commit").then().statusCode(200)
                .body("state", equalTo("COMMITTED"));
        given().post(MOVES + "/a-" + instance + "/rollback").then().statusCode(409);
        // FAILED before DUMPED: nothing to undo (200 as it is), nothing to commit (409)
        given().post(MOVES + "/b-" + instance + "/rollback").then().statusCode(200).body("state", equalTo("FAILED"));
        given().contentType(ContentType.JSON).body(Map.of("deprovisionSource", false))
                .post(MOVES + "/b-" + instance + "/commit").then().statusCode(409);
        // PROCESSING: neither yet
        given().post(MOVES + "/c-" + instance + "/commit").then().statusCode(409);
        given().post(MOVES + "/c-" + instance + "/rollback").then().statusCode(409)
                .body("detail", containsString("PROCESSING"));
        given().contentType(ContentType.JSON).body("{\"deprovisionSource\": \"maybe\"}")
                .post(MOVES + "/c-" + instance + "/commit").then().statusCode(400)
                .body("detail", containsString("deprovisionSource"));
        delete("a-" + instance, "b-" + instance, "c-" + instance);
    }

    @Test
    void shouldNotClaimAMoveAnotherReplicaHoldsWhenRecovering() throws Exception {
        String held = "held-" + UUID.randomUUID();
        String free = "free-" + UUID.randomUUID();
        insert(held, UUID.randomUUID().toString(), "PROCESSING", "GRANTED", OffsetDateTime.now(),
                OffsetDateTime.now().minusSeconds(1));
        insert(free, UUID.randomUUID().toString(), "ROLLING_BACK", "RESTORED", OffsetDateTime.now(), null);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread other = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.find(AppMoveEntity.class, held, LockModeType.PESSIMISTIC_WRITE);
            locked.countDown();
            try {
                done.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        other.start();
        try {
            assertTrue(locked.await(30, TimeUnit.SECONDS), "other replica's lock");
            List<String> claimed = ledger.claimAbandoned(100);
            assertTrue(claimed.contains(free), "the free abandoned move is claimed: " + claimed);
            assertFalse(claimed.contains(held), "the row another transaction holds is skipped: " + claimed);
            // once claimed, its lease runs: a second scan does not take it again
            assertFalse(ledger.claimAbandoned(100).contains(free), "claimed moves are leased");
            // a replica's heartbeat renews only its own claims
            QuarkusTransaction.requiringNew().run(() -> repository.update("leaseUntil = ?1 where moveId = ?2",
                    OffsetDateTime.now().minusSeconds(1), free));
            ledger.renew(List.of(free));
            assertFalse(ledger.claimAbandoned(100).contains(free), "renewed by its owner's heartbeat");
        } finally {
            done.countDown();
            other.join(30_000);
        }
        delete(held, free);
    }

    void insert(String moveId, String instance, String state, String phase, OffsetDateTime created,
            OffsetDateTime leaseUntil) {
        QuarkusTransaction.requiringNew().run(() -> {
            AppMoveEntity e = new AppMoveEntity();
            e.moveId = moveId;
            e.appInstanceId = instance;
            e.sourceHost = "edge1";
            e.targetHost = "edge2";
            e.mode = "STOP_AND_COPY";
            e.commitMode = "MANUAL";
            e.state = state;
            e.phase = phase;
            e.phases = "[{\"phase\":\"STARTED\",\"at\":\"" + created + "\"}]";
            e.sourceContainerId = "c0ffee";
            e.containerName = "mec-counter-test";
            e.timings = "{}";
            e.deprovisionSource = true;
            e.claimedBy = leaseUntil == null ? null : "another-replica/1";
            e.leaseUntil = leaseUntil;
            e.createdAt = created;
            e.updatedAt = created;
            repository.persist(e);
        });
    }

    void delete(String... moveIds) {
        QuarkusTransaction.requiringNew().run(() -> repository.delete("moveId in ?1", List.of(moveIds)));
    }
}
