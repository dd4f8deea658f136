package org.edgemec.applcm.adapters.engine;

/** {@link PodmanCrossHostCheckpointIT} with both hosts reached over TLS (checkpoint export and import, streamed). */
class PodmanTlsCrossHostCheckpointIT extends PodmanCrossHostCheckpointIT {

    @Override
    PodmanEngine connect(String host) {
        return TestEngines.podmanTls(host);
    }
}
