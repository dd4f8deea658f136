package org.edgemec.relocation.saga;

/**
 * How clients reach the app after it moved. DNS: the source host's DNS answers the app's names with the target's
 * address. TRAFFIC_RULE: the source host's edge proxy forwards the app's traffic to the target. ALT_SVC: every client
 * of the app at the source proxy is handed over to the target proxy (HTTP Alt-Svc), its forwarding rewritten.
 */
public enum Steering { DNS, TRAFFIC_RULE, ALT_SVC }
