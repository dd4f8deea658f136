package org.edgemec.common.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * POSTs notifications with the JDK client, one attempt bounded by {@code edgemec.outbox.timeout}; retries are the
 * outbox's job. Redirects are not followed: a callback is the subscriber's own address.
 */
@ApplicationScoped
public class HttpCallbackSender implements CallbackSender {

    private final HttpClient http;
    private final OutboxConfig config;

    public HttpCallbackSender(OutboxConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void post(String callbackUri, String jsonBody) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(callbackUri)).timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(jsonBody)).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("callback URI unusable: " + e.getMessage(), e);
        }
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                throw new IllegalStateException("callback answered HTTP " + status);
            }
        } catch (IOException e) {
            throw new IllegalStateException("callback unreachable: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
