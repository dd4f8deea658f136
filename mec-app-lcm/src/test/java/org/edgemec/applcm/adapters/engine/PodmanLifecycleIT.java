package org.edgemec.applcm.adapters.engine;

import java.net.URI;
import org.edgemec.applcm.domain.engine.ContainerEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link EngineLifecycleContract} against Podman host edge1. */
class PodmanLifecycleIT extends EngineLifecycleContract {

    private static PodmanEngine edge1;

    @BeforeAll
    static void connect() {
        edge1 = TestEngines.podman("edge1");
    }

    @AfterAll
    static void disconnect() {
        if (edge1 != null) {
            edge1.close();
        }
    }

    @Override
    ContainerEngine engine() {
        return edge1;
    }

    @Override
    ContainerEngine unreachable(URI endpoint) {
        return new PodmanEngine(EngineSettings.of("podman unreachable", endpoint));
    }
}
