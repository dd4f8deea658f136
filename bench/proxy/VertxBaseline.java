import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.HttpProxy;

/**
 * The floor under the EdgeMEC proxy, for bench/proxy/run.sh: the same Vert.x and vertx-http-proxy jars as
 * mec-platform, with nothing of EdgeMEC's per-request work (no cookie, state, rules, headers, transaction log).
 * {@code http-proxy}: vertx-http-proxy's reverse proxy; {@code pipe}: a request piped to a pooled client request and
 * the response piped back. One verticle instance (own server share and client pool) per event loop.
 * Usage: java -cp <mec-platform lib/main/*> VertxBaseline.java http-proxy|pipe PORT BACKEND_PORT EVENT_LOOPS
 */
public class VertxBaseline {

    public static void main(String[] args) {
        String mode = args[0];
        int port = Integer.parseInt(args[1]);
        int backend = Integer.parseInt(args[2]);
        int loops = Integer.parseInt(args[3]);
        Vertx vertx = Vertx.vertx();
        vertx.deployVerticle(() -> new AbstractVerticle() {
            @Override
            public void start(Promise<Void> started) {
                HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                        new PoolOptions().setHttp1MaxSize(256));
                Handler<HttpServerRequest> handler;
                if (mode.equals("http-proxy")) {
                    HttpProxy proxy = HttpProxy.reverseProxy(client);
                    proxy.origin(backend, "127.0.0.1");
                    handler = proxy::handle;
                } else {
                    handler = request -> {
                        request.pause();
                        client.request(new RequestOptions().setMethod(request.method()).setURI(request.uri())
                                        .setHost("127.0.0.1").setPort(backend).setHeaders(request.headers()))
                                .onSuccess(out -> {
                                    out.response().onSuccess(in -> {
                                        request.response().setStatusCode(in.statusCode()).headers().setAll(in.headers());
                                        in.pipeTo(request.response());
                                    }).onFailure(e -> request.response().setStatusCode(502).end());
                                    request.pipeTo(out);
                                })
                                .onFailure(e -> request.response().setStatusCode(502).end());
                    };
                }
                vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                        .requestHandler(handler).listen().<Void>mapEmpty().onComplete(started);
            }
        }, new DeploymentOptions().setInstances(loops)).onFailure(e -> {
            e.printStackTrace();
            System.exit(1);
        }).onSuccess(id -> System.out.println("listening on " + port));
    }
}
