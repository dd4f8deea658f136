package org.edgemec.relocation.adapters.lcm;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.edgemec.mp1api.common.ProblemDetails;
import org.edgemec.mp1api.provisioning.AppEndpoint;
import org.edgemec.relocation.adapters.http.ServiceClient;
import org.edgemec.relocation.saga.ports.AppMoves;

/** mec-app-lcm's move primitive over its extension API; every move is started with commit MANUAL. */
@ApplicationScoped
public class HttpAppMoves implements AppMoves {

    private final ServiceClient client;
    private final String lcmUrl;

    public HttpAppMoves(ServiceClient client,
            @ConfigProperty(name = "edgemec.lcm.url", defaultValue = "http://127.0.0.1:18081") String lcmUrl) {
        this.client = client;
        this.lcmUrl = lcmUrl.endsWith("/") ? lcmUrl.substring(0, lcmUrl.length() - 1) : lcmUrl;
    }

    @Override
    public Move start(String moveId, String appInstanceId, String targetHost, String mode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("targetHost", targetHost);
        body.put("mode", mode);
        body.put("commit", "MANUAL");
        body.put("moveId", moveId);
        return move(client.post(uri("/app_lcm_ext/v1/app_instances/" + enc(appInstanceId) + "/checkpoint_restore"),
                body), "starting the move of " + appInstanceId + " to " + targetHost);
    }

    @Override
    public Move get(String moveId) {
        return move(client.get(uri("/app_lcm_ext/v1/app_moves/" + enc(moveId))), "reading move " + moveId);
    }

    @Override
    public Move commit(String moveId, boolean deprovisionSource) {
        return move(client.post(uri("/app_lcm_ext/v1/app_moves/" + enc(moveId) + "/commit"),
                Map.of("deprovisionSource", deprovisionSource)), "committing move " + moveId);
    }

    @Override
    public Move rollback(String moveId) {
        return move(client.post(uri("/app_lcm_ext/v1/app_moves/" + enc(moveId) + "/rollback"), null),
                "rolling back move " + moveId);
    }

    private URI uri(String path) {
        return URI.create(lcmUrl + path);
    }

    private static Move move(ServiceClient.Answer a, String what) {
        if (!a.ok()) {
            throw a.failure("mec-app-lcm " + what);
        }
        JsonNode m = a.body();
        JsonNode e = m.path("error");
        ProblemDetails error = e.isObject() ? new ProblemDetails(e.path("type").asText(null),
                e.path("title").asText(null), e.hasNonNull("status") ? e.path("status").asLong() : null,
                e.path("detail").asText(null), e.path("instance").asText(null)) : null;
        return new Move(m.path("moveId").asText(), m.path("state").asText(), m.path("phase").asText(null),
                endpoint(m.path("sourceEndpoint")), endpoint(m.path("targetEndpoint")), m.path("timings"), error);
    }

    static AppEndpoint endpoint(JsonNode e) {
        return e.hasNonNull("host") ? new AppEndpoint(e.path("host").asText(),
                e.hasNonNull("port") ? e.path("port").asInt() : null) : null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
