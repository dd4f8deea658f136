package org.edgemec.platform.config;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Mp1 access control: bearer tokens issued per app instance. */
// static-init safe: JAX-RS filters that read it are created while the REST deployment is built
@StaticInitSafe
@ConfigMapping(prefix = "edgemec.security")
public interface SecurityConfig {

    /** false turns Mp1 authentication and authorisation off (development only). */
    @WithDefault("true")
    boolean enabled();

    /** Lifetime of an issued access token. */
    @WithDefault("PT1H")
    Duration tokenLifetime();

    /** How many verified app instance tokens are kept (their signature is not checked again until they expire). */
    @WithDefault("10000")
    long verifiedTokenCacheSize();

    /** Issuer claim of issued tokens. */
    @WithDefault("edgemec-platform")
    String issuer();
}
