package org.edgemec.platform.proxy.dataplane;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import org.edgemec.platform.proxy.domain.Endpoint;

/** Opens the request to the backend that {@link ForwardingInterceptor} chose for this request. */
final class BackendSelector implements OriginRequestProvider {

    static final String BACKEND = "edgemec.backend";
    /** For a request released from a hold: run once it is on its way to the backend (HeldRequests orders them). */
    static final String DISPATCHED = "edgemec.dispatched";

    private final long backendTimeoutMillis;

    BackendSelector(long backendTimeoutMillis) {
        this.backendTimeoutMillis = backendTimeoutMillis;
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext ctx) {
        Endpoint backend = ctx.get(BACKEND, Endpoint.class);
        Future<HttpClientRequest> request = ctx.client().request(new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(backend.port(), backend.host()))
                .setIdleTimeout(backendTimeoutMillis));
        Runnable dispatched = ctx.get(DISPATCHED, Runnable.class);
        if (dispatched != null) {
            // after the proxy has written this request (the handlers registered after this one), not before
            request.onComplete(done -> {
                io.vertx.core.Context context = Vertx.currentContext();
                if (context == null) {
                    dispatched.run();
                } else {
                    context.runOnContext(v -> dispatched.run());
                }
            });
        }
        return request;
    }
}
