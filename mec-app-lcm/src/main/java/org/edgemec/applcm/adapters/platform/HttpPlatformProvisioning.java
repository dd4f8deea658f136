package org.edgemec.applcm.adapters.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.edgemec.applcm.config.LcmConfig;
import org.edgemec.applcm.domain.provision.AppInstanceProvisioning;
import org.edgemec.applcm.domain.provision.PlatformProvisioning;

/** Calls {@code /mec_platform_mgmt/v1/app_instances} of a host's mec-platform with the operator token. */
@ApplicationScoped
public class HttpPlatformProvisioning implements PlatformProvisioning {

    private static final String PATH = "/mec_platform_mgmt/v1/app_instances";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json;
    private final String token;

    public HttpPlatformProvisioning(ObjectMapper json, LcmConfig config) {
        this.json = json;
        this.token = config.operatorToken();
    }

    @Override
    @Timeout(10000)
    @Retry(maxRetries = 2, delay = 500, abortOn = ProvisioningRejected.class)
    public void provision(URI platformUrl, AppInstanceProvisioning request) {
        try {
            int status = send(HttpRequest.newBuilder(URI.create(platformUrl + PATH))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request))));
            if (status != 201 && status != 409) {
                throw status >= 400 && status < 500 ? new ProvisioningRejected("provisioning at " + platformUrl
                        + " answered " + status) : new IllegalStateException("provisioning at " + platformUrl
                        + " answered " + status);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("provisioning body cannot be written", e);
        }
    }

    @Override
    @Timeout(10000)
    @Retry(maxRetries = 2, delay = 500, abortOn = ProvisioningRejected.class)
    public void deprovision(URI platformUrl, String appInstanceId, boolean graceful) {
        int status = send(HttpRequest.newBuilder(URI.create(platformUrl + PATH + "/" + appInstanceId
                + "?graceful=" + graceful)).DELETE());
        if (status != 204 && status != 404) {
            throw new ProvisioningRejected("deprovisioning at " + platformUrl + " answered " + status);
        }
    }

    private int send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(8)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("mec-platform unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The platform refused (4xx): retrying would not help. */
    public static class ProvisioningRejected extends RuntimeException {
        public ProvisioningRejected(String message) {
            super(message);
        }
    }
}
