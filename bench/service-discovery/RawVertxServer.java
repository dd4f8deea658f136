import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Baseline for the service discovery benchmark: a plain Vert.x Web route that answers
 * GET /mec_service_mgmt/v1/services with bodies captured from the platform, held in memory. No database, no
 * authentication, no JSON mapping: what is left is HTTP parsing, routing and writing the bytes.
 * Usage: java -cp <vertx jars> RawVertxServer.java PORT BY_NAME_BODY BY_CATEGORY_BODY
 */
public class RawVertxServer extends AbstractVerticle {

    private static Buffer byName;
    private static Buffer byCategory;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        byName = Buffer.buffer(Files.readAllBytes(Path.of(args[1])));
        byCategory = Buffer.buffer(Files.readAllBytes(Path.of(args[2])));
        Vertx vertx = Vertx.vertx();
        // one verticle per core, as Quarkus runs its HTTP server on several event loops
        int instances = Runtime.getRuntime().availableProcessors();
        System.setProperty("raw.port", Integer.toString(port));
        vertx.deployVerticle(RawVertxServer::new, new DeploymentOptions().setInstances(instances))
                .onSuccess(id -> System.out.println("[raw] READY on 127.0.0.1:" + port + " (" + instances + " event loops)"))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }

    @Override
    public void start() {
        int port = Integer.parseInt(System.getProperty("raw.port", "0"));
        Router router = Router.router(vertx);
        router.get("/mec_service_mgmt/v1/services").handler(ctx -> {
            // the same choice the platform makes: one of the two filters selects the body
            Buffer body = ctx.queryParams().contains("ser_name") ? byName : byCategory;
            ctx.response().putHeader("Content-Type", "application/json").end(body);
        });
        vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1")
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }
}
