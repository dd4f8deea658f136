package org.edgemec.platform.proxy.dataplane;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.edgemec.common.error.MecException;
import org.edgemec.platform.domain.rules.ActiveTrafficRules.Action;
import org.edgemec.platform.proxy.domain.ClientState;
import org.edgemec.platform.proxy.domain.Endpoint;
import org.edgemec.platform.proxy.domain.Hold;
import org.edgemec.platform.proxy.session.SessionCookies;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Per request: identify the client by its session cookie, find its state at this proxy, pick the backend for the
 * requested service host, apply the traffic rules, forward, and add the Alt-Svc this client must see.
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);
    private static final String STATE = "edgemec.state";

    private final EdgeProxy proxy;
    private final ProxyRuntime runtime;
    private final ClientStateCache cache;
    private final TrafficRulesSnapshot rules;
    private final HttpClient backends;
    private final ProxyProblems problems;
    private final ConnectionCookies verifiedCookies;

    ForwardingInterceptor(EdgeProxy proxy, ProxyRuntime runtime, ClientStateCache cache, TrafficRulesSnapshot rules,
                          HttpClient backends) {
        this.proxy = proxy;
        this.runtime = runtime;
        this.cache = cache;
        this.rules = rules;
        this.backends = backends;
        this.problems = new ProxyProblems(runtime.json);
        this.verifiedCookies = new ConnectionCookies(runtime.cookies);
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext ctx) {
        HttpServerRequest request = ctx.request().proxiedRequest();
        runtime.transactions.track(ctx, proxy.name());
        String clientId;
        try {
            clientId = verifiedCookies.clientId(request, sessionCookie(request));
        } catch (MecException e) {
            return problems.respond(ctx, e);
        }
        ctx.set(TransactionLog.CLIENT, clientId);
        String serviceHost = serviceHost(request);
        HeldRequests.Admission admission = runtime.held.admit(serviceHost);
        if (admission instanceof HeldRequests.Overflow overflow) {
            return problems.respond(ctx, 503, "Service Unavailable", "service host '" + serviceHost
                            + "' is held (being relocated) and " + overflow.hold().maxRequests()
                            + " requests wait already; retry")
                    .map(r -> r.putHeader("Retry-After", retryAfter(overflow.hold())));
        }
        if (admission instanceof HeldRequests.Parked parked) {
            // the request waits off the event loop's back: no handler runs until the hold lets it go
            request.pause();
            return parked.outcome().compose(outcome -> {
                if (request.response().closed()) {
                    parked.dispatched().run();
                    return Future.failedFuture("client went away while its request was held");
                }
                // the next released request goes once this one's backend has answered (or it failed): having written it
                // is not enough, requests on separate connections can still reach the backend in another order
                return lookUpAndForward(ctx, request, clientId, parked.hold())
                        .andThen(done -> parked.dispatched().run());
            });
        }
        return lookUpAndForward(ctx, request, clientId, null);
    }

    private Future<ProxyResponse> lookUpAndForward(ProxyContext ctx, HttpServerRequest request, String clientId,
                                                   Hold heldBy) {
        return cache.get(clientId).compose(state -> forward(ctx, request, state, heldBy),
                e -> problems.respond(ctx, 503, "Service Unavailable", "client state unavailable, retry"));
    }

    private static String retryAfter(Hold hold) {
        return Long.toString(Math.max(1, (hold.maxWait().toMillis() + 999) / 1000));
    }

    private Future<ProxyResponse> forward(ProxyContext ctx, HttpServerRequest request, Optional<ClientState> found,
                                          Hold heldBy) {
        if (found.isEmpty()) {
            // RFC 7838 / RFC 9110 421: this alternative does not serve the client; go back to the origin
            return problems.respond(ctx, 421, "Misdirected Request",
                    "this proxy (" + proxy.name() + ") holds no state for the client: log in again at the origin")
                    .map(response -> response.putHeader("Alt-Svc", "clear"));
        }
        ClientState state = found.get();
        ctx.set(STATE, state);
        String serviceHost = serviceHost(request);
        Endpoint backend = state.forwarding().get(serviceHost);
        if (backend == null) {
            String detail = "no backend for service host '" + serviceHost + "' for this client at proxy " + proxy.name();
            if (heldBy == null) {
                // a host this client's state does not front (unknown, misspelt, absent Host): nothing to wait for,
                // the request names a resource this proxy does not have, so 404 rather than a server error
                return problems.respond(ctx, 404, "Not Found", detail);
            }
            // a held host is being relocated: worth retrying
            return problems.respond(ctx, 503, "Service Unavailable", detail + " after hold " + heldBy.id())
                    .map(r -> r.putHeader("Retry-After", retryAfter(heldBy)));
        }
        TrafficRuleMatcher matcher = rules.current();
        TrafficRuleMatcher.Decision decision = matcher.isEmpty() ? TrafficRuleMatcher.Decision.PASS
                : matcher.decide(facts(request, serviceHost, backend));
        if (decision.action() == Action.DROP) {
            return problems.respond(ctx, 403, "Forbidden",
                    "dropped by traffic rule " + decision.trafficRuleId());
        }
        Endpoint target = decision.redirects() ? decision.destination() : backend;
        ctx.set(BackendSelector.BACKEND, target);
        if (state.awaitsFirstRequest()) {
            runtime.vertx.executeBlocking(() -> {
                runtime.markArrived(state);
                return null;
            }, false).onFailure(e -> LOG.warnf("arrival of client %s not recorded: %s", state.clientId(), e.getMessage()));
        }
        addForwardedHeaders(ctx.request(), request);
        streamBodyOfUnknownLength(request);
        Future<ProxyResponse> sent = decision.mirrors()
                ? mirror(ctx, decision.destination()).compose(v -> ctx.sendRequest())
                : ctx.sendRequest();
        return sent.recover(e -> backendFailure(ctx, target, e));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext ctx) {
        ProxyResponse response = ctx.response();
        ClientState state = ctx.get(STATE, ClientState.class);
        if (state != null && state.advertiseAltSvc() != null) {
            response.putHeader("Alt-Svc", state.advertiseAltSvc());
        }
        response.putHeader("Via", via(ctx.request().proxiedRequest().version()));
        removeHopByHop(response.headers());
        return ctx.sendResponse();
    }

    /** Methods whose requests carry no body by convention: an HTTP/2 one without content-length goes as it is. */
    private static final Set<HttpMethod> BODILESS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE, HttpMethod.DELETE);

    /**
     * An HTTP/2 request may carry a body without content-length (its DATA frames delimit it) and never a
     * Transfer-Encoding (RFC 9113 8.2.2). vertx-http-proxy 4.5.25 streams a body of unknown length to the HTTP/1.1
     * backend chunked only when the client's request says {@code Transfer-Encoding: chunked}
     * ({@code ProxiedRequest.send}), so such a body threw IllegalStateException ("You must set the Content-Length
     * header ...") on the event loop and the request never reached the backend whole (curl --http2 -T -). Saying so
     * on the received request makes the proxy send it chunked.
     */
    static void streamBodyOfUnknownLength(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2 && !BODILESS.contains(request.method())
                && request.getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            request.headers().set(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED);
        }
    }

    /** Hop-by-hop fields of RFC 9110 7.6.1 that a proxy must not forward; Transfer-Encoding is the connection's own. */
    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-connection", "te",
            "trailer", "upgrade");

    /**
     * Drops the backend's hop-by-hop fields (and those its Connection field names). Measured with vertx-http-proxy
     * 4.5.25: a backend's {@code Connection: close} (busybox httpd sends it) reached HTTP/2 clients, where the field
     * is forbidden, and curl reset the stream (PROTOCOL_ERROR).
     */
    static void removeHopByHop(MultiMap headers) {
        for (String listed : headers.getAll("connection")) {
            for (String name : listed.split(",")) {
                if (!name.isBlank()) {
                    headers.remove(name.trim());
                }
            }
        }
        HOP_BY_HOP.forEach(headers::remove);
    }

    private Future<ProxyResponse> backendFailure(ProxyContext ctx, Endpoint backend, Throwable e) {
        String kind = e.getClass().getSimpleName() + " " + e.getMessage();
        LOG.debugf("backend %s failed: %s", backend, kind);
        if (kind.toLowerCase(Locale.ROOT).contains("timeout") || kind.contains("timed out")) {
            return problems.respond(ctx, 504, "Gateway Timeout", "backend " + backend + " did not answer in time");
        }
        return problems.respond(ctx, 502, "Bad Gateway", "backend " + backend + " unreachable: " + e.getMessage());
    }

    /** Buffers the body (up to the configured limit), sends a copy to {@code destination}, ignores its answer. */
    private Future<Void> mirror(ProxyContext ctx, Endpoint destination) {
        ProxyRequest original = ctx.request();
        return collect(original.getBody().stream()).map(body -> {
            original.setBody(Body.body(body));
            if (body.length() <= runtime.config.mirrorMaxBody()) {
                RequestOptions options = new RequestOptions().setMethod(original.getMethod())
                        .setHost(destination.host()).setPort(destination.port()).setURI(original.getURI());
                original.headers().forEach(h -> options.addHeader(h.getKey(), h.getValue()));
                options.removeHeader("content-length").removeHeader("transfer-encoding");
                backends.request(options).compose(r -> r.send(body)).compose(r -> r.body())
                        .onFailure(e -> LOG.debugf("mirror to %s failed: %s", destination, e.getMessage()));
            }
            return null;
        });
    }

    private static Future<Buffer> collect(ReadStream<Buffer> stream) {
        Promise<Buffer> done = Promise.promise();
        Buffer body = Buffer.buffer();
        stream.exceptionHandler(done::tryFail);
        stream.handler(body::appendBuffer);
        stream.endHandler(v -> done.tryComplete(body));
        stream.resume();
        return done.future();
    }

    private void addForwardedHeaders(ProxyRequest out, HttpServerRequest in) {
        String client = in.remoteAddress() == null ? "unknown" : in.remoteAddress().hostAddress();
        String previous = in.getHeader("X-Forwarded-For");
        out.putHeader("X-Forwarded-For", previous == null ? client : previous + ", " + client);
        out.putHeader("X-Forwarded-Proto", in.isSSL() ? "https" : "http");
        HostAndPort authority = in.authority();
        if (authority != null) {
            out.putHeader("X-Forwarded-Host", authority.toString());
            out.setAuthority(authority);
        }
        out.putHeader("Via", via(in.version()));
    }

    private String via(HttpVersion version) {
        return (version == HttpVersion.HTTP_2 ? "2 " : version == HttpVersion.HTTP_1_0 ? "1.0 " : "1.1 ") + proxy.name();
    }

    private TrafficRuleMatcher.RequestFacts facts(HttpServerRequest r, String serviceHost, Endpoint backend) {
        String version = r.version() == HttpVersion.HTTP_2 ? "HTTP/2"
                : r.version() == HttpVersion.HTTP_1_0 ? "HTTP/1.0" : "HTTP/1.1";
        return new TrafficRuleMatcher.RequestFacts(r.remoteAddress() == null ? null : r.remoteAddress().hostAddress(),
                r.remoteAddress() == null ? -1 : r.remoteAddress().port(), backend.host(), backend.port(),
                r.isSSL() ? "https" : "http", version, serviceHost, r.path());
    }

    static String serviceHost(HttpServerRequest r) {
        HostAndPort authority = r.authority();
        return authority == null ? "" : authority.host().toLowerCase(Locale.ROOT);
    }

    static String sessionCookie(HttpServerRequest r) {
        io.vertx.core.http.Cookie c = r.getCookie(SessionCookies.NAME);
        return c == null ? null : c.getValue();
    }
}
