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
        /**
         * {@code unix:///path/podman.sock}, {@code tcp://host:port} (TLS when {@link #engineTls()} is set) or
         * {@code https://host:port} (TLS; {@link #engineTls()} required).
         */
        String engineEndpoint();

        /** Client certificate and CA of a TLS engine endpoint: {@code edgemec.hosts.<name>.engine-tls.*}. */
        TlsFiles engineTls();

        @WithDefault("PODMAN")
        String engineKind();

        /** Base URL of the host's mec-platform; absent: provisioning is skipped for this host. */
        Optional<String> platformUrl();

        @WithDefault("zone-default")
        String zone();

        Capacity capacity();
    }

    /** PEM files, all three or none (checked at start-up by {@code ConfiguredEngineTls}). */
    interface TlsFiles {
        /** CA certificate(s) the engine's server certificate must chain to (Docker's {@code ca.pem}). */
        Optional<String> caCert();

        /** This client's certificate, signed by a CA the engine trusts (Docker's {@code cert.pem}). */
        Optional<String> clientCert();

        /** The private key of {@link #clientCert()}, PKCS#8 or RSA PKCS#1 (Docker's {@code key.pem}). */
        Optional<String> clientKey();
    }

    interface Capacity {
        @WithDefault("4")
        int cpu();

        @WithDefault("4096")
        int memoryMb();
    }
}
