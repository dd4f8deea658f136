package org.edgemec.relocation.api.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.relocation.api.query.AttributeSchema.Attribute;
import org.edgemec.relocation.api.query.AttributeSchema.Kind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The attribute-based {@code filter} query parameter of ETSI GS MEC 009 clause 6.19 (the NFV-SOL 013 syntax):
 * {@code (op,attr[/attr]*,value[,value]*)} expressions joined by {@code ;}, all of which must hold. Operators eq, neq,
 * gt, gte, lt, lte (one value), in, nin, cont, ncont (one or more). A value holding {@code ,}, {@code )} or
 * {@code '} is written in single quotes, a quote inside doubled ({@code 'it''s'}).
 * <p>
 * An attribute inside an array matches when any element matches (neq, nin, ncont: when none matches the positive
 * operator); an absent attribute matches only the negative operators. Unknown attributes, complex attributes,
 * non-numeric values for numeric attributes and cont/ncont on non-strings are 400s naming {@code filter}.
 */
public final class AttributeFilter implements Predicate<JsonNode> {

    private static final String PARAMETER = "filter";
    private static final Set<String> SINGLE_VALUE = Set.of("eq", "neq", "gt", "gte", "lt", "lte");
    private static final Set<String> VALUE_LIST = Set.of("in", "nin", "cont", "ncont");

    private final List<Expression> expressions;

    private AttributeFilter(List<Expression> expressions) {
        this.expressions = expressions;
    }

    /** No filter: everything matches. */
    public static AttributeFilter none() {
        return new AttributeFilter(List.of());
    }

    public static AttributeFilter parse(String filter, AttributeSchema schema) {
        if (filter.isBlank()) {
            throw invalid("must not be empty; expected (op,attribute,value)[;(op,attribute,value)]*");
        }
        List<Expression> expressions = new ArrayList<>();
        for (List<String> items : new Tokens(filter).expressions()) {
            expressions.add(Expression.of(items, schema));
        }
        return new AttributeFilter(List.copyOf(expressions));
    }

    @Override
    public boolean test(JsonNode node) {
        return expressions.stream().allMatch(e -> e.test(node));
    }

    static InvalidFieldException invalid(String reason) {
        return new InvalidFieldException(PARAMETER, reason);
    }

    /** One simple filter expression, its values already checked against the attribute's kind. */
    private record Expression(String op, String path, List<String> names, Kind kind, List<String> values)
            implements Predicate<JsonNode> {

        static Expression of(List<String> items, AttributeSchema schema) {
            String text = "(" + String.join(",", items) + ")";
            if (items.size() < 3) {
                throw invalid("expression " + text + " needs an operator, an attribute and a value");
            }
            String op = items.get(0);
            List<String> values = List.copyOf(items.subList(2, items.size()));
            if (SINGLE_VALUE.contains(op)) {
                if (values.size() != 1) {
                    throw invalid("operator " + op + " takes exactly one value in " + text);
                }
            } else if (!VALUE_LIST.contains(op)) {
                throw invalid("operator '" + op + "' is not one of eq, neq, gt, gte, lt, lte, in, nin, cont, ncont");
            }
            String path = items.get(1);
            List<Attribute> chain;
            try {
                chain = schema.resolve(path);
            } catch (IllegalArgumentException e) {
                throw invalid(e.getMessage());
            }
            Attribute leaf = chain.get(chain.size() - 1);
            if (leaf.kind() == Kind.OBJECT) {
                throw invalid("'" + path + "' is a structure; filter on one of its attributes");
            }
            check(op, path, leaf.kind(), values);
            return new Expression(op, path, chain.stream().map(Attribute::name).toList(), leaf.kind(), values);
        }

        private static void check(String op, String path, Kind kind, List<String> values) {
            if ((op.equals("cont") || op.equals("ncont")) && kind != Kind.STRING) {
                throw invalid("operator " + op + " needs a string attribute; '" + path + "' is a " + name(kind));
            }
            if (kind == Kind.BOOLEAN && !op.equals("eq") && !op.equals("neq") && !op.equals("in")
                    && !op.equals("nin")) {
                throw invalid("operator " + op + " does not apply to the boolean '" + path + "'");
            }
            for (String v : values) {
                if (kind == Kind.NUMBER && !isNumber(v)) {
                    throw invalid("value '" + v + "' of '" + path + "' is not a number");
                }
                if (kind == Kind.BOOLEAN && !v.equals("true") && !v.equals("false")) {
                    throw invalid("value '" + v + "' of '" + path + "' is not true or false");
                }
            }
        }

        @Override
        public boolean test(JsonNode root) {
            List<JsonNode> found = new ArrayList<>();
            collect(root, 0, found);
            return switch (op) {
                case "neq" -> found.stream().noneMatch(n -> compare(n, values.get(0)) == 0);
                case "nin" -> found.stream().noneMatch(n -> values.stream().anyMatch(v -> compare(n, v) == 0));
                case "ncont" -> found.stream().noneMatch(n -> values.stream().anyMatch(n.asText()::contains));
                default -> found.stream().anyMatch(this::matches);
            };
        }

        private boolean matches(JsonNode n) {
            return switch (op) {
                case "eq" -> compare(n, values.get(0)) == 0;
                case "gt" -> compare(n, values.get(0)) > 0;
                case "gte" -> compare(n, values.get(0)) >= 0;
                case "lt" -> compare(n, values.get(0)) < 0;
                case "lte" -> compare(n, values.get(0)) <= 0;
                case "in" -> values.stream().anyMatch(v -> compare(n, v) == 0);
                case "cont" -> values.stream().anyMatch(n.asText()::contains);
                default -> throw new IllegalStateException(op);
            };
        }

        /** The simple values at the path; arrays on the way (and at the end) contribute each element. */
        private void collect(JsonNode node, int depth, List<JsonNode> found) {
            if (node == null || node.isMissingNode() || node.isNull()) {
                return;
            }
            if (node.isArray()) {
                node.forEach(element -> collect(element, depth, found));
                return;
            }
            if (depth == names.size()) {
                found.add(node);
                return;
            }
            collect(node.get(names.get(depth)), depth + 1, found);
        }

        private int compare(JsonNode n, String value) {
            return switch (kind) {
                case NUMBER -> n.isNumber() ? n.decimalValue().compareTo(new BigDecimal(value)) : -1;
                case BOOLEAN -> Boolean.compare(n.asBoolean(), Boolean.parseBoolean(value));
                default -> n.asText().compareTo(value);
            };
        }

        private static boolean isNumber(String v) {
            try {
                new BigDecimal(v);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private static String name(Kind kind) {
            return kind.name().toLowerCase();
        }
    }

    /** Splits the parameter into expressions and their items, honouring single-quoted values. */
    private static final class Tokens {

        private final String text;
        private int pos;

        Tokens(String text) {
            this.text = text;
        }

        List<List<String>> expressions() {
            List<List<String>> expressions = new ArrayList<>();
            while (true) {
                int begin = pos + 1;
                expect('(');
                expressions.add(items(begin));
                if (pos == text.length()) {
                    return expressions;
                }
                expect(';');
            }
        }

        /** Items up to and including the closing parenthesis of the expression opened at position begin. */
        private List<String> items(int begin) {
            List<String> items = new ArrayList<>();
            while (true) {
                items.add(pos < text.length() && text.charAt(pos) == '\'' ? quoted() : plain());
                if (pos >= text.length()) {
                    throw invalid("the expression starting at position " + begin + " is not closed by ')'");
                }
                char c = text.charAt(pos++);
                if (c == ')') {
                    return items;
                }
                // c is ',' (plain() and quoted() stop only there or at ')')
            }
        }

        private String plain() {
            int from = pos;
            while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ')') {
                if (text.charAt(pos) == '\'') {
                    throw invalid("a quote inside a value must be written in a quoted value as '' (position "
                            + (pos + 1) + ")");
                }
                pos++;
            }
            return text.substring(from, pos);
        }

        private String quoted() {
            int opening = pos++;
            StringBuilder value = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c != '\'') {
                    value.append(c);
                } else if (pos < text.length() && text.charAt(pos) == '\'') {
                    value.append('\'');
                    pos++;
                } else {
                    if (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ')') {
                        throw invalid("a quoted value must be followed by ',' or ')' (position " + (pos + 1) + ")");
                    }
                    return value.toString();
                }
            }
            throw invalid("the quoted value starting at position " + (opening + 1) + " is not closed");
        }

        private void expect(char c) {
            if (pos >= text.length() || text.charAt(pos) != c) {
                String found = pos >= text.length() ? "the end" : "'" + text.charAt(pos) + "'";
                throw invalid("expected '" + c + "' at position " + (pos + 1) + " but found " + found
                        + "; expected (op,attribute,value)[;(op,attribute,value)]*");
            }
            pos++;
        }
    }
}
