package org.edgemec.applcm.adapters.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.edgemec.applcm.config.LcmConfig;
import org.edgemec.applcm.domain.provision.PlatformProvisioning;
import org.edgemec.applcm.domain.provision.ProvisioningFailedException;
import org.edgemec.mp1api.common.ProblemDetails;
import org.edgemec.mp1api.provisioning.AppEndpoint;
import org.edgemec.mp1api.provisioning.AppInstanceCredentials;
import org.edgemec.mp1api.provisioning.AppInstanceProvisioning;
import org.edgemec.mp1api.provisioning.CredentialHandoff;
import org.jboss.logging.Logger;

/** Calls {@code /mec_platform_mgmt/v1/app_instances} of a host's mec-platform with the operator token. */
@ApplicationScoped
public class HttpPlatformProvisioning implements PlatformProvisioning {

    private static final Logger LOG = Logger.getLogger(HttpPlatformProvisioning.class);
    private static final String PATH = "/mec_platform_mgmt/v1/app_instances";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json;
    private final String token;

    @Inject
    public HttpPlatformProvisioning(ObjectMapper json, LcmConfig config) {
        this(json, config.operatorToken());
    }

    HttpPlatformProvisioning(ObjectMapper json, String operatorToken) {
        this.json = json;
        this.token = operatorToken;
    }

    @Override
    @Timeout(20000)
    @Retry(maxRetries = 2, delay = 500, abortOn = {ProvisioningFailedException.Rejected.class,
            CancellationException.class})
    public AppInstanceCredentials provision(URI platformUrl, AppInstanceProvisioning request) {
        String body = write(request);
        HttpResponse<String> answer = send(platformUrl, "provisioning", post(platformUrl, body));
        if (answer.statusCode() == 409) {
            // left by an earlier attempt: its credentials were handed out then, so replace it to get fresh ones
            LOG.infof("app instance %s is already provisioned at %s: replacing it", request.appInstanceId(),
                    platformUrl);
            deprovision(platformUrl, request.appInstanceId(), false);
            answer = send(platformUrl, "provisioning", post(platformUrl, body));
        }
        expect(answer, 201, platformUrl, "provisioning of " + request.appInstanceId());
        try {
            return json.readValue(answer.body(), AppInstanceCredentials.class);
        } catch (IOException e) {
            throw new ProvisioningFailedException("provisioning at " + platformUrl + " answered 201 with an "
                    + "unreadable body", ProblemDetails.of(502, "Bad provisioning answer", e.getMessage()));
        }
    }

    @Override
    @Timeout(20000)
    @Retry(maxRetries = 2, delay = 500, abortOn = {ProvisioningFailedException.Rejected.class,
            CancellationException.class})
    public Optional<AppInstanceProvisioning> provisioning(URI platformUrl, String appInstanceId) {
        HttpResponse<String> answer = send(platformUrl, "provisioning read", HttpRequest.newBuilder(
                URI.create(platformUrl + PATH + "/" + appInstanceId)).GET());
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        expect(answer, 200, platformUrl, "provisioning read of " + appInstanceId);
        try {
            return Optional.of(json.readValue(answer.body(), AppInstanceProvisioning.class));
        } catch (IOException e) {
            throw new ProvisioningFailedException("provisioning read at " + platformUrl + " answered 200 with an "
                    + "unreadable body", ProblemDetails.of(502, "Bad provisioning answer", e.getMessage()));
        }
    }

    @Override
    @Timeout(20000)
    @Retry(maxRetries = 2, delay = 500, abortOn = {ProvisioningFailedException.Rejected.class,
            CancellationException.class})
    public void updateEndpoint(URI platformUrl, String appInstanceId, AppEndpoint endpoint) {
        HttpResponse<String> answer = send(platformUrl, "endpoint update", HttpRequest.newBuilder(
                URI.create(platformUrl + PATH + "/" + appInstanceId + "/endpoint"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(endpoint))));
        expect(answer, 200, platformUrl, "endpoint update of " + appInstanceId);
    }

