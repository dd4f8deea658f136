package org.edgemec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the services of {@code ./mec up} listen: the same defaults and environment variables as the mec script
 * (EDGEMEC_RELOCATION_PORT, EDGEMEC_LCM_PORT, EDGEMEC_EDGE1_PORT, EDGEMEC_EDGE2_PORT, EDGEMEC_KAFKA_PORT or
 * EDGEMEC_EDGE1_DNS_PORT, EDGEMEC_EDGE2_DNS_PORT, KAFKA_BOOTSTRAP_SERVERS, EDGEMEC_STATE_DIR). The operator token is
 * EDGEMEC_OPERATOR_TOKEN, else the one {@code ./mec up} generated for the installation ({@code <state dir>/operator-token}).
 */
public record Endpoints(String relocation, String lcm, Map<String, String> platforms, Map<String, Integer> dnsPorts,
                        String kafka, String operatorToken, Path stateDir, String proxySecret) {

    public static Endpoints fromEnvironment(Map<String, String> env, Path root) {
        String kafka = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS",
                "127.0.0.1:" + env.getOrDefault("EDGEMEC_KAFKA_PORT", "19092"));
        Path stateDir = Path.of(nonBlank(env.get("EDGEMEC_STATE_DIR"), root.resolve(".mec").toString()));
        return new Endpoints(local(env, "EDGEMEC_RELOCATION_PORT", 18080), local(env, "EDGEMEC_LCM_PORT", 18081),
                Map.of("edge1", local(env, "EDGEMEC_EDGE1_PORT", 18082), "edge2", local(env, "EDGEMEC_EDGE2_PORT", 18083)),
                Map.of("edge1", Integer.parseInt(nonBlank(env.get("EDGEMEC_EDGE1_DNS_PORT"), "18053")),
                        "edge2", Integer.parseInt(nonBlank(env.get("EDGEMEC_EDGE2_DNS_PORT"), "18054"))), kafka,
                nonBlank(env.get("EDGEMEC_OPERATOR_TOKEN"), generatedToken(stateDir)), stateDir,
                nonBlank(env.get("EDGEMEC_PROXY_DEMO_SECRET"), "demo-secret"));
    }

    /** The token the services of the installation run with; a command that needs it fails clearly without it. */
    @Override
    public String operatorToken() {
        if (operatorToken == null || operatorToken.isBlank()) {
            throw new CliException(CliException.SERVICE, "no operator token: " + stateDir.resolve("operator-token")
                    + " is missing (./mec up generates it) and EDGEMEC_OPERATOR_TOKEN is not set");
        }
        return operatorToken;
    }

    /** {@code <state dir>/operator-token} as ./mec up wrote it, or empty when there is none. */
    private static String generatedToken(Path stateDir) {
        try {
            return Files.readString(stateDir.resolve("operator-token")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    public Path caPem() {
        return stateDir.resolve("ca/ca.pem");
    }

    public String platform(String host) {
        String url = platforms.get(host);
        if (url == null) {
            throw new CliException(CliException.SERVICE, "no mec-platform known for host " + host + " (known: "
                    + platforms.keySet() + ")");
        }
        return url;
    }

    private static String local(Map<String, String> env, String var, int port) {
        return "http://127.0.0.1:" + nonBlank(env.get(var), String.valueOf(port));
    }

    private static String nonBlank(String v, String fallback) {
        return v == null || v.isBlank() ? fallback : v;
    }
}
