package org.edgemec.platform.steering;

/** How a relocation steers the clients still using this host to the instance's new host. */
public enum SteeringStrategy {
    /** This host's DNS server answers the instance's domain names with the target address. */
    DNS,
    /** This host's edge proxy forwards the instance's fronted host names to the target host and port. */
    TRAFFIC_RULE
}