    @Override
    @Timeout(20000)
    @Retry(maxRetries = 2, delay = 500, abortOn = {ProvisioningFailedException.Rejected.class,
            CancellationException.class})
    public void deprovision(URI platformUrl, String appInstanceId, boolean graceful) {
        delete(platformUrl, appInstanceId, "?graceful=" + graceful);
    }

    @Override
    @Timeout(20000)
    @Retry(maxRetries = 2, delay = 500, abortOn = {ProvisioningFailedException.Rejected.class,
            CancellationException.class})
    public void deprovisionMoved(URI platformUrl, String appInstanceId, URI movedTo) {
        delete(platformUrl, appInstanceId, "?graceful=false&movedTo="
                + URLEncoder.encode(movedTo.toString(), StandardCharsets.UTF_8));
    }

    @Override
    @Timeout(20000)
    @Retry(maxRetries = 2, delay = 500, abortOn = {ProvisioningFailedException.Rejected.class,
            CancellationException.class})
    public Optional<CredentialHandoff> credentialHandoff(URI platformUrl, String appInstanceId) {
        HttpResponse<String> answer = send(platformUrl, "credential handoff", HttpRequest.newBuilder(
                URI.create(platformUrl + PATH + "/" + appInstanceId + "/credential_handoff")).GET());
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        expect(answer, 200, platformUrl, "credential handoff of " + appInstanceId);
        try {
            return Optional.of(json.readValue(answer.body(), CredentialHandoff.class));
        } catch (IOException e) {
            throw new ProvisioningFailedException("credential handoff at " + platformUrl + " answered 200 with an "
                    + "unreadable body", ProblemDetails.of(502, "Bad provisioning answer", e.getMessage()));
        }
    }

    private void delete(URI platformUrl, String appInstanceId, String query) {
        HttpResponse<String> answer = send(platformUrl, "deprovisioning", HttpRequest.newBuilder(
                URI.create(platformUrl + PATH + "/" + appInstanceId + query)).DELETE());
        if (answer.statusCode() != 404) {
            expect(answer, 204, platformUrl, "deprovisioning of " + appInstanceId);
        }
    }

    private static HttpRequest.Builder post(URI platformUrl, String body) {
        return HttpRequest.newBuilder(URI.create(platformUrl + PATH)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** Anything but {@code wanted} becomes the platform's ProblemDetails in the exception (4xx: not retried). */
    private void expect(HttpResponse<String> answer, int wanted, URI platformUrl, String what) {
        int status = answer.statusCode();
        if (status == wanted) {
            return;
        }
        ProblemDetails problem = problemOf(answer);
        String message = what + " at " + platformUrl + " answered " + status
                + (problem.detail() == null ? "" : ": " + problem.detail());
        throw status >= 400 && status < 500 ? new ProvisioningFailedException.Rejected(message, problem)
                : new ProvisioningFailedException(message, problem);
    }

    /** The platform's ProblemDetails, with its status; a body that is none is kept as the detail. */
    private ProblemDetails problemOf(HttpResponse<String> answer) {
        String body = answer.body() == null ? "" : answer.body();
        try {
            ProblemDetails p = json.readValue(body, ProblemDetails.class);
            return new ProblemDetails(p.type(), p.title(), p.status() == null ? (long) answer.statusCode()
                    : p.status(), p.detail(), p.instance());
        } catch (IOException e) {
            return ProblemDetails.of(answer.statusCode(), "mec-platform error",
                    body.isBlank() ? null : body.substring(0, Math.min(body.length(), 500)));
        }
    }

    private HttpResponse<String> send(URI platformUrl, String what, HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(8))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // a refused connection has no message: its class says what happened
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ProvisioningFailedException(what + ": mec-platform " + platformUrl + " unreachable: "
                    + why, ProblemDetails.of(503, "mec-platform unreachable", "mec-platform "
                    + platformUrl + " did not answer: " + why));
        } catch (InterruptedException e) {
            // a FORCED cancel of the LCM operation: not retried (abortOn)
            Thread.currentThread().interrupt();
            throw new CancellationException(what + " at mec-platform " + platformUrl + " interrupted");
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("provisioning body cannot be written", e);
        }
    }
}
