package org.edgemec.applcm.adapters.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.edgemec.applcm.domain.engine.CheckpointOptions;
import org.edgemec.applcm.domain.engine.ContainerEngine;
import org.edgemec.applcm.domain.engine.ContainerInfo;
import org.edgemec.applcm.domain.engine.ContainerSpec;
import org.edgemec.applcm.domain.engine.ContainerState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relocates a running, stateful counter between two Podman hosts by checkpoint export/import and
 * checks that it continues counting from its in-memory state instead of starting again at 1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PodmanCrossHostCheckpointIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private PodmanEngine edge1;
    private PodmanEngine edge2;
    private final List<Runnable> cleanup = new ArrayList<>();

    /** Podman host edge1 or edge2 on the transport under test: here its unix socket. */
    PodmanEngine connect(String host) {
        return TestEngines.podman(host);
    }

    @BeforeAll
    void connectBoth() {
        edge1 = connect("edge1");
        edge2 = connect("edge2");
        String image = TestEngines.counterImage();
        assertEquals(edge1.imageId(image), edge2.imageId(image),
                "edge1 and edge2 must hold the same image id of " + image + " (restore needs it); "
                        + TestEngines.SETUP_HINT);
    }

    @AfterAll
    void disconnect() {
        if (edge1 != null) {
            edge1.close();
        }
        if (edge2 != null) {
            edge2.close();
        }
    }

    @AfterEach
    void removeContainers() {
        cleanup.forEach(Runnable::run);
        cleanup.clear();
    }

    @Test
    void counterContinuesOnAnotherHostAfterCheckpointExportAndImport(@TempDir Path tmp) throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String source = startCounter(edge1, "it-counter-" + suffix);
        long seen = Counter.awaitAbove(edge1, source, 20, WAIT);

        // Hop 1, edge1 -> edge2, staged in a file so checkpoint and restore are timed apart.
        Path archive = tmp.resolve("checkpoint.tar");
        long t0 = System.nanoTime();
        try (InputStream in = edge1.checkpoint(source, CheckpointOptions.defaults())) {
            Files.copy(in, archive, StandardCopyOption.REPLACE_EXISTING);
        }
        long checkpointMs = millisSince(t0);
        long size = Files.size(archive);
        ContainerInfo stopped = edge1.inspect(source).orElseThrow();
        assertFalse(stopped.running(), "source must be stopped after the checkpoint: " + stopped);
        assertEquals(ContainerState.EXITED, stopped.state(), "source state after checkpoint");
        long atCheckpoint = Counter.lastCount(edge1, source);
        assertTrue(atCheckpoint >= seen && atCheckpoint <= seen + Counter.MAX_GAP,
                "count at checkpoint " + atCheckpoint + " vs last seen " + seen);

        String target = "it-counter-" + suffix + "-b";
        long t1 = System.nanoTime();
        String restored;
        try (InputStream in = Files.newInputStream(archive)) {
            restored = edge2.restore(in, target);
        }
        long restoreMs = millisSince(t1);
        cleanup.add(() -> edge2.remove(target, true));
        assertTrue(edge2.inspect(restored).orElseThrow().running(), "restored container must run on edge2");
        long afterRestore = Counter.awaitAbove(edge2, restored, atCheckpoint + 5, WAIT);
        Counter.assertContinues(Counter.counts(edge2.logs(restored, 0)), atCheckpoint);
        System.out.printf("[" + edge1.name() + "->" + edge2.name() + "] count %d at checkpoint, continued to %d on edge2; "
                + "archive %d bytes; checkpoint+export %d ms, import+restore %d ms%n",
                atCheckpoint, afterRestore, size, checkpointMs, restoreMs);

        // Hop 2, edge2 -> edge1, streamed from one engine's answer into the other's request.
        String back = "it-counter-" + suffix + "-c";
        long t2 = System.nanoTime();
        String returned;
        try (InputStream in = edge2.checkpoint(restored, CheckpointOptions.defaults())) {
            returned = edge1.restore(in, back);
        }
        long streamMs = millisSince(t2);
        cleanup.add(() -> edge1.remove(back, true));
        long atSecond = Counter.lastCount(edge2, restored);
        Counter.awaitAbove(edge1, returned, atSecond + 5, WAIT);
        long last = Counter.assertContinues(Counter.counts(edge1.logs(returned, 0)), atSecond);
        System.out.printf("[" + edge2.name() + "->" + edge1.name() + " streamed] count %d at checkpoint, continued to %d on edge1; "
                + "checkpoint+restore %d ms%n", atSecond, last, streamMs);
    }

    private String startCounter(ContainerEngine engine, String name) {
        String id = engine.create(ContainerSpec.of(name, TestEngines.counterImage())
                .withLabels(Map.of("org.edgemec.test", getClass().getSimpleName())));
        cleanup.add(() -> engine.remove(id, true));
        engine.start(id);
        return id;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
