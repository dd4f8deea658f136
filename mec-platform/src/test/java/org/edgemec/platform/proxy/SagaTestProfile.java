package org.edgemec.platform.proxy;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * The relocation-saga tests: a short handover timeout, their own login clients and a peer platform that is down (a
 * loopback port nothing listens on). One application restart for every class with this profile.
 */
public class SagaTestProfile implements QuarkusTestProfile {

    static final String DOWN_PEER = "edge-down";
    static final int HANDOVER_TIMEOUT_SECONDS = 8;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("edgemec.proxy.handover-timeout", "PT" + HANDOVER_TIMEOUT_SECONDS + "S");
        config.put("edgemec.proxy.handover-check-every", "1s");
        for (int i = 1; i <= 30; i++) {
            config.put("edgemec.proxy.clients.saga-" + i, "drone-secret");
        }
        config.put("edgemec.proxy.peers." + DOWN_PEER + ".authority", "127.0.0.1:9");
        config.put("edgemec.proxy.peers." + DOWN_PEER + ".control-url", "http://127.0.0.1:" + closedPort());
        return config;
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
