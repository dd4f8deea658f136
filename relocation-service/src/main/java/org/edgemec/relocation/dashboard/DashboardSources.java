package org.edgemec.relocation.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.edgemec.relocation.adapters.http.ServiceClient;
import org.edgemec.relocation.saga.ports.MecSystem;
import org.edgemec.relocation.saga.ports.RemoteCallFailed;

/**
 * Reads the MEC system for the dashboard: hosts and app instances from mec-app-lcm, then from each host's
 * mec-platform its edge proxies, their clients and the transactions since the last read. A source that fails is
 * reported down and the rest is read on: a poll never throws.
 */
@ApplicationScoped
public class DashboardSources {

    /** What one poll found: the transactions are only those not seen in an earlier poll. */
    public record Reading(List<DashboardSnapshot.Source> sources, List<DashboardSnapshot.Host> hosts,
                          List<DashboardSnapshot.Transaction> newTransactions) {
    }

    /** Per platform: the last transaction seen (its seq restarts at 1 when the platform restarts). */
    private record Cursor(long seq, long time) {
    }

    private final MecSystem system;
    private final ServiceClient client;
    private final Map<String, Cursor> cursors = new HashMap<>();

    public DashboardSources(MecSystem system, ServiceClient client) {
        this.system = system;
        this.client = client;
    }

    /** @param since on a platform not read before, the oldest transaction wanted (epoch ms) */
    public synchronized Reading read(long since) {
        List<DashboardSnapshot.Source> sources = new ArrayList<>();
        List<MecSystem.Host> hosts;
        List<MecSystem.Instance> instances;
        try {
            hosts = system.hosts();
            instances = system.instances();
            sources.add(new DashboardSnapshot.Source("mec-app-lcm", null, true, null));
        } catch (RuntimeException e) {
            sources.add(new DashboardSnapshot.Source("mec-app-lcm", null, false, reason(e)));
            return new Reading(sources, List.of(), List.of());
        }
        List<DashboardSnapshot.Host> views = new ArrayList<>();
        List<DashboardSnapshot.Transaction> fresh = new ArrayList<>();
        for (MecSystem.Host h : hosts) {
            List<DashboardSnapshot.Instance> on = instances.stream().filter(i -> h.name().equals(i.host()))
                    .map(i -> new DashboardSnapshot.Instance(i.id(), i.appDId(), i.started())).toList();
            List<DashboardSnapshot.Proxy> proxies = List.of();
            boolean up = false;
            if (h.platformUrl() != null) {
                String base = trim(h.platformUrl());
                try {
                    proxies = proxies(base);
                    fresh.addAll(transactions(h.name(), base, since));
                    up = true;
                    sources.add(new DashboardSnapshot.Source(h.name() + " mec-platform", base, true, null));
                } catch (RuntimeException e) {
                    sources.add(new DashboardSnapshot.Source(h.name() + " mec-platform", base, false, reason(e)));
                }
            }
            views.add(new DashboardSnapshot.Host(h.name(), h.zone(), h.platformUrl(), up, on, proxies));
        }
        return new Reading(sources, views, fresh);
    }

    /** The proxies that run on this platform (not its configured peers), each with its client states. */
    private List<DashboardSnapshot.Proxy> proxies(String base) {
        List<DashboardSnapshot.Proxy> out = new ArrayList<>();
        for (JsonNode p : json(base + "/edge_proxy/v1/proxies", "listing its proxies")) {
            if (!p.path("local").asBoolean()) {
                continue;
            }
            String name = p.path("name").asText();
            List<JsonNode> clients = new ArrayList<>();
            json(base + "/edge_proxy/v1/proxies/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/clients",
                    "listing the clients of proxy " + name).forEach(clients::add);
            out.add(new DashboardSnapshot.Proxy(name, p.path("authority").asText(null), p.path("zone").asText(null),
                    clients));
        }
        return out;
    }

    private List<DashboardSnapshot.Transaction> transactions(String host, String base, long since) {
        Cursor cursor = cursors.get(host);
        // a little overlap: two proxies of one platform may record out of time order; seq removes the doubles
        long from = cursor == null ? since : Math.max(0, cursor.time() - 2_000);
        JsonNode list = json(base + "/edge_proxy/v1/transactions?since=" + from, "listing its transactions");
        long lastSeq = cursor == null ? 0 : cursor.seq();
        long maxSeq = 0;
        for (JsonNode t : list) {
            maxSeq = Math.max(maxSeq, t.path("seq").asLong());
        }
        if (!list.isEmpty() && maxSeq < lastSeq) {
            // the last one seen would be in the answer (from is before it): the platform restarted and numbers anew
            lastSeq = 0;
        }
        List<DashboardSnapshot.Transaction> out = new ArrayList<>();
        long lastTime = cursor == null ? since : cursor.time();
        for (JsonNode t : list) {
            if (t.path("seq").asLong() > lastSeq) {
                out.add(new DashboardSnapshot.Transaction(host, t.path("seq").asLong(), t.path("time").asLong(),
                        t.path("durationMs").asLong(), t.path("status").asInt(), t.path("proxy").asText(null),
                        t.path("serviceHost").asText(null), t.path("appInstanceId").asText(null),
                        t.path("clientId").asText(null), t.path("servedBy").asText(null)));
                lastTime = Math.max(lastTime, t.path("time").asLong());
            }
        }
        cursors.put(host, new Cursor(Math.max(lastSeq, maxSeq), lastTime));
        return out;
    }

    private JsonNode json(String url, String what) {
        ServiceClient.Answer a = client.get(URI.create(url));
        if (!a.ok()) {
            throw a.failure("mec-platform " + what);
        }
        return a.body();
    }

    private static String reason(RuntimeException e) {
        if (e instanceof RemoteCallFailed r && r.problem().detail() != null) {
            return r.problem().detail();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
