package org.edgemec.relocation.adapters.lcm;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.edgemec.common.error.ServiceUnavailableException;
import org.edgemec.mp1api.provisioning.AppEndpoint;
import org.edgemec.relocation.config.OperatorConfig;
import org.edgemec.relocation.domain.adjacent.AppInstanceDirectory;
import org.edgemec.relocation.domain.adjacent.PlacedAppInstance;
import org.jboss.logging.Logger;

/**
 * Asks mec-app-lcm for the instantiated app instances (MEC 010-2 {@code GET /app_lcm/v1/app_instances}) and its MEC
 * hosts ({@code /app_lcm_ext/v1/mec_hosts}), then each host's mec-platform for the endpoints it was told
 * ({@code GET /mec_platform_mgmt/v1/app_instances}, operator token). A platform that does not answer only costs its
 * instances their endpoints; an LCM that does not answer is a 503.
 */
@ApplicationScoped
public class HttpAppInstanceDirectory implements AppInstanceDirectory {

    private static final Logger LOG = Logger.getLogger(HttpAppInstanceDirectory.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final ObjectMapper json;
    private final String lcmUrl;
    private final String operatorToken;

    @Inject
    public HttpAppInstanceDirectory(ObjectMapper json, OperatorConfig operator,
            @ConfigProperty(name = "edgemec.lcm.url", defaultValue = "http://127.0.0.1:18081") String lcmUrl) {
        this(json, lcmUrl, operator.token());
    }

    HttpAppInstanceDirectory(ObjectMapper json, String lcmUrl, String operatorToken) {
        this.json = json;
        this.lcmUrl = lcmUrl.endsWith("/") ? lcmUrl.substring(0, lcmUrl.length() - 1) : lcmUrl;
        this.operatorToken = operatorToken;
    }

    @Override
    public List<PlacedAppInstance> instantiated() {
        JsonNode instances = lcm("/app_lcm/v1/app_instances");
        Map<String, String> platformOf = new HashMap<>();
        for (JsonNode host : lcm("/app_lcm_ext/v1/mec_hosts")) {
            String url = host.path("platformUrl").asText(null);
            if (url != null && !url.isBlank()) {
                platformOf.put(host.path("name").asText(), url);
            }
        }
        Map<String, Map<String, AppEndpoint>> endpoints = new HashMap<>();
        List<PlacedAppInstance> placed = new ArrayList<>();
        for (JsonNode inst : instances) {
            if (!"INSTANTIATED".equals(inst.path("instantiationState").asText())) {
                continue;
            }
            String host = inst.at("/instantiatedAppState/mcioInfo/0/mcioNamespace").asText(null);
            String platform = host == null ? null : platformOf.get(host);
            Map<String, AppEndpoint> atHost = platform == null ? Map.of()
                    : endpoints.computeIfAbsent(host, h -> endpointsAt(platform));
            String id = inst.path("id").asText();
            placed.add(new PlacedAppInstance(id, inst.path("appDId").asText(null), host,
                    Optional.ofNullable(atHost.get(id))));
        }
        return placed;
    }

    private Map<String, AppEndpoint> endpointsAt(String platformUrl) {
        Map<String, AppEndpoint> out = new HashMap<>();
        try {
            for (JsonNode p : get(URI.create(platformUrl + "/mec_platform_mgmt/v1/app_instances"), true)) {
                JsonNode e = p.path("endpoint");
                if (e.hasNonNull("host")) {
                    out.put(p.path("appInstanceId").asText(), new AppEndpoint(e.path("host").asText(),
                            e.hasNonNull("port") ? e.path("port").asInt() : null));
                }
            }
        } catch (ServiceUnavailableException e) {
            LOG.warnf("endpoints at %s unknown: %s", platformUrl, e.getMessage());
        }
        return out;
    }

    private JsonNode lcm(String path) {
        return get(URI.create(lcmUrl + path), false);
    }

    private JsonNode get(URI uri, boolean operator) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(8))
                .header("Accept", "application/json");
        if (operator) {
            request.header("Authorization", "Bearer " + operatorToken);
        }
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new ServiceUnavailableException(uri + " answered " + answer.statusCode());
            }
            return json.readTree(answer.body());
        } catch (IOException e) {
            throw new ServiceUnavailableException(uri + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("interrupted");
        }
    }
}
