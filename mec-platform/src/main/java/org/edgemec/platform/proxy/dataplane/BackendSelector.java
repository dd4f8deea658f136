package org.edgemec.platform.proxy.dataplane;

import io.vertx.core.Future;
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
        return request;
    }
}
