package org.edgemec.platform.dns;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts {@link TinyUpstreamDns} and points {@code edgemec.dns.upstream} at it. */
public class UpstreamDnsResource implements QuarkusTestResourceLifecycleManager {

    private TinyUpstreamDns upstream;

    @Override
    public Map<String, String> start() {
        upstream = TinyUpstreamDns.start();
        return Map.of("edgemec.dns.upstream", "127.0.0.1:" + upstream.port(),
                "edgemec.dns.upstream-timeout", "3S");
    }

    @Override
    public void stop() {
        if (upstream != null) {
            upstream.close();
        }
    }
}
