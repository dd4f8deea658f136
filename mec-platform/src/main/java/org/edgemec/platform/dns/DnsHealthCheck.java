package org.edgemec.platform.dns;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.net.InetSocketAddress;

/** Readiness check {@code dns}: UP when the server listens on UDP and TCP, or is disabled by configuration. */
@Readiness
@ApplicationScoped
public class DnsHealthCheck implements HealthCheck {

    private final DnsServerLifecycle lifecycle;

    public DnsHealthCheck(DnsServerLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("dns").withData("enabled", lifecycle.enabled());
        if (!lifecycle.enabled()) {
            return response.up().build();
        }
        InetSocketAddress address = lifecycle.address();
        if (address == null) {
            String failure = lifecycle.failure();
            return response.down().withData("error", failure != null ? failure : "not listening").build();
        }
        String listen = address.getHostString() + ":" + address.getPort();
        return response.up().withData("udp", listen).withData("tcp", listen).build();
    }
}
