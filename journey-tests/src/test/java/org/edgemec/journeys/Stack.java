package org.edgemec.journeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The stack of {@code ./mec up} as a user gets it: the same ports and defaults as the README, overridable by the same
 * environment variables the mec script reads.
 */
final class Stack {

    static final Path ROOT = Path.of(System.getProperty("edgemec.root", "..")).toAbsolutePath().normalize();
    static final Path STATE = Path.of(env("EDGEMEC_STATE_DIR", ROOT.resolve(".mec").toString()));
    static final String RELOCATION = "http://127.0.0.1:" + env("EDGEMEC_RELOCATION_PORT", "18080");
    static final String LCM = "http://127.0.0.1:" + env("EDGEMEC_LCM_PORT", "18081");
    /** The second replicas of EDGEMEC_REPLICAS=2 ./mec up: EDGEMEC_*_PORT_2, else the first one's port + 100. */
    static final String RELOCATION_2 = "http://127.0.0.1:" + env("EDGEMEC_RELOCATION_PORT_2",
            String.valueOf(port(RELOCATION) + 100));
    static final String LCM_2 = "http://127.0.0.1:" + env("EDGEMEC_LCM_PORT_2", String.valueOf(port(LCM) + 100));
    static final String EDGE1 = "http://127.0.0.1:" + env("EDGEMEC_EDGE1_PORT", "18082");
    static final String EDGE2 = "http://127.0.0.1:" + env("EDGEMEC_EDGE2_PORT", "18083");
    static final int EDGE1_DNS = Integer.parseInt(env("EDGEMEC_EDGE1_DNS_PORT", "18053"));
    static final int EDGE2_DNS = Integer.parseInt(env("EDGEMEC_EDGE2_DNS_PORT", "18054"));
    static final int EDGE1_PROXY_HTTPS = Integer.parseInt(env("EDGEMEC_EDGE1_PROXY_HTTPS_PORT", "18443"));
    static final int EDGE2_PROXY_HTTPS = Integer.parseInt(env("EDGEMEC_EDGE2_PROXY_HTTPS_PORT", "18444"));
    static final int EDGE1_PROXY_HTTP = Integer.parseInt(env("EDGEMEC_EDGE1_PROXY_HTTP_PORT", "18880"));
    /** The operator token of this installation: EDGEMEC_OPERATOR_TOKEN, else the one ./mec up generated. */
    static final String OPERATOR = "Bearer " + operatorToken();
    /** The proxy client of the default configuration (edgemec.proxy.clients.demo). */
    static final String PROXY_CLIENT = "demo";
    static final String PROXY_SECRET = env("EDGEMEC_PROXY_DEMO_SECRET", "demo-secret");

    private Stack() {
    }

    /** The engine CLI of an edge host, as scripts/setup-engines.sh installs it. */
    static String podman(String host) {
        return STATE.resolve("engines/bin/podman-" + host).toString();
    }

    /** The last lines of a service's log in .mec/logs (what a user reads when something fails). */
    static List<String> logTail(String service, int lines) {
        Path log = STATE.resolve("logs/" + service + ".log");
        try {
            List<String> all = Files.readAllLines(log);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(no log at " + log + ": " + e.getMessage() + ")");
        }
    }

    /** kill -9 of one service of ./mec up (its pid file in .mec/run), as a crash would end it. */
    static void kill9(String service) throws IOException, InterruptedException {
        String pid = Files.readString(STATE.resolve("run/" + service + ".pid")).strip();
        Process p = new ProcessBuilder("kill", "-9", pid).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new AssertionError("kill -9 " + pid + " (" + service + ") failed");
        }
        while (new ProcessBuilder("kill", "-0", pid).start().waitFor() == 0) {
            Thread.sleep(50);
        }
    }

    /** ./mec up: starts what is not running (here: the killed service) and waits until every service is healthy. */
    static void up() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(ROOT.resolve("mec").toString(), "up").directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(STATE.resolve("logs/journey-mec-up.log").toFile()).start();
        if (p.waitFor() != 0) {
            throw new AssertionError("./mec up failed: " + Files.readString(STATE.resolve("logs/journey-mec-up.log")));
        }
    }

    /** EDGEMEC_REPLICAS=2 ./mec up: starts the second replicas (and whatever else is not running). */
    static void upWithReplicas() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("mec").toString(), "up").directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(STATE.resolve("logs/journey-mec-up.log").toFile());
        pb.environment().put("EDGEMEC_REPLICAS", "2");
        if (pb.start().waitFor() != 0) {
            throw new AssertionError("EDGEMEC_REPLICAS=2 ./mec up failed: "
                    + Files.readString(STATE.resolve("logs/journey-mec-up.log")));
        }
    }

    /** Stops one component of ./mec up as ./mec down does (SIGTERM to its process group, pid file removed). */
    static void stop(String service) throws IOException, InterruptedException {
        Path file = STATE.resolve("run/" + service + ".pid");
        if (!Files.exists(file)) {
            return;
        }
        String pid = Files.readString(file).strip();
        new ProcessBuilder("kill", "-TERM", "--", "-" + pid).start().waitFor();
        while (new ProcessBuilder("kill", "-0", pid).start().waitFor() == 0) {
            Thread.sleep(100);
        }
        Files.delete(file);
    }

    private static int port(String url) {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    private static String operatorToken() {
        String token = env("EDGEMEC_OPERATOR_TOKEN", "");
        if (!token.isEmpty()) {
            return token;
        }
        Path file = STATE.resolve("operator-token");
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalStateException("no operator token: " + file + " unreadable (" + e.getMessage()
                    + "); ./mec up generates it, or set EDGEMEC_OPERATOR_TOKEN", e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
