package org.edgemec.applcm.adapters.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.edgemec.applcm.domain.engine.CheckpointOptions;
import org.edgemec.applcm.domain.engine.ContainerEngine;
import org.edgemec.applcm.domain.engine.ContainerInfo;
import org.edgemec.applcm.domain.engine.ContainerSpec;
import org.edgemec.applcm.domain.engine.ContainerState;
import org.edgemec.applcm.domain.engine.CriuDumpStats;
import org.edgemec.applcm.domain.engine.EngineException;
import org.edgemec.applcm.domain.engine.EngineUnavailableException;
import org.edgemec.applcm.domain.engine.RestoreOptions;
import org.edgemec.applcm.domain.engine.Restored;
import org.edgemec.applcm.domain.engine.TarEntryTap;
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

        // Hop 2, edge2 -> edge1, streamed from one engine's answer into the other's request, watching the tar go by
        // for CRIU's dump statistics; the restore reports CRIU's restore statistics.
        String back = "it-counter-" + suffix + "-c";
        long t2 = System.nanoTime();
        TarEntryTap statsTap = new TarEntryTap("stats-dump", 4096);
        AtomicLong sentAt = new AtomicLong();
        Restored returnedReport;
        try (InputStream in = tapped(edge2.checkpoint(restored, CheckpointOptions.defaults()), statsTap)) {
            returnedReport = edge1.restore(in, RestoreOptions.named(back), () -> sentAt.set(System.nanoTime()));
        }
        long streamMs = millisSince(t2);
        String returned = returnedReport.containerId();
        assertTrue(sentAt.get() > t2, "the restore tells when the archive's last byte was sent");
        CriuDumpStats dump = statsTap.captured().flatMap(CriuDumpStats::parse)
                .orElseThrow(() -> new AssertionError("no CRIU stats-dump in the streamed archive"));
        assertTrue(dump.frozenUs() > 0 && dump.frozenUs() >= dump.memdumpUs() && dump.pagesWritten() > 0,
                "CRIU dump statistics: " + dump);
        assertTrue(returnedReport.criuRestoreUs() != null && returnedReport.criuRestoreUs() > 0,
                "CRIU restore statistics: " + returnedReport);
        cleanup.add(() -> edge1.remove(back, true));
        long atSecond = Counter.lastCount(edge2, restored);
        Counter.awaitAbove(edge1, returned, atSecond + 5, WAIT);
        long last = Counter.assertContinues(Counter.counts(edge1.logs(returned, 0)), atSecond);
        System.out.printf("[" + edge2.name() + "->" + edge1.name() + " streamed] count %d at checkpoint, continued to %d on edge1; "
                + "checkpoint+restore %d ms; CRIU frozen %d us, restore %d us%n", atSecond, last, streamMs,
                dump.frozenUs(), returnedReport.criuRestoreUs());
    }

    @Test
    void archiveCallsAnswerTheEnginesErrorsAndAnUnreachableHost() {
        EngineException unknown = assertThrows(EngineException.class,
                () -> edge1.checkpoint("it-no-such-container", CheckpointOptions.defaults()).close());
        assertEquals(404, unknown.status(), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("it-no-such-container"), unknown.getMessage());

        String name = "it-not-an-archive-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] notTar = "not a checkpoint archive".repeat(100).getBytes(StandardCharsets.US_ASCII);
        EngineException refused = assertThrows(EngineException.class,
                () -> edge2.restore(new ByteArrayInputStream(notTar), name));
        assertTrue(refused.status() >= 400, refused.getMessage());
        assertFalse(edge2.inspect(name).isPresent(), "nothing restored from a broken archive");

        for (URI endpoint : List.of(URI.create("unix:///tmp/edgemec-no-such-dir/engine.sock"),
                URI.create("tcp://127.0.0.1:1"))) {
            try (PodmanEngine gone = new PodmanEngine(EngineSettings.of("podman gone", endpoint))) {
                EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
                        () -> gone.checkpoint("x", CheckpointOptions.defaults()));
                assertTrue(e.getMessage().contains(endpoint.toString()), e.getMessage());
                assertThrows(EngineUnavailableException.class,
                        () -> gone.restore(new ByteArrayInputStream(notTar), "x"));
            }
        }
    }

    private String startCounter(ContainerEngine engine, String name) {
        String id = engine.create(ContainerSpec.of(name, TestEngines.counterImage())
                .withLabels(Map.of("org.edgemec.test", getClass().getSimpleName())));
        cleanup.add(() -> engine.remove(id, true));
        engine.start(id);
        return id;
    }

    /** Feeds every byte read to the tap. */
    private static InputStream tapped(InputStream in, TarEntryTap tap) {
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    tap.accept(b, off, n);
                }
                return n;
            }
        };
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
