package org.edgemec.common.json;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a service does with a request-body field outside the schema, named as the Kubernetes API server names it:
 * {@code Warn} (the default) accepts the body, ignores the field and names it in a {@code Warning} header;
 * {@code Ignore} accepts it silently; {@code Strict} refuses the body with 400 naming the field.
 */
public enum FieldValidation {
    STRICT, WARN, IGNORE;

    /** The query parameter a write request chooses the mode with. */
    public static final String PARAMETER = "fieldValidation";

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");

    /** Whether requests of this HTTP method carry a body to validate (and so take {@link #PARAMETER}). */
    public static boolean appliesTo(String httpMethod) {
        return WRITES.contains(httpMethod);
    }

    /** {@code Strict}, {@code Warn} or {@code Ignore}, in any case; empty for anything else. */
    public static Optional<FieldValidation> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The spelling of the API: Strict, Warn, Ignore. */
    public String spelling() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
