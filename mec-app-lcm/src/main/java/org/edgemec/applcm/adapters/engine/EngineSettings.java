package org.edgemec.applcm.adapters.engine;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where an engine is and how long to wait for it. {@code responseTimeout} bounds one request,
 * including streaming a checkpoint archive, so it must cover the largest expected checkpoint
 * (about 22 ms per MB of container memory measured here).
 */
public record EngineSettings(String name, URI endpoint, Duration connectTimeout, Duration responseTimeout) {

    public EngineSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        String scheme = endpoint.getScheme();
        if (!"unix".equals(scheme) && !"tcp".equals(scheme)) {
            throw new IllegalArgumentException("engine endpoint must be unix:// or tcp://, got " + endpoint);
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofMinutes(5) : responseTimeout;
    }

    public static EngineSettings of(String name, URI endpoint) {
        return new EngineSettings(name, endpoint, null, null);
    }

    public static EngineSettings of(String name, String endpoint) {
        return of(name, URI.create(endpoint));
    }
}
