package org.edgemec.platform.proxy.dataplane;

import org.edgemec.mp1api.common.TrafficFilter;
import org.edgemec.mp1api.mec011.appsupport.DestinationInterface;
import org.edgemec.platform.domain.rules.ActiveTrafficRules;
import org.edgemec.platform.domain.rules.ActiveTrafficRules.Action;
import org.edgemec.platform.proxy.domain.Endpoint;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Applies Mp1 TrafficRules to one HTTP request: the first rule (in priority order) with a matching filter decides.
 * The mapping of each TrafficFilter field to HTTP is in docs/edge-proxy.md; fields that have no meaning for proxied
 * HTTP (tunnels, QCI, DSCP, TC, packet labels) make their filter never match.
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

    private TrafficRuleMatcher() {
    }

    static Decision decide(List<ActiveTrafficRules.Rule> rules, RequestFacts facts) {
        for (ActiveTrafficRules.Rule rule : rules) {
            if (matches(rule, facts)) {
                Endpoint destination = destination(rule, facts.dstPort()).orElse(null);
                if ((rule.action() != Action.DROP && rule.action() != Action.PASSTHROUGH) && destination == null) {
                    // a FORWARD/DUPLICATE rule without a usable destination interface cannot redirect: pass
                    return new Decision(Action.PASSTHROUGH, rule.trafficRuleId(), null);
                }
                return new Decision(rule.action(), rule.trafficRuleId(), destination);
            }
        }
        return Decision.PASS;
    }

    /** A rule never matches another app's traffic: the request's service host must be one the rule's app owns. */
    static boolean matches(ActiveTrafficRules.Rule rule, RequestFacts facts) {
        if (!rule.covers(facts.serviceHost())) {
            return false;
        }
        List<TrafficFilter> filters = rule.filters();
        return filters == null || filters.isEmpty() || filters.stream().anyMatch(f -> matches(f, facts));
    }

    static boolean matches(TrafficFilter f, RequestFacts r) {
        if (notApplicable(f)) {
            return false;
        }
        return anyOrAbsent(f.srcAddress(), a -> addressMatches(a, r.srcAddress()))
                && anyOrAbsent(f.dstAddress(), a -> addressMatches(a, r.dstHost()))
                && anyOrAbsent(f.srcPort(), p -> portMatches(p, r.srcPort()))
                && anyOrAbsent(f.dstPort(), p -> portMatches(p, r.dstPort()))
                && anyOrAbsent(f.protocol(), p -> protocolMatches(p, r))
                && anyOrAbsent(f.tag(), t -> t.equalsIgnoreCase(r.serviceHost()))
                && anyOrAbsent(f.uri(), u -> r.path().startsWith(u) || u.endsWith(r.serviceHost() + r.path()));
    }

    private static boolean notApplicable(TrafficFilter f) {
        return present(f.srcTunnelAddress()) || present(f.tgtTunnelAddress()) || present(f.srcTunnelPort())
                || present(f.dstTunnelPort()) || present(f.packetLabel()) || f.qCI() != null || f.dSCP() != null
                || f.tC() != null;
    }

    private static boolean present(List<String> values) {
        return values != null && !values.isEmpty();
    }

    private static boolean anyOrAbsent(List<String> values, java.util.function.Predicate<String> test) {
        return !present(values) || values.stream().anyMatch(v -> v != null && test.test(v.trim()));
    }

    /** Exact address, host name, or CIDR prefix ({@code 10.0.0.0/8}). */
    static boolean addressMatches(String pattern, String address) {
        if (address == null) {
            return false;
        }
        int slash = pattern.indexOf('/');
        if (slash < 0) {
            return pattern.equalsIgnoreCase(address);
        }
        try {
            byte[] net = InetAddress.getByName(pattern.substring(0, slash)).getAddress();
            byte[] addr = literal(address);
            int bits = Integer.parseInt(pattern.substring(slash + 1));
            if (addr == null || net.length != addr.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((net[i / 8] & mask) != (addr[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }

    private static byte[] literal(String address) throws UnknownHostException {
        boolean isLiteral = address.indexOf(':') >= 0 || address.matches("[0-9.]+");
        return isLiteral ? InetAddress.getByName(address).getAddress() : null;
    }

    /** A port or a range {@code low-high}. */
    static boolean portMatches(String pattern, int port) {
        try {
            int dash = pattern.indexOf('-');
            if (dash < 0) {
                return Integer.parseInt(pattern) == port;
            }
            return port >= Integer.parseInt(pattern.substring(0, dash).trim())
                    && port <= Integer.parseInt(pattern.substring(dash + 1).trim());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** IP protocol TCP (or 6) matches all proxied HTTP; HTTP, HTTPS, HTTP/1.1, HTTP/2 match the request's own. */
    static boolean protocolMatches(String p, RequestFacts r) {
        String v = p.toUpperCase(Locale.ROOT);
        return switch (v) {
            case "TCP", "6", "ANY" -> true;
            case "HTTP", "HTTPS" -> v.equalsIgnoreCase(r.scheme());
            case "HTTP/1.1", "HTTP/1.0", "HTTP/2" -> v.equalsIgnoreCase(r.httpVersion());
            default -> false;
        };
    }

    /** The first destination interface's {@code dstIpAddress}; a {@code host:port} value sets the port too. */
    private static Optional<Endpoint> destination(ActiveTrafficRules.Rule rule, int backendPort) {
        List<DestinationInterface> destinations = rule.destinations();
        if (destinations == null) {
            return Optional.empty();
        }
        return destinations.stream().map(DestinationInterface::dstIpAddress)
                .filter(a -> a != null && !a.isBlank()).findFirst()
                .map(a -> a.matches(".*:\\d+") && a.indexOf(':') == a.lastIndexOf(':')
                        ? Endpoint.parse(a, "dstIpAddress") : new Endpoint(a, backendPort));
    }
}
