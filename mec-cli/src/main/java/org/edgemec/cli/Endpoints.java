package org.edgemec.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the services of {@code ./mec up} listen: the same defaults and environment variables as the mec script
 * (EDGEMEC_RELOCATION_PORT, EDGEMEC_LCM_PORT, EDGEMEC_EDGE1_PORT, EDGEMEC_EDGE2_PORT, EDGEMEC_KAFKA_PORT or
 * KAFKA_BOOTSTRAP_SERVERS, EDGEMEC_STATE_DIR, EDGEMEC_OPERATOR_TOKEN).
 */
public record Endpoints(String relocation, String lcm, Map<String, String> platforms, Map<String, Integer> dnsPorts,
                        String kafka, String operatorToken, Path stateDir, String proxySecret) {

    public static Endpoints fromEnvironment(Map<String, String> env, Path root) {
        String kafka = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS",
                "127.0.0.1:" + env.getOrDefault("EDGEMEC_KAFKA_PORT", "19092"));
        return new Endpoints(local(env, "EDGEMEC_RELOCATION_PORT", 18080), local(env, "EDGEMEC_LCM_PORT", 18081),
                Map.of("edge1", local(env, "EDGEMEC_EDGE1_PORT", 18082), "edge2", local(env, "EDGEMEC_EDGE2_PORT", 18083)),
                // the DNS ports are fixed in the mec script
                Map.of("edge1", 18053, "edge2", 18054), kafka,
                nonBlank(env.get("EDGEMEC_OPERATOR_TOKEN"), "edgemec-operator-dev-token"),
                Path.of(nonBlank(env.get("EDGEMEC_STATE_DIR"), root.resolve(".mec").toString())),
                nonBlank(env.get("EDGEMEC_PROXY_DEMO_SECRET"), "demo-secret"));
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
