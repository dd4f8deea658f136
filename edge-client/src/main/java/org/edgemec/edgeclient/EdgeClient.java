package org.edgemec.edgeclient;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SocketAddress;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP client that honours Alt-Svc (RFC 7838): it keeps the alternatives each HTTPS origin advertises, sends
 * the next requests to the alternative (TLS name and Host stay the origin's), and falls back to the origin when the
 * alternative fails or answers 421. Cookies are kept per origin host. Blocking API; do not call it on an event loop.
 */
public final class EdgeClient implements AutoCloseable {

    /** An answer, with the {@code host:port} that actually served it. */
    public record Response(int status, MultiMap headers, String body, String servedBy) {
    }

    private final Vertx vertx;
    private final boolean ownVertx;
    private final HttpClient http;
    private final AltSvcCache altSvc;
    private final CookieJar cookies = new CookieJar();
    private final Duration timeout;
    private final java.util.Map<String, String> resolve = new java.util.concurrent.ConcurrentHashMap<>();

    private EdgeClient(Vertx vertx, boolean ownVertx, Optional<Path> caPem, Duration timeout, Clock clock) {
        this.vertx = vertx;
        this.ownVertx = ownVertx;
        this.timeout = timeout;
        HttpClientOptions options = new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2).setUseAlpn(true)
                .setForceSni(true).setConnectTimeout((int) timeout.toMillis()).setVerifyHost(true);
        caPem.ifPresent(ca -> options.setTrustOptions(new PemTrustOptions().addCertPath(ca.toString())));
        this.http = vertx.createHttpClient(options);
        this.altSvc = new AltSvcCache(clock, Set.of("h2", "http/1.1"));
    }

    /** A client with its own Vert.x, trusting {@code caPem} in addition to nothing else (null: the JDK's trust). */
    public static EdgeClient create(Path caPem, Duration timeout) {
        return new EdgeClient(Vertx.vertx(), true, Optional.ofNullable(caPem), timeout, Clock.systemUTC());
    }

    /** A client on an existing Vert.x instance. */
    public static EdgeClient create(Vertx vertx, Path caPem, Duration timeout) {
        return new EdgeClient(vertx, false, Optional.ofNullable(caPem), timeout, Clock.systemUTC());
    }

    /** Connects to {@code address} whenever {@code host} is to be reached (like curl's --resolve). */
    public EdgeClient resolve(String host, String address) {
        resolve.put(host.toLowerCase(Locale.ROOT), address);
        return this;
    }

    public Response get(URI uri) {
        return send(HttpMethod.GET, uri, null, null);
    }

    public Response post(URI uri, String contentType, String body) {
        return send(HttpMethod.POST, uri, contentType, body);
    }

    public Response send(HttpMethod method, URI uri, String contentType, String body) {
        AltSvcCache.Origin origin = origin(uri);
        Optional<AltSvcCache.Entry> alternative = "https".equals(origin.scheme()) ? altSvc.lookup(origin)
                : Optional.empty();
        if (alternative.isPresent()) {
            try {
                Response r = exchange(method, uri, origin, alternative.get().host(), alternative.get().port(),
                        contentType, body);
                if (r.status() != 421) {
                    return r;
                }
            } catch (RuntimeException failed) {
                // the alternative is gone or broken: fall back to the origin below
            }
            altSvc.remove(origin, alternative.get());
        }
        return exchange(method, uri, origin, origin.host(), origin.port(), contentType, body);
    }

    private Response exchange(HttpMethod method, URI uri, AltSvcCache.Origin origin, String host, int port,
                              String contentType, String body) {
        RequestOptions options = new RequestOptions().setMethod(method).setHost(origin.host()).setPort(origin.port())
                .setSsl("https".equals(origin.scheme())).setURI(pathAndQuery(uri))
                .setServer(SocketAddress.inetSocketAddress(port, resolve.getOrDefault(host.toLowerCase(Locale.ROOT), host)))
                .setIdleTimeout(timeout.toMillis());
        cookies.header(origin.host()).ifPresent(c -> options.putHeader("Cookie", c));
        if (contentType != null) {
            options.putHeader("Content-Type", contentType);
        }
        Future<Response> answer = http.request(options)
                .compose(req -> body == null ? req.send() : req.send(Buffer.buffer(body)))
                .compose(resp -> resp.body().map(b -> {
                    resp.cookies().forEach(c -> cookies.accept(origin.host(), c));
                    String alt = resp.getHeader("Alt-Svc");
                    if (alt != null) {
                        altSvc.update(origin, alt);
                    }
                    return new Response(resp.statusCode(), resp.headers(), b.toString(), host + ":" + port);
                }));
        try {
            return answer.toCompletionStage().toCompletableFuture().get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(host + ":" + port + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(host + ":" + port + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The alternative currently cached for the origin of {@code uri}, as {@code host:port}. */
    public Optional<String> alternativeFor(URI uri) {
        return altSvc.lookup(origin(uri)).map(e -> e.host() + ":" + e.port());
    }

    private static AltSvcCache.Origin origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new AltSvcCache.Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port);
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    @Override
    public void close() {
        http.close();
        if (ownVertx) {
            vertx.close();
        }
    }
}
