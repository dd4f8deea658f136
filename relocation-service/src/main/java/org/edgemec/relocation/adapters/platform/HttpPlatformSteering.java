package org.edgemec.relocation.adapters.platform;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.edgemec.mp1api.provisioning.AppEndpoint;
import org.edgemec.relocation.adapters.http.ServiceClient;
import org.edgemec.relocation.saga.Steering;
import org.edgemec.relocation.saga.ports.PlatformSteering;

/** A host's mec-platform: {@code /mec_platform_mgmt/v1/app_instances/{id}[/steering]}, operator token. */
@ApplicationScoped
public class HttpPlatformSteering implements PlatformSteering {

    private final ServiceClient client;

    public HttpPlatformSteering(ServiceClient client) {
        this.client = client;
    }

    @Override
    public void steer(String platformUrl, String appInstanceId, Steering strategy, AppEndpoint target,
                      String relocationId, Duration expiresAfter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("strategy", strategy.name());
        body.put("target", target);
        body.put("relocationId", relocationId);
        if (expiresAfter != null) {
            body.put("expiresAfter", expiresAfter.toString());
        }
        ServiceClient.Answer a = client.put(instance(platformUrl, appInstanceId, "/steering"), body);
        if (!a.ok()) {
            throw a.failure("mec-platform " + platformUrl + " steering " + strategy + " of " + appInstanceId);
        }
    }

    @Override
    public void unsteer(String platformUrl, String appInstanceId) {
        ServiceClient.Answer a = client.delete(instance(platformUrl, appInstanceId, "/steering"));
        if (!a.ok() && a.status() != 404) {
            throw a.failure("mec-platform " + platformUrl + " removing the steering of " + appInstanceId);
        }
    }

    @Override
    public void retire(String platformUrl, String appInstanceId, String movedToPlatformUrl) {
        String query = "?keepSteering=true" + (movedToPlatformUrl == null ? ""
                : "&movedTo=" + URLEncoder.encode(movedToPlatformUrl, StandardCharsets.UTF_8));
        ServiceClient.Answer a = client.delete(URI.create(instance(platformUrl, appInstanceId, "") + query));
        if (!a.ok() && a.status() != 404) {
            throw a.failure("mec-platform " + platformUrl + " retiring " + appInstanceId);
        }
    }

    @Override
    public Optional<AppEndpoint> endpoint(String platformUrl, String appInstanceId) {
        ServiceClient.Answer a = client.get(instance(platformUrl, appInstanceId, ""));
        if (a.status() == 404) {
            return Optional.empty();
        }
        if (!a.ok()) {
            throw a.failure("mec-platform " + platformUrl + " reading " + appInstanceId);
        }
        JsonNode e = a.body().path("endpoint");
        return e.hasNonNull("host") ? Optional.of(new AppEndpoint(e.path("host").asText(),
                e.hasNonNull("port") ? e.path("port").asInt() : null)) : Optional.empty();
    }

    private static URI instance(String platformUrl, String appInstanceId, String tail) {
        String base = platformUrl.endsWith("/") ? platformUrl.substring(0, platformUrl.length() - 1) : platformUrl;
        return URI.create(base + "/mec_platform_mgmt/v1/app_instances/"
                + URLEncoder.encode(appInstanceId, StandardCharsets.UTF_8) + tail);
    }
}
