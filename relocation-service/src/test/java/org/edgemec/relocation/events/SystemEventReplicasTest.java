package org.edgemec.relocation.events;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.edgemec.common.events.ProcessedEventRepository;
import org.edgemec.common.events.SystemEventListener;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.RepeatedTest;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two replicas of a service share their schema's processed_event table: the same system event handled by both at
 * once (two consumers, or a redelivery racing the first delivery) is recorded once, and neither of them fails.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class SystemEventReplicasTest {

    @Inject
    SystemEventListener listener;

    @Inject
    ProcessedEventRepository processed;

    @RepeatedTest(3)
    void theSameEventHandledByTwoReplicasAtOnceIsRecordedOnceWithoutAFailure() throws Exception {
        String id = UUID.randomUUID().toString();
        String payload = "{\"id\":\"" + id + "\",\"type\":\"ServiceStarted\",\"source\":\"replica-test\"}";
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> handle(start, payload));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> handle(start, payload));
        // a key violation in either would surface here as the cause of an ExecutionException
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> processed.count("eventId", id)));
    }

    private void handle(CyclicBarrier start, String payload) {
        try {
            start.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        listener.onEvent(payload);
    }
}
