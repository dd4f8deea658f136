package org.edgemec.platform.proxy.dataplane;

import io.netty.util.NetUtil;
import org.edgemec.mp1api.common.TrafficFilter;
import org.edgemec.mp1api.mec011.appsupport.DestinationInterface;
import org.edgemec.platform.domain.rules.ActiveTrafficRules;
import org.edgemec.platform.domain.rules.ActiveTrafficRules.Action;
import org.edgemec.platform.proxy.domain.Endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Mp1 TrafficRules compiled for the data plane: the first rule (in priority order) with a matching filter decides a
 * request. Built once per change of the rules ({@link TrafficRulesSnapshot}), so a request parses nothing: CIDR
 * prefixes, port ranges, protocols and destinations are read when the rules are compiled. The mapping of each
 * TrafficFilter field to HTTP is in docs/edge-proxy.md; fields that have no meaning for proxied HTTP (tunnels, QCI,
 * DSCP, TC, packet labels) make their filter never match.
 */
final class TrafficRuleMatcher {

    /** What a filter can see of a request. {@code dstHost}/{@code dstPort} are the backend chosen for the client. */
    record RequestFacts(String srcAddress, int srcPort, String dstHost, int dstPort, String scheme,
                        String httpVersion, String serviceHost, String path) {
    }

    /** The action for a request; {@code destination} is set for FORWARD_* and DUPLICATE_*. */
    record Decision(Action action, String trafficRuleId, Endpoint destination) {

        static final Decision PASS = new Decision(Action.PASSTHROUGH, null, null);

        boolean mirrors() {
            return action == Action.DUPLICATE_DECAPSULATED || action == Action.DUPLICATE_ENCAPSULATED;
        }

        boolean redirects() {
            return action == Action.FORWARD_DECAPSULATED || action == Action.FORWARD_ENCAPSULATED;
        }
    }

    static final TrafficRuleMatcher NONE = new TrafficRuleMatcher(List.of());

    /** One rule: the hosts it is scoped to, its filters (none: every request of its app), its destination. */
    private record CompiledRule(String trafficRuleId, Action action, Set<String> serviceHosts,
                                List<Predicate<RequestFacts>> filters, String destinationHost,
                                int destinationPort) {

        boolean matches(RequestFacts facts) {
            if (facts.serviceHost() == null || !serviceHosts.contains(facts.serviceHost())) {
                return false;
            }
            if (filters.isEmpty()) {
                return true;
            }
            for (Predicate<RequestFacts> f : filters) {
                if (f.test(facts)) {
                    return true;
                }
            }
            return false;
        }

        /** The destination for this request; a destination without a port keeps the backend's. */
        Endpoint destination(int backendPort) {
            return destinationHost == null ? null
                    : new Endpoint(destinationHost, destinationPort < 0 ? backendPort : destinationPort);
        }
    }

    private final List<CompiledRule> rules;

    private TrafficRuleMatcher(List<CompiledRule> rules) {
        this.rules = rules;
    }

