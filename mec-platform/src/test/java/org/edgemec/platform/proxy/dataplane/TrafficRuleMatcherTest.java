package org.edgemec.platform.proxy.dataplane;

import org.edgemec.mp1api.common.InterfaceType;
import org.edgemec.mp1api.common.TrafficFilter;
import org.edgemec.mp1api.mec011.appsupport.DestinationInterface;
import org.edgemec.platform.domain.rules.ActiveTrafficRules.Action;
import org.edgemec.platform.domain.rules.ActiveTrafficRules.Rule;
import org.edgemec.platform.proxy.domain.Endpoint;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrafficRuleMatcherTest {

    private static final TrafficRuleMatcher.RequestFacts REQUEST = new TrafficRuleMatcher.RequestFacts(
            "10.1.2.3", 40000, "192.168.0.10", 8080, "https", "HTTP/2", "app.edge.test", "/api/items");

    /** The host names the rules' app owns: the request above is its traffic. */
    private static final Set<String> OWN = Set.of("app.edge.test");

    private static TrafficFilter filter(List<String> src, List<String> dst, List<String> srcPort,
                                        List<String> dstPort, List<String> protocol, List<String> tag) {
        return new TrafficFilter(src, dst, srcPort, dstPort, protocol, tag, null, null, null, null, null, null, null,
                null, null);
    }

    @Test
    void shouldMatchAddressesByCidrAndPortsByRange() {
        assertTrue(TrafficRuleMatcher.matches(filter(List.of("10.0.0.0/8"), List.of("192.168.0.10"),
                List.of("30000-50000"), List.of("8080"), List.of("TCP"), List.of("app.edge.test")), REQUEST));
        assertFalse(TrafficRuleMatcher.matches(filter(List.of("11.0.0.0/8"), null, null, null, null, null), REQUEST));
        assertFalse(TrafficRuleMatcher.matches(filter(null, null, null, List.of("80"), null, null), REQUEST));
        assertFalse(TrafficRuleMatcher.matches(filter(null, null, null, null, List.of("UDP"), null), REQUEST));
        assertTrue(TrafficRuleMatcher.matches(filter(null, null, null, null, List.of("HTTP/2"), null), REQUEST));
    }

    @Test
    void shouldNeverMatchFilterWithTunnelOrQosFields() {
        TrafficFilter dscp = new TrafficFilter(null, null, null, null, null, null, null, null, null, null, null, null,
                null, 46, null);
        assertFalse(TrafficRuleMatcher.matches(dscp, REQUEST));
    }

    @Test
    void shouldLetTheFirstMatchingRuleInPriorityOrderDecide() {
        Rule drop = new Rule("r1", "app", 1, Action.DROP, List.of(filter(null, null, null, null, null,
                List.of("other.test"))), List.of(), OWN);
        Rule forward = new Rule("r2", "app", 2, Action.FORWARD_ENCAPSULATED, List.of(filter(null, null, null, null,
                null, List.of("app.edge.test"))),
                List.of(new DestinationInterface(InterfaceType.IP, null, null, null, "192.168.0.99")), OWN);
        Rule passAll = new Rule("r3", "app", 3, Action.DROP, List.of(), List.of(), OWN);
        TrafficRuleMatcher.Decision d = TrafficRuleMatcher.decide(List.of(drop, forward, passAll), REQUEST);
        assertEquals(Action.FORWARD_ENCAPSULATED, d.action());
        assertEquals(new Endpoint("192.168.0.99", 8080), d.destination());
        assertEquals("r2", d.trafficRuleId());
    }

    @Test
    void shouldPassWhenForwardRuleHasNoDestination() {
        Rule forward = new Rule("r1", "app", 1, Action.FORWARD_DECAPSULATED, List.of(), List.of(), OWN);
        assertEquals(Action.PASSTHROUGH, TrafficRuleMatcher.decide(List.of(forward), REQUEST).action());
        assertEquals(Action.PASSTHROUGH, TrafficRuleMatcher.decide(List.of(), REQUEST).action());
    }

    @Test
    void shouldNeverApplyARuleToAnotherAppsTraffic() {
        // an unrestricted DROP of app B: only B's host names are dropped, never app A's request above
        Rule dropAllOfB = new Rule("b-drop", "app-b", 0, Action.DROP, List.of(), List.of(), Set.of("b.edge.test"));
        assertEquals(Action.PASSTHROUGH, TrafficRuleMatcher.decide(List.of(dropAllOfB), REQUEST).action());
        TrafficRuleMatcher.RequestFacts forB = new TrafficRuleMatcher.RequestFacts("10.1.2.3", 40000,
                "192.168.0.11", 8080, "https", "HTTP/2", "b.edge.test", "/");
        assertEquals(Action.DROP, TrafficRuleMatcher.decide(List.of(dropAllOfB), forB).action());
        Rule unscoped = new Rule("nothing", "app-c", 0, Action.DROP, List.of(), List.of(), Set.of());
        assertEquals(Action.PASSTHROUGH, TrafficRuleMatcher.decide(List.of(unscoped), REQUEST).action(),
                "an app that fronts no host name acts on nothing");
    }
}
