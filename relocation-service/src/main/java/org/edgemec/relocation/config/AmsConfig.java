package org.edgemec.relocation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The AMS's own settings: {@code edgemec.ams.*}. */
@ConfigMapping(prefix = "edgemec.ams")
public interface AmsConfig {

    /** Where clients reach this AMS: the absolute URLs of _links and Location are built from it. */
    @WithDefault("http://127.0.0.1:18080")
    String baseUrl();

    /** How long before its expiryDeadline a subscription gets its ExpiryNotification. */
    @WithDefault("PT60S")
    Duration expiryWarning();

    /** How often expiring subscriptions are looked for (a scheduler every-expression). */
    @WithDefault("1s")
    String expiryCheckInterval();
}
