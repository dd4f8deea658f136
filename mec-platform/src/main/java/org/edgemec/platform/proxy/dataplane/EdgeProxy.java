package org.edgemec.platform.proxy.dataplane;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.SSLOptions;
import io.vertx.httpproxy.HttpProxy;
import org.edgemec.platform.domain.rules.ActiveTrafficRules;
import org.edgemec.platform.proxy.domain.LocalProxy;
import org.edgemec.platform.proxy.tls.PlatformCa;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One edge proxy: an HTTPS listener (h2 and http/1.1 by ALPN) and a plain HTTP listener on the shared Vert.x,
 * forwarding each client's requests by its per-client state through a Vert.x {@link HttpProxy}. Several instances may
 * run in one JVM.
 */
public final class EdgeProxy implements LocalProxy {

    private static final Logger LOG = Logger.getLogger(EdgeProxy.class);
    static final String CONTROL_PREFIX = "/edge_proxy/v1/";

    private final ProxySettings settings;
    private final ProxyRuntime runtime;
    private final ClientStateCache cache;
    private final TrafficRulesSnapshot rules;
    private final HttpClient backends;
    private final HttpProxy proxy;
    private final ProxyControlHandler control;
    private final ProxyProblems problems;
    private HttpServer https;
    private HttpServer http;
    private Set<String> certificateNames = Set.of();
    private long rulesTimer = -1;

    EdgeProxy(ProxySettings settings, ProxyRuntime runtime, ActiveTrafficRules ruleSource) {
        this.settings = settings;
        this.runtime = runtime;
        this.cache = new ClientStateCache(runtime, settings.name(), runtime.config.stateCacheTtl());
        this.rules = new TrafficRulesSnapshot(runtime, ruleSource);
        HttpClientOptions clientOptions = new HttpClientOptions()
                .setConnectTimeout((int) runtime.config.connectTimeout().toMillis())
                .setIdleTimeout((int) runtime.config.idleTimeout().toSeconds())
                .setKeepAlive(true);
        this.backends = runtime.vertx.createHttpClient(clientOptions, new PoolOptions().setHttp1MaxSize(256));
        this.proxy = HttpProxy.reverseProxy(backends);
        this.proxy.origin(new BackendSelector(runtime.config.backendTimeout().toMillis()));
        this.proxy.addInterceptor(new ForwardingInterceptor(this, runtime, cache, rules, backends));
        this.control = new ProxyControlHandler(this, runtime);
        this.problems = new ProxyProblems(runtime.json);
    }

    /** Binds both listeners (port 0 picks free ports) and registers the proxy with the platform. */
    public Future<EdgeProxy> start() {
        return runtime.vertx.executeBlocking(() -> {
            Set<String> names = new LinkedHashSet<>();
            names.add(settings.publicHost());
            names.add("localhost");
            names.addAll(settings.extraNames());
            names.addAll(runtime.serviceHosts());
            return runtime.ca.issueServerCertificate(names);
        }, false).compose(cert -> {
            certificateNames = cert.names();
            int idle = (int) runtime.config.idleTimeout().toSeconds();
            https = runtime.vertx.createHttpServer(new HttpServerOptions().setSsl(true).setUseAlpn(true)
                    .setKeyCertOptions(pem(cert)).setIdleTimeout(idle).setHost(settings.listenHost())
                    .setPort(settings.httpsPort()));
            http = runtime.vertx.createHttpServer(new HttpServerOptions().setIdleTimeout(idle)
                    .setHost(settings.listenHost()).setPort(settings.httpPort()));
            https.requestHandler(this::dispatch);
            http.requestHandler(this::dispatch);
            return Future.all(https.listen(), http.listen());
        }).compose(listening -> rules.refresh()).map(v -> {
            rulesTimer = runtime.vertx.setPeriodic(rules.refreshMillis(), id -> rules.refresh());
            runtime.register(this);
            LOG.infof("edge proxy %s listening on https %d, http %d", name(), httpsPort(), httpPort());
            return this;
        });
    }

    public Future<Void> stop() {
        runtime.unregister(this);
        runtime.vertx.cancelTimer(rulesTimer);
        Future<Void> a = https == null ? Future.succeededFuture() : https.close();
        Future<Void> b = http == null ? Future.succeededFuture() : http.close();
        return Future.all(a, b).compose(v -> backends.close());
    }

    private void dispatch(HttpServerRequest request) {
        if (request.method() == HttpMethod.CONNECT || request.path() == null) {
            // a reverse proxy for the catalogue's service hosts, not a tunnel to wherever a client names: without
            // this a CONNECT went to the backend and came back 502
            problems.write(request.response(), 405, "Method Not Allowed",
                    "the edge proxy forwards requests for its service hosts; CONNECT is not supported", request.uri());
        } else if (request.path().startsWith(CONTROL_PREFIX)) {
            control.handle(request);
        } else {
            proxy.handle(request);
        }
    }

    public int httpsPort() {
        return https.actualPort();
    }

    public int httpPort() {
        return http.actualPort();
    }

    /** Re-reads the traffic rules now (they are also re-read periodically). */
    public Future<Void> refreshRules() {
        return rules.refresh();
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public String authority() {
        return settings.publicHost() + ":" + httpsPort();
    }

    @Override
    public Optional<String> zone() {
        return settings.zone();
    }

    @Override
    public Optional<Position> position() {
        return settings.position();
    }

    @Override
    public synchronized void ensureCertificateNames(Collection<String> hostNames) {
        if (https == null || certificateNames.containsAll(hostNames)) {
            return;
        }
        Set<String> names = new LinkedHashSet<>(certificateNames);
        names.addAll(hostNames);
        PlatformCa.IssuedCertificate cert = runtime.ca.issueServerCertificate(names);
        try {
            https.updateSSLOptions(new SSLOptions().setKeyCertOptions(pem(cert)))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            certificateNames = cert.names();
            LOG.infof("edge proxy %s certificate now valid for %s", name(), names);
        } catch (Exception e) {
            throw new IllegalStateException("cannot renew the certificate of proxy " + name(), e);
        }
    }

    @Override
    public void invalidate(String clientId) {
        cache.invalidate(clientId);
    }

    public List<String> certificateNames() {
        return List.copyOf(certificateNames);
    }

    private static PemKeyCertOptions pem(PlatformCa.IssuedCertificate cert) {
        return new PemKeyCertOptions().setKeyValue(Buffer.buffer(cert.keyPem())).setCertValue(Buffer.buffer(cert.chainPem()));
    }
}
