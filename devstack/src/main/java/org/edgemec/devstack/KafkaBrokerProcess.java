package org.edgemec.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Kafka broker in KRaft combined mode, run in its own JVM from the Kafka jars of Maven Central
 * (the class path that this module's build records). Storage is formatted once; the broker keeps its log directory
 * across restarts when the directory is kept.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final String READY_LINE = "Kafka Server started";

    private final Process process;
    private final int port;

    private KafkaBrokerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static KafkaBrokerProcess start(Path dir, int port, int controllerPort, PrintStream log, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path logDir = dir.resolve("log");
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, serverProperties(logDir, port, controllerPort));
        String classpath = DevstackClasspath.read();
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            Process format = java(classpath, "-Xmx256m", "kafka.tools.StorageTool", "format",
                    "-t", clusterId(), "-c", properties.toString(), "--ignore-formatted").start();
            String out = new String(format.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (format.waitFor() != 0) {
                throw new IOException("Kafka storage format failed: " + out);
            }
        }
        Process broker = java(classpath, "-Xmx512m", "kafka.Kafka", properties.toString()).start();
        KafkaBrokerProcess kafka = new KafkaBrokerProcess(broker, port);
        kafka.awaitReady(broker.getInputStream(), log, timeout);
        return kafka;
    }

    private static ProcessBuilder java(String classpath, String heap, String mainClass, String... args)
            throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new java.util.ArrayList<>(List.of(javaBin, heap, "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + DevstackClasspath.log4jConfig(), "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    /** Copies the broker's output to the log and returns once the broker says it has started and the port accepts. */
    private void awaitReady(InputStream output, PrintStream log, Duration timeout)
            throws IOException, InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (log != null) {
                        log.println(line);
                    }
                    if (line.contains(READY_LINE)) {
                        started.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the broker went away; awaitReady reports it
            }
        }, "kafka-broker-log");
        pump.setDaemon(true);
        pump.start();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Kafka broker exited with code " + process.exitValue() + " before it was ready");
            }
            if (started.await(200, TimeUnit.MILLISECONDS) && FreePorts.accepts(port)) {
                return;
            }
        }
        close();
        throw new IOException("Kafka broker not ready within " + timeout.toSeconds() + " s");
    }

    static String serverProperties(Path logDir, int port, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir,
                "num.partitions=1",
                "auto.create.topics.enable=true",
                // one node: every replication factor and min ISR is 1, or consumer groups never form
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "group.initial.rebalance.delay.ms=0",
                "") ;
    }

    private static String clusterId() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        bytes[0] &= 0x7f;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
