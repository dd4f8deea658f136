package org.edgemec.applcm.adapters.callback;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.edgemec.applcm.config.LcmConfig;
import org.edgemec.applcm.domain.notify.CallbackClient;

/** POSTs notifications with the JDK client; retries are the outbox's job, so one attempt here. */
@ApplicationScoped
public class HttpCallbackClient implements CallbackClient {

    private final HttpClient http;
    private final LcmConfig config;

    public HttpCallbackClient(LcmConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.notifications().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void post(URI callback, String json) {
        HttpRequest request = HttpRequest.newBuilder(callback).timeout(config.notifications().timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status >= 300) {
                throw new IllegalStateException("callback answered " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException("callback unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
