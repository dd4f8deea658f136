package org.edgemec.applcm.adapters.engine;

import java.net.URI;
import org.edgemec.applcm.domain.engine.ContainerEngine;

/** {@link EngineLifecycleContract} against the Docker engine on its unix socket. */
class DockerLifecycleIT extends EngineLifecycleContract {

    @Override
    ContainerEngine connect() {
        return TestEngines.docker();
    }

    @Override
    ContainerEngine unreachable(URI endpoint) {
        return new DockerEngine(EngineSettings.of("docker unreachable", endpoint));
    }
}
