package org.edgemec.relocation.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The key sets (JWKS) of the MEC hosts' platforms, by token issuer: the platforms are the ones mec-app-lcm lists
 * ({@code /app_lcm_ext/v1/mec_hosts}), each publishing {@code /mec_platform_mgmt/v1/oauth/jwks} with its issuer.
 * Fetched when an issuer is not known yet, at most once per {@code REFRESH_GAP} so that bad tokens cannot make the
 * AMS hammer the platforms.
 */
@ApplicationScoped
public class PlatformKeySets {

    private static final Logger LOG = Logger.getLogger(PlatformKeySets.class);
    private static final Duration REFRESH_GAP = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json;
    private final String lcmUrl;
    private final Map<String, String> jwksByIssuer = new ConcurrentHashMap<>();
    private volatile Instant lastRefresh = Instant.EPOCH;

    @Inject
    public PlatformKeySets(ObjectMapper json,
            @ConfigProperty(name = "edgemec.lcm.url", defaultValue = "http://127.0.0.1:18081") String lcmUrl) {
        this.json = json;
        this.lcmUrl = lcmUrl.endsWith("/") ? lcmUrl.substring(0, lcmUrl.length() - 1) : lcmUrl;
    }

    /** The JWKS document of the platform that issues as {@code issuer}, if one of the MEC hosts' platforms does. */
    public Optional<String> forIssuer(String issuer) {
        String known = jwksByIssuer.get(issuer);
        if (known == null && refreshAllowed()) {
            refresh();
            known = jwksByIssuer.get(issuer);
        }
        return Optional.ofNullable(known);
    }

    private synchronized boolean refreshAllowed() {
        Instant now = Instant.now();
        if (now.isBefore(lastRefresh.plus(REFRESH_GAP))) {
            return false;
        }
        lastRefresh = now;
        return true;
    }

    private void refresh() {
        JsonNode hosts = get(URI.create(lcmUrl + "/app_lcm_ext/v1/mec_hosts"));
        if (hosts == null) {
            return;
        }
        for (JsonNode host : hosts) {
            String platform = host.path("platformUrl").asText("");
            if (platform.isBlank()) {
                continue;
            }
            JsonNode jwks = get(URI.create(platform + "/mec_platform_mgmt/v1/oauth/jwks"));
            if (jwks != null && jwks.hasNonNull("issuer")) {
                jwksByIssuer.put(jwks.path("issuer").asText(), jwks.toString());
            }
        }
    }

    private JsonNode get(URI uri) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? json.readTree(r.body()) : null;
        } catch (IOException e) {
            LOG.debugf("key set lookup at %s failed: %s", uri, e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
