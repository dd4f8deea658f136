package org.edgemec.edgeclient;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Cookies per origin host name (path and domain attributes are not interpreted: enough for a session cookie). A
 * cookie follows its origin host to any alternative, which is what keeps the session across a proxy handover.
 */
final class CookieJar {

    private final Map<String, Map<String, String>> byHost = new ConcurrentHashMap<>();

    /** Applies one {@code Set-Cookie} value; {@code Max-Age=0} or an empty value deletes the cookie. */
    void accept(String host, String setCookie) {
        String[] attributes = setCookie.split(";");
        int eq = attributes[0].indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = attributes[0].substring(0, eq).trim();
        String value = attributes[0].substring(eq + 1).trim();
        boolean expired = value.isEmpty();
        for (int i = 1; i < attributes.length; i++) {
            if (attributes[i].trim().replace(" ", "").equalsIgnoreCase("max-age=0")) {
                expired = true;
            }
        }
        Map<String, String> jar = byHost.computeIfAbsent(host, h -> new LinkedHashMap<>());
        synchronized (jar) {
            if (expired) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
    }

    Optional<String> header(String host) {
        Map<String, String> jar = byHost.get(host);
        if (jar == null) {
            return Optional.empty();
        }
        synchronized (jar) {
            return jar.isEmpty() ? Optional.empty() : Optional.of(jar.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
    }
}
