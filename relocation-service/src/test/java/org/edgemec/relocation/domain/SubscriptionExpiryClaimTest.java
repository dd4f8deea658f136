package org.edgemec.relocation.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.edgemec.relocation.persistence.AmsSubscriptionEntity;
import org.edgemec.relocation.persistence.AmsSubscriptionRepository;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.edgemec.relocation.support.Ams.uniqueAppInstanceId;
import static org.edgemec.relocation.support.AmsSubscriptions.NOWHERE;
import static org.edgemec.relocation.support.AmsSubscriptions.idOf;
import static org.edgemec.relocation.support.AmsSubscriptions.mobility;
import static org.edgemec.relocation.support.AmsSubscriptions.subscribe;
import static org.edgemec.relocation.support.AmsSubscriptions.timeStamp;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two replicas looking for expiring subscriptions at once: a row one of them holds is skipped by the other. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class SubscriptionExpiryClaimTest {

    @Inject
    AmsSubscriptionRepository subscriptions;

    @Test
    void shouldSkipRowsAnotherReplicaHasClaimed() throws Exception {
        // an hour away: the service's own scheduler (60 s ahead) leaves it alone, this test looks two hours ahead
        Map<String, Object> body = mobility(NOWHERE, uniqueAppInstanceId(), null, null);
        body.put("expiryDeadline", timeStamp(Instant.now().plusSeconds(3600)));
        String id = idOf(subscribe(body));
        OffsetDateTime horizon = OffsetDateTime.now(ZoneOffset.UTC).plusHours(2);

        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() ->
                QuarkusTransaction.requiringNew().call(() -> {
                    List<String> ids = ids(subscriptions.claimToWarn(horizon, 1000));
                    claimed.countDown();
                    release.await(20, TimeUnit.SECONDS);
                    return ids;
                }));
        try {
            assertTrue(claimed.await(20, TimeUnit.SECONDS), "first claim did not run");
            List<String> second = QuarkusTransaction.requiringNew()
                    .call(() -> ids(subscriptions.claimToWarn(horizon, 1000)));
            assertFalse(second.contains(id), "claimed twice");
            List<String> expiredSecond = QuarkusTransaction.requiringNew()
                    .call(() -> ids(subscriptions.claimExpired(horizon, 1000)));
            assertFalse(expiredSecond.contains(id), "claimed twice for removal");
        } finally {
            release.countDown();
        }
        assertTrue(first.get(20, TimeUnit.SECONDS).contains(id), "first claim missed the row");
        // released: the next look finds it again
        assertTrue(QuarkusTransaction.requiringNew().call(() -> ids(subscriptions.claimToWarn(horizon, 1000)))
                .contains(id));
    }

    private static List<String> ids(List<AmsSubscriptionEntity> rows) {
        return rows.stream().map(r -> r.subscriptionId).toList();
    }
}
