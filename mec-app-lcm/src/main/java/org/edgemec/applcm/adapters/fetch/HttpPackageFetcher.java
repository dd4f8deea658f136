package org.edgemec.applcm.adapters.fetch;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.edgemec.applcm.domain.pkg.InvalidPackageException;
import org.edgemec.applcm.domain.pkg.PackageFetcher;

/** GETs package content over HTTP(S), with optional Basic credentials; redirects are not followed (no host escape). */
@ApplicationScoped
public class HttpPackageFetcher implements PackageFetcher {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public InputStream open(URI uri, String userName, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET();
        if (userName != null) {
            String basic = userName + ":" + (password == null ? "" : password);
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new InvalidPackageException("fetching " + uri + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new InvalidPackageException("fetching " + uri + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidPackageException("fetching " + uri + " was interrupted");
        }
    }
}
