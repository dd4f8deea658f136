package org.edgemec.relocation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import org.edgemec.relocation.saga.StateTransfer;
import org.edgemec.relocation.saga.Steering;

/** {@code edgemec.relocation.*}: how the relocation saga runs. */
@ConfigMapping(prefix = "edgemec.relocation")
public interface RelocationConfig {

    /** How often the worker looks for due relocations (read by its {@code @Scheduled}). */
    @WithDefault("200ms")
    Duration workerInterval();

    /** How long a worker owns a relocation it claimed; another replica takes over after that. */
    @WithDefault("PT30S")
    Duration lease();

    /** The longest the move of the app's state (mec-app-lcm's checkpoint/restore) may take. */
    @WithDefault("PT5M")
    Duration moveTimeout();

    /** The longest an app registered for application-driven context transfer may take to report it. */
    @WithDefault("PT60S")
    Duration contextTransferTimeout();

    /** How long the source host keeps steering the moved app's clients (DNS answers, proxy forwarding). */
    @WithDefault("PT10M")
    Duration steeringLinger();

    /** How long a request for the frozen app waits at the source proxy before it is forwarded anyway. */
    @WithDefault("PT10S")
    Duration holdMaxWait();

    @WithDefault("ALT_SVC")
    Steering defaultSteering();

    @WithDefault("CHECKPOINT")
    StateTransfer defaultStateTransfer();

    /** A step whose call failed in a way that may pass (unreachable, 5xx) is retried this many times. */
    @WithDefault("20")
    int maxStepAttempts();

    /** The first retry's delay; it doubles up to 10 s. */
    @WithDefault("PT0.5S")
    Duration retryBackoff();

    /** Where each zone is, for placement nearest to a client's position (zone name -> latitude, longitude). */
    Map<String, ZonePosition> zones();

    interface ZonePosition {
        double latitude();

        double longitude();
    }
}
