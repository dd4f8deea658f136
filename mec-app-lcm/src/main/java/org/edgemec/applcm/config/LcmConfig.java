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

    /** Hosts upload_from_uri may fetch from; loopback only by default so the LCM never reaches out. */
    @WithDefault("127.0.0.1,localhost,::1")
    List<String> uploadAllowedHosts();

    Engine engine();

    /** Bearer token the LCM presents to mec-platform provisioning. */
    @WithDefault("edgemec-operator-dev-token")
    String operatorToken();

    interface Engine {
        @WithDefault("PT2S")
        Duration connectTimeout();

        @WithDefault("PT5M")
        Duration responseTimeout();

        @WithDefault("PT10S")
        Duration defaultStopTimeout();
    }
}
