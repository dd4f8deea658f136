package org.edgemec.testsupport;

import org.edgemec.devstack.EmbeddedPostgresServer;
import org.edgemec.devstack.FreePorts;
import org.edgemec.devstack.KafkaBrokerProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One real PostgreSQL and one real Kafka broker per test JVM, started on first use on free loopback ports and
 * stopped when the JVM exits. The same components the one-machine run uses (module devstack).
 */
public final class RealInfrastructure {

    private static RealInfrastructure instance;

    private final EmbeddedPostgresServer postgres;
    private final KafkaBrokerProcess kafka;

    private RealInfrastructure(EmbeddedPostgresServer postgres, KafkaBrokerProcess kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    public static synchronized RealInfrastructure get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "real-infrastructure-stop"));
        }
        return instance;
    }

    private static RealInfrastructure start() {
        try {
            Path dir = Files.createTempDirectory("edgemec-test-infra");
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0, null, "edgemec");
            KafkaBrokerProcess kafka = KafkaBrokerProcess.start(dir.resolve("kafka"), FreePorts.pick(),
                    FreePorts.pick(), null, Duration.ofSeconds(120));
            return new RealInfrastructure(postgres, kafka);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test PostgreSQL/Kafka", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    private void stop() {
        kafka.close();
        try {
            postgres.close();
        } catch (IOException ignored) {
            // JVM is exiting; the temporary cluster is removed with it
        }
    }
}
