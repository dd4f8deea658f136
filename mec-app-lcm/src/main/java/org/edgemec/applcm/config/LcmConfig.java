package org.edgemec.applcm.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Settings of package storage, notifications, engines and provisioning: {@code edgemec.lcm.*}. */
@ConfigMapping(prefix = "edgemec.lcm")
public interface LcmConfig {

    /** Absolute base of the links this service puts in bodies and notifications. */
    @WithDefault("http://127.0.0.1:18081")
    String baseUrl();

    /** Where package zips are stored, one folder per package id. */
    @WithDefault(".mec/packages")
    String packageDir();

    /** Upper bound of an uploaded package. */
    @WithDefault("1073741824")
    long maxPackageBytes();

    /** Upper bound of what a package zip unpacks to (the sum of its entries), so a zip bomb is refused. */
    @WithDefault("4294967296")
    long maxPackageUncompressedBytes();

    /** Upper bound of the entries of a package zip. */
    @WithDefault("10000")
    int maxPackageEntries();

    /** Hosts upload_from_uri may fetch from; loopback only by default so the LCM never reaches out. */
    @WithDefault("127.0.0.1,localhost,::1")
    List<String> uploadAllowedHosts();

    Engine engine();

    Move move();

    Operation operation();

    /** Bearer token the LCM presents to mec-platform provisioning: no default (application.properties, per profile). */
    String operatorToken();

    /** Checkpoint/restore moves ({@code edgemec.lcm.move.*}). */
    interface Move {
        /** How long a replica's claim on a move holds without renewal; an abandoned move is recovered after it. */
        @WithDefault("PT30S")
        Duration lease();

        /** Upper bound of the TCP probe that measures firstResponseMs. */
        @WithDefault("PT10S")
        Duration firstResponseTimeout();

        /** Scheduler period of the claim renewal (read by {@code @Scheduled}). */
        @WithDefault("10s")
        String heartbeatEvery();

        /** Scheduler period of the recovery scan, or {@code off} (read by {@code @Scheduled}). */
        @WithDefault("15s")
        String recoveryEvery();
    }

    /** LCM operation occurrences ({@code edgemec.lcm.operation.*}): the claim of the replica running one. */
    interface Operation {
        /** How long a replica's claim on a running op occ holds without renewal; after it the op occ is recovered. */
        @WithDefault("PT30S")
        Duration lease();

        /** Scheduler period of the claim renewal (read by {@code @Scheduled}). */
        @WithDefault("10s")
        String heartbeatEvery();

        /** Scheduler period of the recovery scan, or {@code off}: only at start-up (read by {@code @Scheduled}). */
        @WithDefault("15s")
        String recoveryEvery();
    }

    interface Engine {
        @WithDefault("PT2S")
        Duration connectTimeout();

        @WithDefault("PT5M")
        Duration responseTimeout();

        @WithDefault("PT10S")
        Duration defaultStopTimeout();
    }
}
