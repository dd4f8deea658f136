package org.edgemec.platform.proxy.api;

import jakarta.ws.rs.core.MultivaluedMap;
import org.edgemec.common.error.InvalidFieldException;

import java.util.List;
import java.util.Set;

/** Query parameters of the control API: unknown, repeated or empty ones are a 400 naming them. */
final class QueryParams {

    private QueryParams() {
    }

    static void allowOnly(MultivaluedMap<String, String> query, Set<String> known, String hint) {
        List<String> unknown = query.keySet().stream().filter(k -> !known.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new InvalidFieldException(String.join(", ", unknown), "unknown query parameter; " + hint);
        }
    }

    /** The parameter's one value; null when absent. */
    static String single(MultivaluedMap<String, String> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new InvalidFieldException(name, "give at most one value");
        }
        if (values.get(0).isBlank()) {
            throw new InvalidFieldException(name, "must not be empty");
        }
        return values.get(0);
    }
}
