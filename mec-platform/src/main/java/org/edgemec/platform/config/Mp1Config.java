package org.edgemec.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Mp1 behaviour: graceful termination, liveness (notification delivery: mec-common OutboxConfig). */
@ConfigMapping(prefix = "edgemec.mp1")
public interface Mp1Config {

    /** Graceful timeout announced in AppTerminationNotification when the caller gives none. */
    @WithDefault("PT30S")
    Duration gracefulTimeout();

    /** Base URL of this platform as apps reach it; the links inside notifications start with it. */
    String publicUrl();

    /** How often silent services are looked for (scheduler every-expression). */
    @WithDefault("1s")
    String livenessCheckInterval();

    /** How often expired graceful terminations are ended (scheduler every-expression). */
    @WithDefault("1s")
    String terminationCheckInterval();
}