    static TrafficRuleMatcher compile(List<ActiveTrafficRules.Rule> rules) {
        List<CompiledRule> compiled = new ArrayList<>(rules.size());
        for (ActiveTrafficRules.Rule rule : rules) {
            List<Predicate<RequestFacts>> filters = new ArrayList<>();
            if (rule.filters() != null) {
                rule.filters().forEach(f -> filters.add(filter(f)));
            }
            String[] destination = destination(rule);
            compiled.add(new CompiledRule(rule.trafficRuleId(), rule.action(), rule.serviceHosts(),
                    List.copyOf(filters), destination == null ? null : destination[0],
                    destination == null || destination[1] == null ? -1 : Integer.parseInt(destination[1])));
        }
        return compiled.isEmpty() ? NONE : new TrafficRuleMatcher(List.copyOf(compiled));
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    Decision decide(RequestFacts facts) {
        for (CompiledRule rule : rules) {
            if (rule.matches(facts)) {
                Endpoint destination = rule.destination(facts.dstPort());
                if ((rule.action() != Action.DROP && rule.action() != Action.PASSTHROUGH) && destination == null) {
                    // a FORWARD/DUPLICATE rule without a usable destination interface cannot redirect: pass
                    return new Decision(Action.PASSTHROUGH, rule.trafficRuleId(), null);
                }
                return new Decision(rule.action(), rule.trafficRuleId(), destination);
            }
        }
        return Decision.PASS;
    }

    /** Compiles {@code rules} and decides one request: for callers that have no compiled copy. */
    static Decision decide(List<ActiveTrafficRules.Rule> rules, RequestFacts facts) {
        return compile(rules).decide(facts);
    }

    static boolean matches(TrafficFilter f, RequestFacts r) {
        return filter(f).test(r);
    }

    /** A filter as one predicate: every field present must match (any of its values), absent fields match all. */
    static Predicate<RequestFacts> filter(TrafficFilter f) {
        if (notApplicable(f)) {
            return r -> false;
        }
        List<Predicate<RequestFacts>> parts = new ArrayList<>();
        any(f.srcAddress(), TrafficRuleMatcher::address, parts, RequestFacts::srcAddress);
        any(f.dstAddress(), TrafficRuleMatcher::address, parts, RequestFacts::dstHost);
        anyPort(f.srcPort(), parts, true);
        anyPort(f.dstPort(), parts, false);
        List<String> protocolValues = values(f.protocol());
        if (protocolValues != null) {
            List<Predicate<RequestFacts>> protocols = protocolValues.stream().map(TrafficRuleMatcher::protocol).toList();
            parts.add(r -> protocols.stream().anyMatch(p -> p.test(r)));
        }
        List<String> tags = values(f.tag());
        if (tags != null) {
            parts.add(r -> tags.stream().anyMatch(t -> t.equalsIgnoreCase(r.serviceHost())));
        }
        List<String> uris = values(f.uri());
        if (uris != null) {
            parts.add(r -> uris.stream().anyMatch(u -> r.path().startsWith(u) || u.endsWith(r.serviceHost() + r.path())));
        }
        List<Predicate<RequestFacts>> all = List.copyOf(parts);
        return r -> {
            for (Predicate<RequestFacts> p : all) {
                if (!p.test(r)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static boolean notApplicable(TrafficFilter f) {
        return present(f.srcTunnelAddress()) || present(f.tgtTunnelAddress()) || present(f.srcTunnelPort())
                || present(f.dstTunnelPort()) || present(f.packetLabel()) || f.qCI() != null || f.dSCP() != null
                || f.tC() != null;
    }

    private static boolean present(List<String> values) {
        return values != null && !values.isEmpty();
    }

    /**
     * A field's non-null values, trimmed; null when the field is absent (it then matches every request). A field
     * given with only null values matches none.
     */
    private static List<String> values(List<String> values) {
        return present(values) ? values.stream().filter(v -> v != null).map(String::trim).toList() : null;
    }

    private static void any(List<String> values, java.util.function.Function<String, Predicate<String>> compile,
                            List<Predicate<RequestFacts>> parts, java.util.function.Function<RequestFacts, String> of) {
        List<String> given = values(values);
        if (given != null) {
            List<Predicate<String>> alternatives = given.stream().map(compile).toList();
            parts.add(r -> {
                String value = of.apply(r);
                return alternatives.stream().anyMatch(a -> a.test(value));
            });
        }
    }

    private static void anyPort(List<String> values, List<Predicate<RequestFacts>> parts, boolean source) {
        List<String> given = values(values);
        if (given != null) {
            List<IntPredicate> alternatives = given.stream().map(TrafficRuleMatcher::port).toList();
            parts.add(r -> {
                int port = source ? r.srcPort() : r.dstPort();
                return alternatives.stream().anyMatch(a -> a.test(port));
            });
        }
    }

    static boolean addressMatches(String pattern, String address) {
        return address(pattern).test(address);
    }

    /** Exact address or host name (case-insensitive), or a CIDR prefix ({@code 10.0.0.0/8}) of literal addresses. */
    static Predicate<String> address(String pattern) {
        int slash = pattern.indexOf('/');
        if (slash < 0) {
            return a -> a != null && pattern.equalsIgnoreCase(a);
        }
        byte[] net = NetUtil.createByteArrayFromIpAddressString(pattern.substring(0, slash));
        int bits;
        try {
            bits = Integer.parseInt(pattern.substring(slash + 1));
        } catch (NumberFormatException e) {
            return a -> false;
        }
        if (net == null || bits < 0 || bits > net.length * 8) {
            return a -> false;
        }
        return a -> {
            byte[] addr = a == null ? null : NetUtil.createByteArrayFromIpAddressString(a);
            if (addr == null || addr.length != net.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((net[i / 8] & mask) != (addr[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        };
    }

    static boolean portMatches(String pattern, int port) {
        return port(pattern).test(port);
    }

    /** A port or a range {@code low-high}; anything else never matches. */
    static IntPredicate port(String pattern) {
        try {
            int dash = pattern.indexOf('-');
            if (dash < 0) {
                int exact = Integer.parseInt(pattern);
                return p -> p == exact;
            }
            int low = Integer.parseInt(pattern.substring(0, dash).trim());
            int high = Integer.parseInt(pattern.substring(dash + 1).trim());
            return p -> p >= low && p <= high;
        } catch (NumberFormatException e) {
            return p -> false;
        }
    }

    /** IP protocol TCP (or 6) matches all proxied HTTP; HTTP, HTTPS, HTTP/1.1, HTTP/2 match the request's own. */
    static Predicate<RequestFacts> protocol(String p) {
        String v = p.toUpperCase(Locale.ROOT);
        return switch (v) {
            case "TCP", "6", "ANY" -> r -> true;
            case "HTTP", "HTTPS" -> r -> v.equalsIgnoreCase(r.scheme());
            case "HTTP/1.1", "HTTP/1.0", "HTTP/2" -> r -> v.equalsIgnoreCase(r.httpVersion());
            default -> r -> false;
        };
    }

    /**
     * The first destination interface's {@code dstIpAddress} as {host, port or null}: a {@code host:port} value sets
     * the port, a bare host (or an IPv6 literal) keeps the backend's.
     */
    private static String[] destination(ActiveTrafficRules.Rule rule) {
        List<DestinationInterface> destinations = rule.destinations();
        if (destinations == null) {
            return null;
        }
        return destinations.stream().map(DestinationInterface::dstIpAddress)
                .filter(a -> a != null && !a.isBlank()).findFirst()
                .map(a -> {
                    if (a.matches(".*:\\d+") && a.indexOf(':') == a.lastIndexOf(':')) {
                        try {
                            Endpoint e = Endpoint.parse(a, "dstIpAddress");
                            return new String[] {e.host(), Integer.toString(e.port())};
                        } catch (RuntimeException unusable) {
                            // a port out of range is no usable destination: the rule passes
                            return null;
                        }
                    }
                    return new String[] {a, null};
                }).orElse(null);
    }
}
