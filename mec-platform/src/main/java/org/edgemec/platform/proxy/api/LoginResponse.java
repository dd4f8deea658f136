package org.edgemec.platform.proxy.api;

import java.util.Map;

/** Answer of a login: the assigned proxy (also in the Alt-Svc header) and the client's forwarding rules. */
public record LoginResponse(String clientId, String proxy, String altSvc, Map<String, String> forwarding) {
}
