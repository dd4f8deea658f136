package org.edgemec.applcm.adapters.engine;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.edgemec.applcm.domain.engine.ContainerEngine;
import org.edgemec.applcm.domain.engine.EngineUnavailableException;

/**
 * Finds the engines started by scripts/setup-engines.sh: from the environment (source
 * .mec/engines/engines.env) or else from that file under the repo root (system property
 * edgemec.root, set by surefire/failsafe). Missing engines FAIL the test with the fix.
 */
final class TestEngines {

    static final String SETUP_HINT = "run `scripts/setup-engines.sh` (as root) from the repo root first";
    static final String COUNTER_IMAGE = "localhost/edgemec/counter:latest";

    private static Map<String, String> fileValues;

    private TestEngines() {
    }

    static String value(String key) {
        String fromEnv = System.getenv(key);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        String fromFile = envFile().get(key);
        if (fromFile == null || fromFile.isBlank()) {
            fail(key + " is not set and not in " + envPath() + ": the test engines are not set up; " + SETUP_HINT);
        }
        return fromFile;
    }

    static PodmanEngine podman(String host) {
        String key = "EDGEMEC_PODMAN_" + host.toUpperCase();
        return reachable(new PodmanEngine(EngineSettings.of("podman " + host, URI.create(value(key)))));
    }

    static DockerEngine docker() {
        return reachable(new DockerEngine(EngineSettings.of("docker", URI.create(value("EDGEMEC_DOCKER")))));
    }

    /** Podman host edge1/edge2 through its loopback TLS endpoint (EDGEMEC_PODMAN_EDGE1_TLS), with the client cert. */
    static PodmanEngine podmanTls(String host) {
        String key = "EDGEMEC_PODMAN_" + host.toUpperCase() + "_TLS";
        return reachable(new PodmanEngine(tlsSettings("podman " + host + " tls", URI.create(value(key)), clientTls())));
    }

    static DockerEngine dockerTls() {
        return reachable(new DockerEngine(tlsSettings("docker tls", URI.create(value("EDGEMEC_DOCKER_TLS")),
                clientTls())));
    }

    /** Settings with a 30 s response timeout, so a TLS endpoint that never answers fails the test soon. */
    static EngineSettings tlsSettings(String name, URI endpoint, EngineTls tls) {
        return new EngineSettings(name, endpoint, null, Duration.ofSeconds(30), tls);
    }

    /** The files scripts/setup-engines.sh generated (EDGEMEC_ENGINE_TLS_DIR): ca/, client/, other-ca/. */
    static Path tlsDir() {
        return Path.of(value("EDGEMEC_ENGINE_TLS_DIR"));
    }

    /** The client certificate the TLS endpoints accept, in Docker's DOCKER_CERT_PATH layout. */
    static EngineTls clientTls() {
        Path client = tlsDir().resolve("client");
        return EngineTls.load(client.resolve("ca.pem"), client.resolve("cert.pem"), client.resolve("key.pem"));
    }

    static String counterImage() {
        String image = System.getenv("EDGEMEC_COUNTER_IMAGE");
        return image == null || image.isBlank() ? COUNTER_IMAGE : image;
    }

    /** Pings the engine and fails with the setup hint when it is not running. */
    static <E extends ContainerEngine> E reachable(E engine) {
        try {
            engine.ping();
        } catch (EngineUnavailableException e) {
            engine.close();
            fail(engine.name() + " is not running at " + engine.endpoint() + " (" + e.getMessage() + "); "
                    + SETUP_HINT);
        }
        if (engine.imageId(counterImage()).isEmpty()) {
            fail(engine.name() + " has no image " + counterImage() + "; " + SETUP_HINT
                    + " (it runs test-images/build.sh)");
        }
        return engine;
    }

    static Path repoRoot() {
        String prop = System.getProperty("edgemec.root");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        // Run from an IDE: walk up from the working directory to the repo root.
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("scripts/setup-engines.sh"))) {
                return p;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    private static Path envPath() {
        return repoRoot().resolve(".mec/engines/engines.env");
    }

    private static synchronized Map<String, String> envFile() {
        if (fileValues == null) {
            Map<String, String> values = new HashMap<>();
            Path path = envPath();
            if (Files.isReadable(path)) {
                try {
                    List<String> lines = Files.readAllLines(path);
                    for (String line : lines) {
                        int eq = line.indexOf('=');
                        if (!line.startsWith("#") && eq > 0) {
                            values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                        }
                    }
                } catch (IOException e) {
                    fail("cannot read " + path + ": " + e);
                }
            }
            fileValues = values;
        }
        return fileValues;
    }
}
