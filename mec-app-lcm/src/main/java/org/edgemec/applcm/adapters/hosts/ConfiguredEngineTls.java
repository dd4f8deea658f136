package org.edgemec.applcm.adapters.hosts;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.edgemec.applcm.adapters.engine.EngineTls;
import org.edgemec.applcm.config.HostsConfig;
import org.jboss.logging.Logger;

/**
 * The TLS material of each configured host ({@code edgemec.hosts.<name>.engine-tls.*}), read and checked once at
 * start-up: a TLS endpoint without its files, a partial set, or a file that cannot be read or does not fit stops
 * the service with a message naming the property, instead of failing at the host's first deployment.
 */
@Startup
@ApplicationScoped
public class ConfiguredEngineTls {

    private static final Logger LOG = Logger.getLogger(ConfiguredEngineTls.class);

    private final Map<String, EngineTls> byHost = new ConcurrentHashMap<>();

    public ConfiguredEngineTls(HostsConfig config) {
        for (Map.Entry<String, HostsConfig.Host> e : config.all().entrySet()) {
            resolve(e.getKey(), e.getValue().engineEndpoint(), e.getValue().engineTls()).ifPresent(tls -> {
                byHost.put(e.getKey(), tls);
                LOG.infof("MEC host %s: engine over TLS (%s)", e.getKey(), tls);
            });
        }
    }

    /** The TLS of configuration host {@code name}; empty for a host without (or one added through the API). */
    public Optional<EngineTls> of(String name) {
        return Optional.ofNullable(byHost.get(name));
    }

    /** Checks one host's settings; throws {@link IllegalStateException} naming the property at fault. */
    static Optional<EngineTls> resolve(String host, String endpoint, HostsConfig.TlsFiles files) {
        String prefix = "edgemec.hosts." + host + ".";
        String scheme = scheme(endpoint);
        Map<String, Optional<String>> parts = Map.of(
                "engine-tls.ca-cert", files.caCert(),
                "engine-tls.client-cert", files.clientCert(),
                "engine-tls.client-key", files.clientKey());
        List<String> missing = new ArrayList<>();
        for (String key : List.of("engine-tls.ca-cert", "engine-tls.client-cert", "engine-tls.client-key")) {
            if (parts.get(key).map(String::isBlank).orElse(true)) {
                missing.add(prefix + key);
            }
        }
        if (missing.size() == 3) {
            if ("https".equals(scheme)) {
                throw new IllegalStateException(prefix + "engine-endpoint is " + endpoint + ", a TLS endpoint, but "
                        + String.join(", ", missing) + " are not set: a TLS engine needs the CA that signed its "
                        + "certificate and a client certificate with its key");
            }
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(String.join(", ", missing) + " not set: " + prefix
                    + "engine-tls.* needs all three of ca-cert, client-cert and client-key");
        }
        if (!"tcp".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalStateException(prefix + "engine-tls.* is set but " + prefix + "engine-endpoint is "
                    + endpoint + ": TLS applies only to tcp:// and https:// endpoints");
        }
        try {
            return Optional.of(EngineTls.load(path(files.caCert()), path(files.clientCert()),
                    path(files.clientKey())));
        } catch (EngineTls.InvalidMaterialException e) {
            String key = switch (e.part()) {
                case CA_CERT -> "engine-tls.ca-cert";
                case CLIENT_CERT -> "engine-tls.client-cert";
                case CLIENT_KEY -> "engine-tls.client-key";
            };
            throw new IllegalStateException(prefix + key + ": " + e.getMessage(), e);
        }
    }

    private static Path path(Optional<String> value) {
        return Path.of(value.orElseThrow().trim());
    }

    /** The endpoint's scheme, or null when it is no URI (MecHostService reports that, naming engine-endpoint). */
    private static String scheme(String endpoint) {
        try {
            return URI.create(endpoint.trim()).getScheme();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
