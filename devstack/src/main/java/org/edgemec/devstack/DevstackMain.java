package org.edgemec.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded infrastructure of the one-machine setup in the foreground: a real PostgreSQL and a real Kafka
 * broker with their data under one folder, until SIGTERM.
 * <p>Usage: {@code DevstackMain <data-dir> <postgres-port> <kafka-port> <kafka-controller-port>}
 */
public final class DevstackMain {

    private DevstackMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: DevstackMain <data-dir> <postgres-port> <kafka-port> <kafka-controller-port>");
            System.exit(2);
        }
        Path data = Path.of(args[0]).toAbsolutePath();
        int pgPort = Integer.parseInt(args[1]);
        int kafkaPort = Integer.parseInt(args[2]);
        int controllerPort = Integer.parseInt(args[3]);

        log("starting PostgreSQL on 127.0.0.1:" + pgPort + " (data " + data.resolve("postgres") + ")");
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(pgPort, data.resolve("postgres"), "edgemec");
        log("PostgreSQL ready: " + postgres.jdbcUrl());
        log("starting Kafka broker on 127.0.0.1:" + kafkaPort + " (data " + data.resolve("kafka") + ")");
        KafkaBrokerProcess kafka;
        try {
            kafka = KafkaBrokerProcess.start(data.resolve("kafka"), kafkaPort, controllerPort, System.out,
                    Duration.ofSeconds(90));
        } catch (Exception e) {
            postgres.close();
            throw e;
        }
        log("Kafka ready: " + kafka.bootstrapServers() + " (broker pid " + kafka.pid() + ")");

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping Kafka and PostgreSQL");
            kafka.close();
            try {
                postgres.close();
            } catch (Exception e) {
                log("PostgreSQL stop failed: " + e.getMessage());
            }
            log("stopped");
            stopped.countDown();
        }));
        log("READY");
        stopped.await();
    }

    private static void log(String message) {
        System.out.println("[devstack] " + message);
        System.out.flush();
    }
}
