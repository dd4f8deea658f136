package org.edgemec.relocation.adapters.lcm;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.edgemec.relocation.adapters.http.ServiceClient;
import org.edgemec.relocation.saga.ports.MecSystem;

/**
 * mec-app-lcm's view of the MEC system: {@code GET /app_lcm_ext/v1/mec_hosts} and the MEC 010-2
 * {@code GET /app_lcm/v1/app_instances[/{id}]}; the host of an instance is its mcioInfo namespace.
 */
@ApplicationScoped
public class HttpMecSystem implements MecSystem {

    private final ServiceClient client;
    private final String lcmUrl;

    public HttpMecSystem(ServiceClient client,
            @ConfigProperty(name = "edgemec.lcm.url", defaultValue = "http://127.0.0.1:18081") String lcmUrl) {
        this.client = client;
        this.lcmUrl = lcmUrl.endsWith("/") ? lcmUrl.substring(0, lcmUrl.length() - 1) : lcmUrl;
    }

    @Override
    public List<Host> hosts() {
        List<Host> out = new ArrayList<>();
        for (JsonNode h : ok(client.get(URI.create(lcmUrl + "/app_lcm_ext/v1/mec_hosts")), "listing MEC hosts")) {
            out.add(new Host(h.path("name").asText(), h.path("zone").asText(null), blankToNull(h.path("platformUrl")),
                    h.hasNonNull("capacityCpu") ? h.path("capacityCpu").asInt() : null,
                    h.hasNonNull("capacityMemoryMb") ? h.path("capacityMemoryMb").asInt() : null));
        }
        return out;
    }

    @Override
    public List<Instance> instances() {
        List<Instance> out = new ArrayList<>();
        for (JsonNode i : ok(client.get(URI.create(lcmUrl + "/app_lcm/v1/app_instances")), "listing app instances")) {
            out.add(instanceOf(i));
        }
        return out;
    }

    @Override
    public Optional<Instance> instance(String appInstanceId) {
        ServiceClient.Answer a = client.get(URI.create(lcmUrl + "/app_lcm/v1/app_instances/"
                + java.net.URLEncoder.encode(appInstanceId, java.nio.charset.StandardCharsets.UTF_8)));
        if (a.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(instanceOf(ok(a, "reading app instance " + appInstanceId)));
    }

    private static Instance instanceOf(JsonNode i) {
        boolean instantiated = "INSTANTIATED".equals(i.path("instantiationState").asText());
        String host = instantiated ? i.at("/instantiatedAppState/mcioInfo/0/mcioNamespace").asText(null) : null;
        boolean started = instantiated && !"STOPPED".equals(i.at("/instantiatedAppState/operationalState").asText());
        return new Instance(i.path("id").asText(), i.path("appDId").asText(null), host, instantiated, started);
    }

    private static JsonNode ok(ServiceClient.Answer a, String what) {
        if (!a.ok()) {
            throw a.failure("mec-app-lcm " + what);
        }
        return a.body();
    }

    private static String blankToNull(JsonNode n) {
        return n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }
}
