package org.edgemec.mp1api.common;

/** State of a MEC 011 traffic or DNS rule. */
public enum RuleState {
    ACTIVE, INACTIVE
}
