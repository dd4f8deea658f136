package org.edgemec.applcm.domain.grant;

/** A granted operation: the grant id and the host whose capacity it reserved (null for TERMINATE/OPERATE). */
public record GrantDecision(String grantId, String hostName, ResourceNeed need) {
}
