package org.edgemec.relocation.adapters.platform;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgemec.relocation.adapters.http.ServiceClient;
import org.edgemec.relocation.saga.ports.ProxyHandovers;

/** A host's edge proxy through its platform: {@code /edge_proxy/v1/proxies}, {@code /edge_proxy/v1/handovers}. */
@ApplicationScoped
public class HttpProxyHandovers implements ProxyHandovers {

    private final ServiceClient client;

    public HttpProxyHandovers(ServiceClient client) {
        this.client = client;
    }

    @Override
    public String localProxy(String platformUrl) {
        ServiceClient.Answer a = client.get(uri(platformUrl, "/edge_proxy/v1/proxies"));
        if (!a.ok()) {
            throw a.failure("mec-platform " + platformUrl + " listing its proxies");
        }
        for (JsonNode p : a.body()) {
            if (p.path("local").asBoolean()) {
                return p.path("name").asText();
            }
        }
        throw new ServiceClient.Answer(404, a.body(), a.uri()).failure("mec-platform " + platformUrl
                + " has no local edge proxy; finding it");
    }

    @Override
    public List<Client> clientsForwardingTo(String platformUrl, String proxy, String backend) {
        ServiceClient.Answer a = client.get(uri(platformUrl, "/edge_proxy/v1/proxies/" + enc(proxy) + "/clients?backend="
                + enc(backend)));
        if (!a.ok()) {
            throw a.failure("mec-platform " + platformUrl + " listing the clients of " + proxy);
        }
        List<Client> out = new ArrayList<>();
        for (JsonNode c : a.body()) {
            Map<String, String> forwarding = new LinkedHashMap<>();
            c.path("forwarding").fields().forEachRemaining(f -> forwarding.put(f.getKey(), f.getValue().asText()));
            out.add(new Client(c.path("clientId").asText(), forwarding));
        }
        return out;
    }

    @Override
    public String handover(String platformUrl, String handoverId, String clientId, String targetProxy,
                           Map<String, String> forwarding) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("handoverId", handoverId);
        body.put("clientId", clientId);
        body.put("targetProxy", targetProxy);
        body.put("forwarding", forwarding);
        ServiceClient.Answer a = client.post(uri(platformUrl, "/edge_proxy/v1/handovers"), body);
        if (!a.ok()) {
            throw a.failure("mec-platform " + platformUrl + " handover of client " + clientId + " to " + targetProxy);
        }
        return a.body().path("state").asText();
    }

    @Override
    public List<String> serviceHostsForwardingTo(String platformUrl, String backend) {
        ServiceClient.Answer a = client.get(uri(platformUrl, "/edge_proxy/v1/services"));
        if (!a.ok()) {
            throw a.failure("mec-platform " + platformUrl + " listing the services its proxy fronts");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode s : a.body()) {
            if (backend.equals(s.path("backend").asText())) {
                out.add(s.path("serviceHost").asText());
            }
        }
        return out;
    }

    @Override
    public void hold(String platformUrl, String holdId, List<String> serviceHosts, java.time.Duration maxWait) {
        ServiceClient.Answer a = client.put(uri(platformUrl, "/edge_proxy/v1/holds/" + enc(holdId)),
                Map.of("serviceHosts", serviceHosts, "maxWait", maxWait.toString()));
        if (!a.ok()) {
            throw a.failure("mec-platform " + platformUrl + " holding requests for " + serviceHosts);
        }
    }

    @Override
    public void release(String platformUrl, String holdId) {
        ServiceClient.Answer a = client.delete(uri(platformUrl, "/edge_proxy/v1/holds/" + enc(holdId)));
        if (!a.ok() && a.status() != 404) {
            throw a.failure("mec-platform " + platformUrl + " releasing hold " + holdId);
        }
    }

    @Override
    public void cancel(String platformUrl, String handoverId) {
        ServiceClient.Answer a = client.delete(uri(platformUrl, "/edge_proxy/v1/handovers/" + enc(handoverId)));
        if (!a.ok() && a.status() != 404 && a.status() != 409) {
            throw a.failure("mec-platform " + platformUrl + " cancelling handover " + handoverId);
        }
    }

    private static URI uri(String platformUrl, String path) {
        String base = platformUrl.endsWith("/") ? platformUrl.substring(0, platformUrl.length() - 1) : platformUrl;
        return URI.create(base + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
