package org.edgemec.mp1api.common;

/** DNS rule address type (MEC 011 DnsRule, MEC 010-2 DNSRuleDescriptor). */
public enum IpAddressType {
    IP_V6, IP_V4
}
