package org.edgemec.relocation.api.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.relocation.api.query.AttributeSchema.Attribute;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The attribute selectors of ETSI GS MEC 009 clause 6.18 (NFV-SOL 013 clause 5.3): {@code all_fields},
 * {@code fields=<list>}, {@code exclude_fields=<list>}, {@code exclude_default}, and exclude_default with fields.
 * Only complex attributes that are optional can be named or left out (a list of {@code /}-separated paths, comma
 * separated); simple and mandatory attributes are always in the response. Each resource names its "default exclude
 * set"; no selector means exclude_default. Other combinations are a 400.
 */
public final class AttributeSelector implements UnaryOperator<JsonNode> {

    public static final String ALL_FIELDS = "all_fields";
    public static final String FIELDS = "fields";
    public static final String EXCLUDE_FIELDS = "exclude_fields";
    public static final String EXCLUDE_DEFAULT = "exclude_default";

    /** The optional complex attributes to drop from every representation. */
    private final List<String[]> removed;

    private AttributeSelector(Set<String> removed) {
        this.removed = removed.stream().map(p -> p.split("/")).toList();
    }

    /**
     * @param fields         value of {@code fields}, null when absent
     * @param excludeFields  value of {@code exclude_fields}, null when absent
     * @param defaultExclude the resource's default exclude set ({@code /}-separated paths; may be empty)
     */
    public static AttributeSelector of(boolean allFields, String fields, String excludeFields, boolean excludeDefault,
                                       AttributeSchema schema, Set<String> defaultExclude) {
        if (allFields && (fields != null || excludeFields != null || excludeDefault)) {
            throw new InvalidFieldException(ALL_FIELDS, "cannot be combined with fields, exclude_fields or "
                    + "exclude_default");
        }
        if (excludeFields != null && (fields != null || excludeDefault)) {
            throw new InvalidFieldException(EXCLUDE_FIELDS, "cannot be combined with fields or exclude_default");
        }
        Map<String, Attribute> selectable = selectable(schema);
        if (allFields) {
            return new AttributeSelector(Set.of());
        }
        if (excludeFields != null) {
            return new AttributeSelector(paths(EXCLUDE_FIELDS, excludeFields, selectable));
        }
        if (fields != null) {
            Set<String> listed = paths(FIELDS, fields, selectable);
            // fields alone: every optional complex attribute not listed is left out; with exclude_default only the
            // default exclude set is, and the list takes attributes back from it
            Set<String> candidates = excludeDefault ? defaultExclude : selectable.keySet();
            Set<String> removed = new LinkedHashSet<>();
            for (String path : candidates) {
                if (listed.stream().noneMatch(l -> related(path, l))) {
                    removed.add(path);
                }
            }
            return new AttributeSelector(removed);
        }
        return new AttributeSelector(defaultExclude);
    }

    @Override
    public JsonNode apply(JsonNode node) {
        if (removed.isEmpty()) {
            return node;
        }
        JsonNode copy = node.deepCopy();
        for (String[] path : removed) {
            remove(copy, path, 0);
        }
        return copy;
    }

    /** Optional complex attributes at any depth: the only names selectors accept. */
    private static Map<String, Attribute> selectable(AttributeSchema schema) {
        Map<String, Attribute> complex = schema.complexPaths();
        complex.values().removeIf(Attribute::mandatory);
        return complex;
    }

    private static Set<String> paths(String parameter, String list, Map<String, Attribute> selectable) {
        if (list.isBlank()) {
            throw new InvalidFieldException(parameter, "must name at least one attribute");
        }
        Set<String> paths = new LinkedHashSet<>();
        for (String raw : list.split(",", -1)) {
            String path = raw.trim().replace('.', '/');
            if (!selectable.containsKey(path)) {
                throw new InvalidFieldException(parameter, "'" + raw.trim() + "' is not one of the optional complex "
                        + "attributes that can be selected: " + String.join(", ", selectable.keySet()));
            }
            paths.add(path);
        }
        return paths;
    }

    /** Same attribute, one inside the other, or the other inside it (a listed child keeps its parent). */
    private static boolean related(String path, String listed) {
        return path.equals(listed) || path.startsWith(listed + "/") || listed.startsWith(path + "/");
    }

    private static void remove(JsonNode node, String[] path, int depth) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> remove(element, path, depth));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        if (depth == path.length - 1) {
            object.remove(path[depth]);
        } else {
            remove(object.get(path[depth]), path, depth + 1);
        }
    }

    @Override
    public String toString() {
        return "AttributeSelector" + removed.stream().map(Arrays::toString).toList();
    }
}
