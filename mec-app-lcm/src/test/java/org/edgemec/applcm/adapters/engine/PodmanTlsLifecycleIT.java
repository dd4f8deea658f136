package org.edgemec.applcm.adapters.engine;

import java.net.URI;
import java.util.List;
import org.edgemec.applcm.domain.engine.ContainerEngine;

/** {@link EngineLifecycleContract} and {@link EngineTlsContract} against Podman host edge1 over TLS. */
class PodmanTlsLifecycleIT extends PodmanLifecycleIT implements EngineTlsContract {

    @Override
    ContainerEngine connect() {
        return TestEngines.podmanTls("edge1");
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
        return URI.create(TestEngines.value("EDGEMEC_PODMAN_EDGE1_TLS"));
    }

    @Override
    public DockerApiEngine withTls(URI endpoint, EngineTls tls) {
        return new PodmanEngine(TestEngines.tlsSettings("podman tls", endpoint, tls));
    }
}
