package org.edgemec.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points a @QuarkusTest application at the real PostgreSQL and Kafka of {@link RealInfrastructure}. */
public class RealInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        RealInfrastructure infra = RealInfrastructure.get();
        return Map.of(
                "quarkus.datasource.jdbc.url", infra.jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "kafka.bootstrap.servers", infra.bootstrapServers());
    }

    @Override
    public void stop() {
        // shared by every test class of the JVM; stopped by RealInfrastructure's shutdown hook
    }
}
