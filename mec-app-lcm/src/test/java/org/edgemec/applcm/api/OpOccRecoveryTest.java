package org.edgemec.applcm.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.edgemec.applcm.domain.lcm.LcmOpOccService;
import org.edgemec.applcm.domain.lcm.OpOccClaims;
import org.edgemec.applcm.domain.lcm.OpOccRecovery;
import org.edgemec.applcm.persistence.LcmOpOccEntity;
import org.edgemec.applcm.persistence.LcmOpOccRepository;
import org.edgemec.applcm.support.CallbackRecorder;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

/**
 * Op occs a dead process left running, on the real PostgreSQL: the recovery sets those whose claim ran out (or that
 * never had one) FAILED_TEMP with an error naming the replica and the last step, notifies and publishes it, leaves
 * a running one alone, and a worker that lost its claim has its writes refused; retry and fail then work as usual.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class OpOccRecoveryTest {

    @Inject
    LcmOpOccRepository repository;
    @Inject
    OpOccRecovery recovery;
    @Inject
    LcmOpOccService ops;

    String insert(String instance, String lcmOperation, String state, String claimedBy, OffsetDateTime leaseUntil,
            String params) {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            LcmOpOccEntity e = new LcmOpOccEntity();
            e.id = id;
            e.appInstanceId = instance;
            e.lcmOperation = lcmOperation;
            e.operationState = state;
            e.stateEnteredTime = OffsetDateTime.now().minusMinutes(1);
            e.startTime = e.stateEnteredTime;
            e.operationParams = params;
            e.steps = "[{\"time\":\"" + e.startTime + "\",\"step\":\"grant requested on edge1\"}]";
            e.claimedBy = claimedBy;
            e.leaseUntil = leaseUntil;
            e.createdAt = e.startTime;
            repository.persist(e);
        });
        return id;
    }

    @Test
    void shouldFailTempWhatADeadProcessLeftRunningAndNotifyIt() {
        try (CallbackRecorder subscriber = new CallbackRecorder();
                KafkaConsumer<String, String> kafka = AppLcmResourceTest.consumer()) {
            given().contentType(ContentType.JSON).body(Map.of("subscriptionType", "AppLcmOpOccStateChangeSubscription",
                    "callbackUri", subscriber.url("/lcm"))).post("/app_lcm/v1/subscriptions").then().statusCode(201);
            String appDId = AppLcmResourceTest.onboardedAppD();
            String a = AppLcmResourceTest.createInstance(appDId);
            String b = AppLcmResourceTest.createInstance(appDId);
            String c = AppLcmResourceTest.createInstance(appDId);
            String host = AppLcmResourceTest.deadHost();
            String params = "{\"selectedMECHostInfo\":[{\"hostName\":\"" + host + "\",\"hostId\":{\"name\":\""
                    + host + "\"}}]}";
            String dead = insert(a, "INSTANTIATE", "PROCESSING", "mec-app-lcm/dead0001",
                    OffsetDateTime.now().minusSeconds(5), params);
            String legacy = insert(b, "INSTANTIATE", "STARTING", null, null, params);
            String alive = insert(c, "INSTANTIATE", "PROCESSING", "mec-app-lcm/alive001",
                    OffsetDateTime.now().plusMinutes(5), params);

            // a worker of another replica, or one whose op occ was recovered, may not write to it
            assertThrows(OpOccClaims.LostClaimException.class, () -> ops.step(alive, "late step"));

            List<String> recovered = recovery.recoverNow();
            assertTrue(recovered.containsAll(List.of(dead, legacy)), "recovered " + recovered);
            assertFalse(recovered.contains(alive), "a claim that holds is left alone: " + recovered);
            given().get("/app_lcm/v1/app_lcm_op_occs/" + dead).then().statusCode(200)
                    .body("operationState", equalTo("FAILED_TEMP")).body("isCancelPending", equalTo(false));
            given().get("/app_lcm_ext/v1/app_lcm_op_occs/" + dead).then().statusCode(200)
                    .body("error.status", equalTo(500)).body("error.title", equalTo("LCM operation interrupted"))
                    .body("error.detail", containsString("mec-app-lcm/dead0001"))
                    .body("error.detail", containsString("grant requested on edge1"));
            given().get("/app_lcm_ext/v1/app_lcm_op_occs/" + legacy).then()
                    .body("operationState", equalTo("FAILED_TEMP")).body("error.detail", containsString("no claim"));
            given().get("/app_lcm/v1/app_lcm_op_occs/" + alive).then().body("operationState", equalTo("PROCESSING"));
            for (String op : List.of(dead, legacy)) {
                subscriber.await(x -> x.contains(op) && x.contains("\"operationState\":\"FAILED_TEMP\""),
                        AppLcmResourceTest.WAIT);
            }
            AppLcmResourceTest.awaitKafka(kafka, dead, "FAILED_TEMP");
            // a second scan finds nothing more of these
            assertFalse(recovery.recoverNow().contains(dead));

            // FAILED_TEMP as any other: retry runs it again here (the dead host fails it again), fail ends it
            given().post("/app_lcm/v1/app_lcm_op_occs/" + dead + "/retry").then().statusCode(202);
            AppLcmResourceTest.awaitOp("/app_lcm/v1/app_lcm_op_occs/" + dead, "FAILED_TEMP");
            given().get("/app_lcm_ext/v1/app_lcm_op_occs/" + dead).then().body("error.status", equalTo(503));
            given().post("/app_lcm/v1/app_lcm_op_occs/" + dead + "/fail").then().statusCode(200);
            given().post("/app_lcm/v1/app_lcm_op_occs/" + legacy + "/fail").then().statusCode(200)
                    .body("operationState", equalTo("FAILED"));
            QuarkusTransaction.requiringNew().run(() -> repository.update("operationState = 'FAILED', "
                    + "claimedBy = null, leaseUntil = null where id = ?1", alive));
        }
    }
}
