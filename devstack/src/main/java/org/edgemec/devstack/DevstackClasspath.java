package org.edgemec.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The class path of the Kafka broker JVM. The build writes it as a resource of this jar (the broker jars stay out
 * of the class path of the services and their tests).
 */
final class DevstackClasspath {

    private static final String RESOURCE = "/edgemec-devstack.classpath";

    private DevstackClasspath() {
    }

    static String read() throws IOException {
        try (InputStream in = DevstackClasspath.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("missing " + RESOURCE + ": build the devstack module with Maven");
            }
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            String first = classpath.split(java.io.File.pathSeparator)[0];
            if (!Files.exists(Path.of(first))) {
                throw new IOException("stale " + RESOURCE + " (" + first + " is gone): rebuild the devstack module");
            }
            return classpath;
        }
    }

    /** Broker log settings: info on the console, with the start line that readiness waits for. */
    static String log4jConfig() throws IOException {
        Path file = Files.createTempFile("edgemec-kafka-log4j2", ".properties");
        try (InputStream in = DevstackClasspath.class.getResourceAsStream("/kafka-log4j2.properties")) {
            Files.write(file, in.readAllBytes());
        }
        file.toFile().deleteOnExit();
        return file.toString();
    }
}
