package org.edgemec.applcm.adapters.engine;

import java.net.URI;
import org.edgemec.applcm.domain.engine.ContainerEngine;

/** {@link EngineLifecycleContract} against Podman host edge1 on its unix socket. */
class PodmanLifecycleIT extends EngineLifecycleContract {

    @Override
    ContainerEngine connect() {
        return TestEngines.podman("edge1");
    }

    @Override
    ContainerEngine unreachable(URI endpoint) {
        return new PodmanEngine(EngineSettings.of("podman unreachable", endpoint));
    }
}
