package org.edgemec.applcm.adapters.engine;

import java.net.URI;
import java.util.List;
import org.edgemec.applcm.domain.engine.ContainerEngine;

/** {@link EngineLifecycleContract} and {@link EngineTlsContract} against the Docker engine over TLS. */
class DockerTlsLifecycleIT extends DockerLifecycleIT implements EngineTlsContract {

    @Override
    ContainerEngine connect() {
        return TestEngines.dockerTls();
    }

    @Override
    List<URI> unreachableEndpoints() {
        return List.of(URI.create("https://127.0.0.1:1"));
    }

    @Override
    ContainerEngine unreachable(URI endpoint) {
        return withTls(endpoint, TestEngines.clientTls());
    }

    @Override
    public URI tlsEndpoint() {
        return URI.create(TestEngines.value("EDGEMEC_DOCKER_TLS"));
    }

    @Override
    public DockerApiEngine withTls(URI endpoint, EngineTls tls) {
        return new DockerEngine(TestEngines.tlsSettings("docker tls", endpoint, tls));
    }
}
