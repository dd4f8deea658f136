package org.edgemec.mp1api.common;

/** Traffic rule filter type (MEC 011 TrafficRule, MEC 010-2 TrafficRuleDescriptor). */
public enum FilterType {
    FLOW, PACKET
}
