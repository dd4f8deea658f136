package org.edgemec.platform.proxy.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.edgemec.platform.proxy.session.SessionCookies;
import org.edgemec.platform.proxy.tls.InstallationSecrets;
import org.edgemec.platform.proxy.tls.PlatformCa;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/** The installation-wide CA and session key, read from (or created in) the configured CA directory. */
public class ProxyProducers {

    @Produces
    @Singleton
    PlatformCa platformCa(ProxyConfig config) {
        return PlatformCa.loadOrCreate(Path.of(config.caDir()));
    }

    @Produces
    @Singleton
    SessionCookies sessionCookies(ProxyConfig config) {
        byte[] key = config.sessionSecret().map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElseGet(() -> InstallationSecrets.sessionKey(Path.of(config.caDir())));
        return new SessionCookies(key, config.sessionLifetime(), Clock.systemUTC());
    }
}
