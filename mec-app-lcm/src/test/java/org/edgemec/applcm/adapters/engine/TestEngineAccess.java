package org.edgemec.applcm.adapters.engine;

/** Public entry to {@link TestEngines} for integration tests in other packages. */
public final class TestEngineAccess {

    private TestEngineAccess() {
    }

    /** The endpoint of Podman host {@code edge1}/{@code edge2} (environment or .mec/engines/engines.env). */
    public static String podmanEndpoint(String host) {
        return TestEngines.value("EDGEMEC_PODMAN_" + host.toUpperCase());
    }

    /** A reachable Podman engine holding the counter image; the caller closes it. */
    public static PodmanEngine podman(String host) {
        return TestEngines.podman(host);
    }

    /** The endpoint of the Docker host (EDGEMEC_DOCKER). */
    public static String dockerEndpoint() {
        return TestEngines.value("EDGEMEC_DOCKER");
    }

    /** A reachable Docker engine holding the counter image; the caller closes it. */
    public static DockerEngine docker() {
        return TestEngines.docker();
    }

    public static String counterImage() {
        return TestEngines.counterImage();
    }
}
