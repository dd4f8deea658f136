package org.edgemec.applcm.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.edgemec.common.error.InvalidFieldException;

/**
 * The ETSI attribute-based {@code filter} query parameter (ETSI GS MEC 009 / NFV-SOL 013), the subset
 * {@code (op,attr/path,value[,value...])} joined by {@code ;} with op eq, neq, in, nin, cont, ncont.
 */
final class AttributeFilter {

    private AttributeFilter() {
    }

    static <T> List<T> apply(List<T> items, String filter, ObjectMapper json) {
        if (filter == null || filter.isBlank()) {
            return items;
        }
        List<Predicate<JsonNode>> terms = new ArrayList<>();
        for (String term : filter.split(";")) {
            terms.add(parse(term.trim()));
        }
        return items.stream().filter(i -> {
            JsonNode node = json.valueToTree(i);
            return terms.stream().allMatch(t -> t.test(node));
        }).toList();
    }

    private static Predicate<JsonNode> parse(String term) {
        if (!term.startsWith("(") || !term.endsWith(")")) {
            throw new InvalidFieldException("filter", "term " + term + " must look like (op,attribute,value)");
        }
        String[] parts = term.substring(1, term.length() - 1).split(",");
        if (parts.length < 3) {
            throw new InvalidFieldException("filter", "term " + term + " needs an operator, attribute and value");
        }
        String op = parts[0];
        String path = "/" + parts[1].replace('.', '/');
        List<String> values = Arrays.asList(parts).subList(2, parts.length);
        return switch (op) {
            case "eq", "in" -> n -> values.contains(text(n, path));
            case "neq", "nin" -> n -> !values.contains(text(n, path));
            case "cont" -> n -> text(n, path) != null && values.stream().anyMatch(text(n, path)::contains);
            case "ncont" -> n -> text(n, path) == null || values.stream().noneMatch(text(n, path)::contains);
            default -> throw new InvalidFieldException("filter", "operator " + op + " is not supported");
        };
    }

    private static String text(JsonNode node, String path) {
        JsonNode v = node.at(path);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}
