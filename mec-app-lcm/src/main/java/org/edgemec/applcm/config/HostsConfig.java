package org.edgemec.applcm.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.Optional;

/** MEC hosts from configuration: {@code edgemec.hosts.<name>.*}. Each is a container engine plus a mec-platform. */
@ConfigMapping(prefix = "edgemec.hosts")
public interface HostsConfig {

    @WithParentName
    Map<String, Host> all();

    interface Host {
        /** {@code unix:///path/podman.sock} or {@code tcp://host:port}. */
        String engineEndpoint();

        @WithDefault("PODMAN")
        String engineKind();

        /** Base URL of the host's mec-platform; absent: provisioning is skipped for this host. */
        Optional<String> platformUrl();

        @WithDefault("zone-default")
        String zone();

        Capacity capacity();
    }

    interface Capacity {
        @WithDefault("4")
        int cpu();

        @WithDefault("4096")
        int memoryMb();
    }
}
