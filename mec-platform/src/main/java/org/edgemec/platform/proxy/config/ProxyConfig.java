package org.edgemec.platform.proxy.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The edge proxy of this MEC host ({@code edgemec.proxy.*}); see docs/edge-proxy.md. */
@ConfigMapping(prefix = "edgemec.proxy")
public interface ProxyConfig {

    /** Whether the Quarkus application starts its own proxy listeners. */
    @WithDefault("true")
    boolean enabled();

    /** Name of this proxy in Alt-Svc handovers and events; unique in the installation. */
    String name();

    /** Host name or address clients use to reach this proxy (the alt-authority host in Alt-Svc). */
    String publicHost();

    int httpsPort();

    int httpPort();

    /** Listen address of both listeners. */
    @WithDefault("0.0.0.0")
    String listenHost();

    /** Zone of this proxy, matched against the zone a client reports at login. */
    Optional<String> zone();

    Optional<Double> latitude();

    Optional<Double> longitude();

    /** Directory with the platform CA (shared by all platform instances of one installation). */
    String caDir();

    /** Extra names of the proxy certificate, besides the service host names and the public host. */
    Optional<List<String>> san();

    /** HMAC secret of the session cookie; when absent, a secret is generated once in {@link #caDir()}. */
    Optional<String> sessionSecret();

    @WithDefault("PT8H")
    Duration sessionLifetime();

    /** {@code ma} of the Alt-Svc headers; also how long a cancelled copy of a client's state is kept. */
    @WithDefault("PT1H")
    Duration altSvcMaxAge();

    @WithDefault("PT2S")
    Duration connectTimeout();

    /** A backend that sends nothing for this long gets the client a 504. */
    @WithDefault("PT30S")
    Duration backendTimeout();

    /** Idle connections (client side and backend side) are closed after this. */
    @WithDefault("PT60S")
    Duration idleTimeout();

    /** How long a proxy trusts its in-memory copy of a client's state before reading it again. */
    @WithDefault("PT2S")
    Duration stateCacheTtl();

    /**
     * Event loops each proxy listens and forwards on (each with its own backend connections); 0 means one per
     * available processor.
     */
    @WithDefault("0")
    int eventLoops();

    /** Mirrored (DUPLICATE_*) request bodies larger than this are not mirrored. */
    @WithDefault("1048576")
    int mirrorMaxBody();

    /** How often copies kept only for stragglers (cancelled or superseded handovers) are purged. */
    @WithDefault("30s")
    String purgeEvery();

    /**
     * A PENDING handover whose client has not reached the target within this time ends TIMED_OUT: the source stops
     * advertising the target and keeps serving the client.
     */
    @WithDefault("PT2M")
    Duration handoverTimeout();

    /** How often overdue handovers are looked for (a scheduler every-expression). */
    @WithDefault("1s")
    String handoverCheckEvery();

    /** Client registry for the login: client id -> secret. */
    Map<String, String> clients();

    /** Other proxies of the installation, by name. */
    Map<String, Peer> peers();

    interface Peer {
        /** {@code host:port} of the peer's HTTPS listener, as advertised in Alt-Svc. */
        String authority();

        Optional<String> zone();

        Optional<Double> latitude();

        Optional<Double> longitude();

        /** Base URL of the peer's platform (control API), e.g. http://127.0.0.1:18083. */
        Optional<String> controlUrl();
    }
}
