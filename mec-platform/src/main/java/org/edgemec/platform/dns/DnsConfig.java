package org.edgemec.platform.dns;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The host's DNS server: where it listens and where names without an ACTIVE DnsRule go. */
@ConfigMapping(prefix = "edgemec.dns")
public interface DnsConfig {

    /** Starts the server with the application. */
    @WithDefault("true")
    boolean enabled();

    /** Listen address, UDP and TCP. */
    @WithDefault("127.0.0.1")
    String bind();

    /** Listen port, UDP and TCP; 0 picks a free port (tests). */
    @WithDefault("18053")
    int port();

    /** {@code host:port} of a resolver for names without a rule; absent: those names get NXDOMAIN. */
    Optional<String> upstream();

    /** How many names the server keeps answers for in memory (until a rule, steering or instance changes). */
    @WithDefault("100000")
    long cacheSize();

    /** How long a forwarded query may take before the client gets SERVFAIL. */
    @WithDefault("2S")
    Duration upstreamTimeout();
}
