package org.edgemec.relocation.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the dashboard shows at one moment: its sources (up or down), the MEC hosts with their app instances and edge
 * proxies (with the clients each holds), the latest relocations with their steps, and the recent transactions of the
 * proxies. Times are epoch milliseconds, for the page's JavaScript.
 */
public record DashboardSnapshot(long time, List<Source> sources, List<Host> hosts, List<Relocation> relocations,
                                List<Transaction> transactions) {

    /** A service the dashboard reads; {@code error} says why it is down. */
    public record Source(String name, String url, boolean up, String error) {
    }

    /** A MEC host as mec-app-lcm lists it, with what runs on it and, from its mec-platform, its proxies. */
    public record Host(String name, String zone, String platformUrl, boolean platformUp, List<Instance> instances,
                       List<Proxy> proxies) {
    }

    public record Instance(String id, String appDId, boolean started) {
    }

    /** An edge proxy running on the host's platform; {@code clients} are its client states as the platform gives them. */
    public record Proxy(String name, String authority, String zone, List<JsonNode> clients) {
    }

    /** One relocation and its steps in order; a step's {@code durationMs} is null while it runs. */
    public record Relocation(String relocationId, String appInstanceId, String appDId, String sourceHost,
                             String targetHost, String steering, String state, String currentStep, Long downtimeMs,
                             long createdAt, Long endedAt, String error, List<Step> steps) {
    }

    public record Step(int seq, String name, String state, long startedAt, Long endedAt, Long durationMs,
                       int attempts) {
    }

    /** One request an edge proxy took ({@code GET /edge_proxy/v1/transactions} of the host's platform). */
    public record Transaction(String host, long seq, long time, long durationMs, int status, String proxy,
                              String serviceHost, String appInstanceId, String clientId, String servedBy) {
    }
}
