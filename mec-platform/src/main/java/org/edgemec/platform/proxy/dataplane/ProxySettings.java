package org.edgemec.platform.proxy.dataplane;

import org.edgemec.platform.proxy.config.ProxyConfig;
import org.edgemec.platform.proxy.domain.LocalProxy;

import java.util.List;
import java.util.Optional;

/** What distinguishes one proxy instance from another in the same JVM. Port 0 picks a free port. */
public record ProxySettings(String name, String publicHost, String listenHost, int httpsPort, int httpPort,
                            Optional<String> zone, Optional<LocalProxy.Position> position, List<String> extraNames) {

    public static ProxySettings from(ProxyConfig c) {
        Optional<LocalProxy.Position> position = c.latitude().isPresent() && c.longitude().isPresent()
                ? Optional.of(new LocalProxy.Position(c.latitude().get(), c.longitude().get())) : Optional.empty();
        return new ProxySettings(c.name(), c.publicHost(), c.listenHost(), c.httpsPort(), c.httpPort(), c.zone(),
                position, c.san().orElse(List.of()));
    }
}
