package org.edgemec.mp1api.common;

/** Action of a traffic rule (MEC 011 TrafficRule.action, MEC 010-2 TrafficRuleDescriptor.action). */
public enum TrafficAction {
    DROP, FORWARD_DECAPSULATED, FORWARD_ENCAPSULATED, PASSTHROUGH, DUPLICATE_DECAPSULATED, DUPLICATE_ENCAPSULATED
}
