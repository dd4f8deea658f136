package org.edgemec.platform.notification.callback;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.edgemec.platform.config.Mp1Config;
import org.edgemec.platform.notification.CallbackSender;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/** POSTs notifications with the Quarkus REST client, bounded by the configured connect and read timeouts. */
@ApplicationScoped
public class RestCallbackSender implements CallbackSender {

    private final Mp1Config config;

    public RestCallbackSender(Mp1Config config) {
        this.config = config;
    }

    /** The callback URI is the whole target, so the client's own path is empty. */
    @Path("")
    public interface CallbackApi extends AutoCloseable {
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        Response post(String body);
    }

    @Override
    public void post(String callbackUri, String jsonBody) {
        long timeout = config.notification().timeout().toMillis();
        try (CallbackApi client = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(callbackUri))
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .build(CallbackApi.class)) {
            try (Response response = client.post(jsonBody)) {
                if (response.getStatus() / 100 != 2) {
                    throw new IllegalStateException("callback answered HTTP " + response.getStatus());
                }
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }
}
