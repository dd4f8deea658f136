package org.edgemec.applcm.adapters.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.edgemec.applcm.domain.engine.ContainerEngine;
import org.edgemec.applcm.domain.engine.ContainerInfo;
import org.edgemec.applcm.domain.engine.ContainerSpec;
import org.edgemec.applcm.domain.engine.ContainerState;
import org.edgemec.applcm.domain.engine.EngineException;
import org.edgemec.applcm.domain.engine.EngineUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Lifecycle behaviour every {@link ContainerEngine} adapter must show, whatever the transport; one IT per adapter
 * and transport (unix socket, TLS).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EngineLifecycleContract {

    private ContainerEngine engine;
    private String container;

    /** Connects to a reachable engine of the adapter under test (once per class). */
    abstract ContainerEngine connect();

    /** The same adapter pointed at an endpoint where nothing listens. */
    abstract ContainerEngine unreachable(URI endpoint);

    @BeforeAll
    void connectOnce() {
        engine = connect();
    }

    @AfterAll
    void disconnect() {
        if (engine != null) {
            engine.close();
        }
    }

    ContainerEngine engine() {
        return engine;
    }

    @AfterEach
    void removeContainer() {
        if (container != null) {
            engine().remove(container, true);
            container = null;
        }
    }

    @Test
    void createStartInspectStopRemove() {
        ContainerEngine engine = engine();
        String name = "it-life-" + UUID.randomUUID().toString().substring(0, 8);
        container = engine.create(ContainerSpec.of(name, TestEngines.counterImage())
                .withCommand(List.of("/bin/counter"))
                .withEnv(Map.of("COUNTER_INTERVAL_US", "50000"))
                .withLabels(Map.of("org.edgemec.test", getClass().getSimpleName())));

        ContainerInfo created = engine.inspect(name).orElseThrow();
        assertEquals(container, created.id());
        assertEquals(name, created.name());
        assertEquals(ContainerState.CREATED, created.state());
        assertEquals(engine.imageId(TestEngines.counterImage()).orElseThrow(), created.imageId());

        engine.start(container);
        assertTrue(engine.inspect(container).orElseThrow().running(), "running after start");
        Counter.awaitAbove(engine, container, 3, Duration.ofSeconds(30));
        String address = engine.ipAddress(container).orElseThrow();
        assertTrue(address.matches("\\d+\\.\\d+\\.\\d+\\.\\d+"), "bridge IPv4 address: " + address);

        engine.stop(container, Duration.ofSeconds(5));
        ContainerInfo stopped = engine.inspect(container).orElseThrow();
        assertEquals(ContainerState.EXITED, stopped.state());
        assertEquals(0, stopped.exitCode(), "the counter exits 0 on SIGTERM");
        engine.stop(container, Duration.ofSeconds(1)); // already stopped: no error

        engine.remove(container, false);
        assertTrue(engine.inspect(container).isEmpty(), "gone after remove");
        engine.remove(container, false); // already gone: no error
        container = null;
    }

    @Test
    void unknownContainerIsEmptyOrNotFound() {
        ContainerEngine engine = engine();
        assertTrue(engine.inspect("it-no-such-container").isEmpty());
        assertTrue(engine.ipAddress("it-no-such-container").isEmpty());
        assertTrue(engine.imageId("localhost/edgemec/no-such-image:latest").isEmpty());
        EngineException e = assertThrows(EngineException.class, () -> engine.start("it-no-such-container"));
        assertEquals(404, e.status(), e.getMessage());
    }

    /** Endpoints where nothing listens, of the transport under test. */
    List<URI> unreachableEndpoints() {
        return List.of(URI.create("unix:///tmp/edgemec-no-such-dir/engine.sock"), URI.create("tcp://127.0.0.1:1"));
    }

    @Test
    void unreachableEngineFailsClearly() {
        for (URI endpoint : unreachableEndpoints()) {
            try (ContainerEngine engine = unreachable(endpoint)) {
                EngineUnavailableException e = assertThrows(EngineUnavailableException.class, engine::ping);
                assertTrue(e.getMessage().contains(endpoint.toString()), e.getMessage());
                assertThrows(EngineUnavailableException.class,
                        () -> engine.create(ContainerSpec.of("x", TestEngines.counterImage())));
                assertFalse(e.getMessage().isBlank());
            }
        }
    }
}
