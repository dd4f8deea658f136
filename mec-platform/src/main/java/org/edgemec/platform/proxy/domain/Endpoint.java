package org.edgemec.platform.proxy.domain;

import org.edgemec.common.error.InvalidFieldException;

/** A backend or proxy address, {@code host:port}. */
public record Endpoint(String host, int port) {

    /** Parses {@code host:port} ({@code [v6]:port} for IPv6); {@code field} names the input in the 400 answer. */
    public static Endpoint parse(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "must be host:port");
        }
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new InvalidFieldException(field, "must be host:port, was '" + value + "'");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new InvalidFieldException(field, "port must be 1..65535, was " + port);
            }
            return new Endpoint(host, port);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(field, "port must be a number, was '" + value.substring(colon + 1) + "'");
        }
    }

    /** Same port and host, host names compared without case. */
    public boolean sameAs(Endpoint other) {
        return other != null && port == other.port && host.equalsIgnoreCase(other.host);
    }

    @Override
    public String toString() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }
}
