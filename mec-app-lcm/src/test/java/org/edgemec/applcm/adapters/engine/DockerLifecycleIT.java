package org.edgemec.applcm.adapters.engine;

import java.net.URI;
import org.edgemec.applcm.domain.engine.ContainerEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link EngineLifecycleContract} against the Docker engine. */
class DockerLifecycleIT extends EngineLifecycleContract {

    private static DockerEngine docker;

    @BeforeAll
    static void connect() {
        docker = TestEngines.docker();
    }

    @AfterAll
    static void disconnect() {
        if (docker != null) {
            docker.close();
        }
    }

    @Override
    ContainerEngine engine() {
        return docker;
    }

    @Override
    ContainerEngine unreachable(URI endpoint) {
        return new DockerEngine(EngineSettings.of("docker unreachable", endpoint));
    }
}
