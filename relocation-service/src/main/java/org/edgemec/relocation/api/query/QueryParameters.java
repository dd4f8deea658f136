package org.edgemec.relocation.api.query;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.json.FieldValidation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query string of one request, checked against the parameters its ETSI operation defines. Parsed from the raw
 * query with only {@code &} between parameters: the HTTP layer also splits at {@code ;}, which separates the
 * expressions of an ETSI {@code filter} and is commonly sent unencoded.
 */
public final class QueryParameters {

    private final MultivaluedMap<String, String> parameters;

    private QueryParameters(MultivaluedMap<String, String> parameters) {
        this.parameters = parameters;
    }

    /** 400 naming the first parameter the operation does not define or that is given more than once. */
    public static QueryParameters allowOnly(UriInfo uri, Set<String> defined) {
        MultivaluedMap<String, String> parameters = parse(uri.getRequestUri().getRawQuery());
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            if (!defined.contains(p.getKey())) {
                throw new InvalidFieldException(p.getKey(), defined.isEmpty()
                        ? "is not a query parameter of this operation, which has none"
                        : "is not a query parameter of this operation; it has "
                                + String.join(", ", new TreeSet<>(defined)));
            }
            if (p.getValue().size() > 1) {
                throw new InvalidFieldException(p.getKey(), "may be given only once");
            }
        }
        return new QueryParameters(parameters);
    }

    /** A create or update that defines no query parameter of its own: only the common {@code fieldValidation}. */
    public static QueryParameters allowOnlyOnWrite(UriInfo uri) {
        return allowOnly(uri, Set.of(FieldValidation.PARAMETER));
    }

    /** The value, or null when the parameter is absent. */
    public String value(String name) {
        return parameters.getFirst(name);
    }

    /** A flag parameter (ETSI: "it has no value"): present or not. */
    public boolean flag(String name) {
        String value = parameters.getFirst(name);
        if (value != null && !value.isEmpty()) {
            throw new InvalidFieldException(name, "is a flag and takes no value (got '" + value + "')");
        }
        return value != null;
    }

    static MultivaluedMap<String, String> parse(String rawQuery) {
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq), part);
            parameters.add(name, eq < 0 ? "" : decode(part.substring(eq + 1), name));
        }
        return parameters;
    }

    private static String decode(String text, String parameter) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(parameter, "has a malformed percent-encoding");
        }
    }
}
