package org.edgemec.edgeclient;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An RFC 7838 {@code Alt-Svc} field value: either {@code clear} or a list of alternatives, each with its protocol id,
 * alt-authority (host may be empty: same host as the origin), max age and persist flag.
 */
public record AltSvc(boolean clear, List<Alternative> alternatives) {

    /** RFC 7838 section 3.1: {@code ma} defaults to 24 hours. */
    public static final long DEFAULT_MAX_AGE = 86_400;

    public record Alternative(String protocolId, String host, int port, long maxAgeSeconds, boolean persist) {
    }

    /** Parses one or more (comma-joined) field values; malformed alternatives are skipped, as RFC 7838 asks. */
    public static AltSvc parse(String fieldValue) {
        if (fieldValue == null || fieldValue.isBlank()) {
            return new AltSvc(false, List.of());
        }
        if (fieldValue.trim().equalsIgnoreCase("clear")) {
            return new AltSvc(true, List.of());
        }
        List<Alternative> alternatives = new ArrayList<>();
        for (String value : splitOutsideQuotes(fieldValue, ',')) {
            parseAlternative(value).ifPresent(alternatives::add);
        }
        return new AltSvc(false, List.copyOf(alternatives));
    }

    private static Optional<Alternative> parseAlternative(String value) {
        List<String> parts = splitOutsideQuotes(value, ';');
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String first = parts.get(0).trim();
        int eq = first.indexOf('=');
        if (eq <= 0) {
            return Optional.empty();
        }
        String protocolId = percentDecode(first.substring(0, eq).trim());
        String authority = unquote(first.substring(eq + 1).trim());
        int colon = authority.lastIndexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String host = authority.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(authority.substring(colon + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (port < 1 || port > 65535) {
            return Optional.empty();
        }
        long maxAge = DEFAULT_MAX_AGE;
        boolean persist = false;
        for (String parameter : parts.subList(1, parts.size())) {
            int peq = parameter.indexOf('=');
            if (peq <= 0) {
                continue;
            }
            String name = parameter.substring(0, peq).trim().toLowerCase(Locale.ROOT);
            String pvalue = unquote(parameter.substring(peq + 1).trim());
            try {
                if (name.equals("ma")) {
                    maxAge = Long.parseLong(pvalue);
                } else if (name.equals("persist")) {
                    persist = pvalue.equals("1");
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new Alternative(protocolId, host, port, maxAge, persist));
    }

    private static List<String> splitOutsideQuotes(String s, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString());
        }
        return parts;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            return s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return s;
    }

    private static String percentDecode(String token) {
        return java.net.URLDecoder.decode(token.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }
}
