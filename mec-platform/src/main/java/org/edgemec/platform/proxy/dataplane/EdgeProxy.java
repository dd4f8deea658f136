package org.edgemec.platform.proxy.dataplane;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One edge proxy: an HTTPS listener (h2 and http/1.1 by ALPN) and a plain HTTP listener on the shared Vert.x, served by
 * {@code edgemec.proxy.event-loops} event loops, forwarding each client's requests by its per-client state through a
 * Vert.x {@link HttpProxy}. Several instances may run in one JVM.
 */
public final class EdgeProxy implements LocalProxy {

    private static final Logger LOG = Logger.getLogger(EdgeProxy.class);
    static final String CONTROL_PREFIX = "/edge_proxy/v1/";

    /** Port 0 of several event loops: a negative port is Vert.x's random port shared by the servers that name it. */
    private static final AtomicInteger SHARED_RANDOM_PORTS = new AtomicInteger();

    private final ProxySettings settings;
    private final ProxyRuntime runtime;
    private final ClientStateCache cache;
    private final TrafficRulesSnapshot rules;
    private final ProxyControlHandler control;
    private final ProxyProblems problems;
    private final int eventLoops;
    private final List<Lane> lanes = new CopyOnWriteArrayList<>();
    private String deployment;
    private Set<String> certificateNames = Set.of();
    private AutoCloseable rulesWatch;

    EdgeProxy(ProxySettings settings, ProxyRuntime runtime, ActiveTrafficRules ruleSource) {
        this.settings = settings;
        this.runtime = runtime;
        this.cache = new ClientStateCache(runtime, settings.name(), runtime.config.stateCacheTtl());
        this.rules = new TrafficRulesSnapshot(runtime, ruleSource, runtime.ruleReader);
        this.control = new ProxyControlHandler(this, runtime);
        this.problems = new ProxyProblems(runtime.json);
        int configured = runtime.config.eventLoops();
        this.eventLoops = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }

    /**
     * One event loop's part of the proxy: its share of both listeners (Vert.x hands each accepted connection to one
     * of the servers sharing a port) and its own pool of backend connections, so that a request and its backend
     * exchange stay on one thread.
     */
    private final class Lane extends AbstractVerticle {

        private final PemKeyCertOptions certificate;
        private final int httpsPort;
        private final int httpPort;
        private HttpServer https;
        private HttpServer http;

        Lane(PemKeyCertOptions certificate, int httpsPort, int httpPort) {
            this.certificate = certificate;
            this.httpsPort = httpsPort;
            this.httpPort = httpPort;
        }

        @Override
        public void start(Promise<Void> started) {
            HttpClientOptions clientOptions = new HttpClientOptions()
                    .setConnectTimeout((int) runtime.config.connectTimeout().toMillis())
                    .setIdleTimeout((int) runtime.config.idleTimeout().toSeconds())
                    .setKeepAlive(true);
            HttpClient backends = vertx.createHttpClient(clientOptions, new PoolOptions().setHttp1MaxSize(256));
            HttpProxy proxy = HttpProxy.reverseProxy(backends);
            proxy.origin(new BackendSelector(runtime.config.backendTimeout().toMillis()));
            proxy.addInterceptor(new ForwardingInterceptor(EdgeProxy.this, runtime, cache, rules, backends));
            int idle = (int) runtime.config.idleTimeout().toSeconds();
            https = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setUseAlpn(true)
                    .setKeyCertOptions(certificate).setIdleTimeout(idle).setHost(settings.listenHost())
                    .setPort(httpsPort));
            http = vertx.createHttpServer(new HttpServerOptions().setIdleTimeout(idle)
                    .setHost(settings.listenHost()).setPort(httpPort));
            https.requestHandler(request -> dispatch(proxy, request));
            http.requestHandler(request -> dispatch(proxy, request));
            lanes.add(this);
            Future.all(https.listen(), http.listen()).<Void>mapEmpty().onComplete(started);
        }
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
            int httpsPort = shareable(settings.httpsPort());
            int httpPort = shareable(settings.httpPort());
            return runtime.vertx.deployVerticle(() -> new Lane(pem(cert), httpsPort, httpPort),
                    new DeploymentOptions().setInstances(eventLoops));
        }).compose(deployed -> {
            deployment = deployed;
            // watching before the first read: a change committed while it runs is read again after it
            rulesWatch = runtime.watchRules(rules::refresh);
            return rules.refresh();
        }).map(v -> {
            runtime.register(this);
            LOG.infof("edge proxy %s listening on https %d, http %d (%d event loops)", name(), httpsPort(), httpPort(),
                    eventLoops);
            return this;
        });
    }

    public Future<Void> stop() {
        runtime.unregister(this);
        if (rulesWatch != null) {
            try {
                rulesWatch.close();
            } catch (Exception e) {
                LOG.debugf("traffic rule watch not closed: %s", e.getMessage());
            }
        }
        // undeploying closes what each lane opened in its context: its servers and its backend client
        return deployment == null ? Future.succeededFuture() : runtime.vertx.undeploy(deployment);
    }

    /** A fixed port is shared by the lanes as it is; port 0 becomes a shared random port of this listener only. */
    private static int shareable(int port) {
        return port != 0 ? port : -SHARED_RANDOM_PORTS.incrementAndGet();
    }

    private void dispatch(HttpProxy proxy, HttpServerRequest request) {
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

    /** The actual port (the lanes share one listening socket). */
    public int httpsPort() {
        return lanes.get(0).https.actualPort();
    }

    public int httpPort() {
        return lanes.get(0).http.actualPort();
    }

    /** Re-reads the traffic rules now (they are also re-read after every change of their tables). */
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
        if (lanes.isEmpty() || certificateNames.containsAll(hostNames)) {
            return;
        }
        Set<String> names = new LinkedHashSet<>(certificateNames);
        names.addAll(hostNames);
        PlatformCa.IssuedCertificate cert = runtime.ca.issueServerCertificate(names);
        try {
            // the lanes' servers share the listening one's TLS context: updating it through any lane updates all
            lanes.get(0).https.updateSSLOptions(new SSLOptions().setKeyCertOptions(pem(cert)))
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
