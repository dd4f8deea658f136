package org.edgemec.relocation.api.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Set;

/**
 * The five query parameters of an ETSI "query multiple resources" GET: {@code filter} picks the resources, the
 * attribute selectors shape each representation. Parsed (and refused with a 400) before any data is read.
 */
public record ListQuery(AttributeFilter filter, AttributeSelector selector) {

    public static final String FILTER = "filter";
    public static final Set<String> PARAMETERS = Set.of(FILTER, AttributeSelector.ALL_FIELDS, AttributeSelector.FIELDS,
            AttributeSelector.EXCLUDE_FIELDS, AttributeSelector.EXCLUDE_DEFAULT);

    public static ListQuery of(UriInfo uri, AttributeSchema schema, Set<String> defaultExclude) {
        QueryParameters q = QueryParameters.allowOnly(uri, PARAMETERS);
        String filter = q.value(FILTER);
        return new ListQuery(filter == null ? AttributeFilter.none() : AttributeFilter.parse(filter, schema),
                AttributeSelector.of(q.flag(AttributeSelector.ALL_FIELDS), q.value(AttributeSelector.FIELDS),
                        q.value(AttributeSelector.EXCLUDE_FIELDS), q.flag(AttributeSelector.EXCLUDE_DEFAULT), schema,
                        defaultExclude));
    }

    /** Matching items, each as its selected JSON representation, in the given order. */
    public List<JsonNode> apply(List<?> items, ObjectMapper json) {
        return items.stream().map(i -> (JsonNode) json.valueToTree(i)).filter(filter).map(selector).toList();
    }
}
