package org.edgemec.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgemec.cli.CliException;
import org.edgemec.cli.Endpoints;

/** The public APIs of the stack the CLI uses: mec-app-lcm (hosts, instances), relocation-service, the platforms. */
public final class Mec {

    public static final String RELOCATIONS = "/relocation/v1/relocations";

    private final Endpoints endpoints;
    private final ServiceClient lcm;
    private final ServiceClient relocation;

    public Mec(Endpoints endpoints) {
        this.endpoints = endpoints;
        // mec-app-lcm's APIs take no token (as in the README's curl examples); the others the operator's
        this.lcm = new ServiceClient("mec-app-lcm", endpoints.lcm(), null);
        this.relocation = new ServiceClient("relocation-service", endpoints.relocation(), endpoints.operatorToken());
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public ServiceClient lcm() {
        return lcm;
    }

    public ServiceClient relocation() {
        return relocation;
    }

    /** The mec-platform of a host, at the platformUrl mec-app-lcm knows for it (else the mec script's port). */
    public ServiceClient platform(String host) {
        for (JsonNode h : hosts()) {
            if (host.equals(h.path("name").asText()) && h.hasNonNull("platformUrl")) {
                return new ServiceClient("mec-platform " + host, h.path("platformUrl").asText(),
                        endpoints.operatorToken());
            }
        }
        return new ServiceClient("mec-platform " + host, endpoints.platform(host), endpoints.operatorToken());
    }

    public List<JsonNode> hosts() {
        return list(lcm.get("/app_lcm_ext/v1/mec_hosts"));
    }

    public List<JsonNode> instances() {
        return list(lcm.get("/app_lcm/v1/app_instances"));
    }

    /** The instance, or a clear error naming it when mec-app-lcm does not know it. */
    public JsonNode instance(String id) {
        ServiceClient.Answer a = lcm.send("GET", "/app_lcm/v1/app_instances/" + encode(id), null, null);
        if (a.status() == 404) {
            throw new CliException(CliException.FAILED, "no app instance " + id + " (./mec apps lists them)");
        }
        return a.ok().json();
    }

    /** The host an instance runs on (its container's namespace), or null when not instantiated. */
    public static String hostOf(JsonNode instance) {
        String host = instance.at("/instantiatedAppState/mcioInfo/0/mcioNamespace").asText("");
        return host.isEmpty() ? null : host;
    }

    public List<JsonNode> relocations(Map<String, String> filters) {
        StringBuilder q = new StringBuilder();
        filters.forEach((k, v) -> q.append(q.length() == 0 ? '?' : '&').append(k).append('=').append(encode(v)));
        return list(relocation.get(RELOCATIONS + q));
    }

    public JsonNode relocation(String id) {
        ServiceClient.Answer a = relocation.send("GET", RELOCATIONS + "/" + encode(id), null, null);
        if (a.status() == 404) {
            throw new CliException(CliException.FAILED, "no relocation " + id + " (./mec relocations lists them)");
        }
        return a.ok().json();
    }

    /** POST a relocation to a named host; returns its id. */
    public String relocate(String instanceId, String targetHost, Steering steering) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appInstanceId", instanceId);
        body.put("targetHost", targetHost);
        body.put("steering", steering.wire());
        return relocation.post(RELOCATIONS, body).path("relocationId").asText();
    }

    /** POST a relocation to the host of a zone (placement NEAREST), as a mobility event would start it. */
    public String relocateToZone(String instanceId, String zone, Steering steering, String idempotencyKey) {
        Map<String, Object> body = Map.of("appInstanceId", instanceId, "steering", steering.wire(),
                "placement", Map.of("policy", "NEAREST", "zone", zone));
        ServiceClient.Answer a = relocation.sendWithHeader("POST", RELOCATIONS, ServiceClient.write(body),
                "Idempotency-Key", idempotencyKey).ok();
        return a.json().path("relocationId").asText();
    }

    public static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static String encode(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
