package org.edgemec.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Mp1 behaviour: notification delivery, graceful termination, liveness. */
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

    Notification notification();

    interface Notification {
        /** First retry delay; doubled after every failed attempt up to maxBackoff. */
        @WithDefault("PT1S")
        Duration initialBackoff();

        @WithDefault("PT5M")
        Duration maxBackoff();

        /** Connect and response timeout of one delivery attempt. */
        @WithDefault("PT5S")
        Duration timeout();

        /** A notification not delivered within this time is given up (kept in the table as EXPIRED). */
        @WithDefault("P1D")
        Duration retention();

        /** How often due notifications are sent (scheduler every-expression). */
        @WithDefault("1s")
        String pollInterval();

        /** Deliveries per scheduler run. */
        @WithDefault("50")
        int batchSize();
    }
}
