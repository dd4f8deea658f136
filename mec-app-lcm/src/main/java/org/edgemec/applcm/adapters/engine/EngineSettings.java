package org.edgemec.applcm.adapters.engine;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where an engine is, how long to wait for it and, for a TCP endpoint, the TLS it is reached with.
 * {@code responseTimeout} bounds one request, including streaming a checkpoint archive, so it must cover the
 * largest expected checkpoint (about 22 ms per MB of container memory measured here).
 *
 * <p>Endpoints: {@code unix:///path}, {@code tcp://host:port} (plain HTTP, or TLS when {@code tls} is given, as
 * Docker's {@code -H tcp://... --tlsverify}) and {@code https://host:port} (always TLS, so {@code tls} is required).
 */
public record EngineSettings(String name, URI endpoint, Duration connectTimeout, Duration responseTimeout,
        EngineTls tls) {

    public EngineSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        String scheme = endpoint.getScheme();
        if (!"unix".equals(scheme) && !"tcp".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("engine endpoint must be unix://, tcp:// or https://, got " + endpoint);
        }
        if ("https".equals(scheme) && tls == null) {
            throw new IllegalArgumentException("engine endpoint " + endpoint + " is https:// but no TLS CA and client "
                    + "certificate are given");
        }
        if ("unix".equals(scheme) && tls != null) {
            throw new IllegalArgumentException("engine endpoint " + endpoint + " is a unix socket: TLS does not apply");
        }
        if (!"unix".equals(scheme) && (endpoint.getHost() == null || endpoint.getPort() < 0)) {
            throw new IllegalArgumentException("engine endpoint " + endpoint + " needs a host and a port");
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofMinutes(5) : responseTimeout;
    }

    public EngineSettings(String name, URI endpoint, Duration connectTimeout, Duration responseTimeout) {
        this(name, endpoint, connectTimeout, responseTimeout, null);
    }

    public static EngineSettings of(String name, URI endpoint) {
        return new EngineSettings(name, endpoint, null, null, null);
    }

    public static EngineSettings of(String name, String endpoint) {
        return of(name, URI.create(endpoint));
    }

    public EngineSettings withTls(EngineTls tls) {
        return new EngineSettings(name, endpoint, connectTimeout, responseTimeout, tls);
    }

    /**
     * The endpoint in the form docker-java's transport takes: it knows only unix:// and tcp:// and speaks HTTPS on
     * tcp:// when it has an SSL context, so https://host:port becomes tcp://host:port.
     */
    URI transportEndpoint() {
        return "https".equals(endpoint.getScheme()) ? URI.create("tcp://" + endpoint.getRawAuthority()) : endpoint;
    }
}
