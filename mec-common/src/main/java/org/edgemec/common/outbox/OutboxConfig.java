package org.edgemec.common.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Notification delivery of every service: {@code edgemec.outbox.*}. */
@ConfigMapping(prefix = "edgemec.outbox")
public interface OutboxConfig {

    /** How often due notifications are sent (a scheduler every-expression; read by {@link OutboxDispatcher}). */
    @WithDefault("1s")
    String pollInterval();

    /** Delay before the first retry; it doubles with each failed attempt up to {@link #maxBackoff()}. */
    @WithDefault("PT1S")
    Duration initialBackoff();

    @WithDefault("PT5M")
    Duration maxBackoff();

    /** Connect and answer timeout of one delivery attempt. */
    @WithDefault("PT5S")
    Duration timeout();

    /** A notification not delivered within this time is given up (kept in the table as EXPIRED). */
    @WithDefault("P1D")
    Duration retention();

    /** When set, a notification is given up (GIVEN_UP) after this many failed attempts. */
    Optional<Integer> maxAttempts();

    @WithDefault("50")
    int batchSize();
}
