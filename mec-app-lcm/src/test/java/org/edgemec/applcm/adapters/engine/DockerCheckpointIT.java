package org.edgemec.applcm.adapters.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.edgemec.applcm.domain.engine.ContainerInfo;
import org.edgemec.applcm.domain.engine.ContainerSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Checkpoints the counter in place on Docker, restores it and checks that it continues counting. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerCheckpointIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private DockerEngine docker;
    private String container;

    /** The Docker engine on the transport under test: here its unix socket. */
    DockerEngine connect() {
        return TestEngines.docker();
    }

    @BeforeAll
    void connectOnce() {
        docker = connect();
    }

    @AfterAll
    void disconnect() {
        if (docker != null) {
            docker.close();
        }
    }

    @AfterEach
    void removeContainer() {
        if (container != null) {
            docker.remove(container, true);
            container = null;
        }
    }

    @Test
    void counterContinuesAfterCheckpointAndRestoreInPlace() {
        String name = "it-counter-" + UUID.randomUUID().toString().substring(0, 8);
        container = docker.create(ContainerSpec.of(name, TestEngines.counterImage())
                .withLabels(Map.of("org.edgemec.test", getClass().getSimpleName())));
        docker.start(container);
        long seen = Counter.awaitAbove(docker, container, 20, WAIT);

        long t0 = System.nanoTime();
        docker.checkpointInPlace(container, "cp1", true);
        long checkpointMs = (System.nanoTime() - t0) / 1_000_000;
        ContainerInfo stopped = docker.inspect(container).orElseThrow();
        assertFalse(stopped.running(), "container must be stopped after a checkpoint with exit: " + stopped);
        long atCheckpoint = Counter.lastCount(docker, container);
        assertTrue(atCheckpoint >= seen && atCheckpoint <= seen + Counter.MAX_GAP,
                "count at checkpoint " + atCheckpoint + " vs last seen " + seen);

        long t1 = System.nanoTime();
        docker.restoreInPlace(container, "cp1");
        long restoreMs = (System.nanoTime() - t1) / 1_000_000;
        assertTrue(docker.inspect(container).orElseThrow().running(), "container must run after restore");
        long after = Counter.awaitAbove(docker, container, atCheckpoint + 5, WAIT);
        Counter.assertContinues(Counter.counts(docker.logs(container, 0)), atCheckpoint);
        System.out.printf("[" + docker.name() + " in place] count %d at checkpoint, continued to %d; checkpoint %s; "
                + "checkpoint %d ms, restore %d ms%n", atCheckpoint, after, checkpointSize(), checkpointMs, restoreMs);
        docker.deleteCheckpoint(container, "cp1");
        docker.deleteCheckpoint(container, "cp1");
    }

    /** Docker keeps checkpoints under <data-root>/containers/<id>/checkpoints/: size them when readable. */
    private String checkpointSize() {
        String dataRoot = System.getenv("EDGEMEC_DOCKER_DATA_ROOT");
        if (dataRoot == null) {
            dataRoot = TestEngines.value("EDGEMEC_DOCKER_DATA_ROOT");
        }
        Path dir = Path.of(dataRoot, "containers", container, "checkpoints", "cp1");
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() + " bytes";
        } catch (IOException | RuntimeException e) {
            return "size unknown (" + dir + " not readable)";
        }
    }
}
