package org.edgemec.applcm.adapters.engine;

/** {@link DockerCheckpointIT} with the Docker engine reached over TLS. */
class DockerTlsCheckpointIT extends DockerCheckpointIT {

    @Override
    DockerEngine connect() {
        return TestEngines.dockerTls();
    }
}
