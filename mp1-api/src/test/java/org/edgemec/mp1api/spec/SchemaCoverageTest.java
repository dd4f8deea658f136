package org.edgemec.mp1api.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.edgemec.mp1api.Json;
import org.junit.jupiter.api.Test;

/** Every schema of every served file has a Java type, with the same properties and enum values. */
class SchemaCoverageTest {

    private final ObjectMapper mapper = Json.newMapper();

    @Test
    void everySchemaOfEveryServedFileIsMapped() {
        List<String> missing = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        int entries = 0;
        Set<String> names = new HashSet<>();
        Set<Class<?>> classes = new HashSet<>();
        for (var file : SchemaMappings.all().entrySet()) {
            JsonNode schemas = EtsiSpecs.original(file.getKey()).path("components").path("schemas");
            Map<String, Class<?>> table = file.getValue();
            schemas.fieldNames().forEachRemaining(n -> {
                if (!table.containsKey(n)) {
                    missing.add(file.getKey() + ": " + n);
                }
                names.add(n);
            });
            table.keySet().stream().filter(n -> !schemas.has(n)).forEach(n -> unknown.add(file.getKey() + ": " + n));
            entries += schemas.size();
            classes.addAll(table.values());
        }
        assertTrue(missing.isEmpty(), "schemas without a Java type: " + missing);
        assertTrue(unknown.isEmpty(), "table entries that are not schemas of the file: " + unknown);
        System.out.printf("covered %d schema entries (%d names) of %d ETSI files with %d Java types%n",
                entries, names.size(), SchemaMappings.all().size(), classes.size());
        assertEquals(296, entries, "the served files changed: review the tables");
        assertEquals(190, names.size());
    }

    @Test
    void javaPropertiesEqualSchemaProperties() {
        List<String> problems = new ArrayList<>();
        for (var file : SchemaMappings.all().entrySet()) {
            for (var e : file.getValue().entrySet()) {
                String where = file.getKey() + " " + e.getKey() + " -> " + e.getValue().getSimpleName();
                JsonNode schema = EtsiSpecs.schemas(file.getKey()).get(e.getKey());
                Set<String> schemaProps = new TreeSet<>(EtsiSpecs.properties(file.getKey(), e.getKey()).keySet());
                Class<?> type = e.getValue();
                if (type.isEnum()) {
                    Set<String> wire = wireValues(type);
                    Set<String> spec = new TreeSet<>();
                    schema.path("enum").forEach(v -> spec.add(v.asText()));
                    if (!wire.equals(spec)) {
                        problems.add(where + ": enum " + wire + " != schema " + spec);
                    }
                } else if (Map.class.isAssignableFrom(type)) {
                    if (!schema.has("additionalProperties") || !schemaProps.isEmpty()) {
                        problems.add(where + ": a Map type needs a schema with only additionalProperties");
                    }
                } else if (type == JsonNode.class || type == String.class || type == Long.class) {
                    if (!schemaProps.isEmpty()) {
                        problems.add(where + ": schema has properties " + schemaProps);
                    }
                } else {
                    Map<String, BeanPropertyDefinition> javaProps = javaProperties(type);
                    if (!javaProps.keySet().equals(schemaProps)) {
                        Set<String> onlyJava = new TreeSet<>(javaProps.keySet());
                        onlyJava.removeAll(schemaProps);
                        Set<String> onlySchema = new TreeSet<>(schemaProps);
                        onlySchema.removeAll(javaProps.keySet());
                        problems.add(where + ": only in Java " + onlyJava + ", only in schema " + onlySchema);
                        continue;
                    }
                    checkInlineEnums(where, javaProps, EtsiSpecs.properties(file.getKey(), e.getKey()), problems);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** An inline enum of a property (or of its items) must have exactly the values of the Java enum. */
    private void checkInlineEnums(String where, Map<String, BeanPropertyDefinition> javaProps,
            Map<String, JsonNode> schemaProps, List<String> problems) {
        for (var p : schemaProps.entrySet()) {
            JsonNode s = p.getValue().has("items") ? p.getValue().get("items") : p.getValue();
            JavaType t = javaProps.get(p.getKey()).getPrimaryType();
            if (t.isContainerType()) {
                t = t.getContentType();
            }
            if (!s.has("enum")) {
                if (t.isEnumType()) {
                    JsonNode ref = s.get("$ref");
                    if (ref == null) {
                        problems.add(where + "." + p.getKey() + ": Java enum but no enum in the schema");
                    }
                }
                continue;
            }
            Set<String> spec = new TreeSet<>();
            s.get("enum").forEach(v -> spec.add(v.asText()));
            if (!t.isEnumType()) {
                problems.add(where + "." + p.getKey() + ": schema enum " + spec + " but Java " + t);
            } else if (!wireValues(t.getRawClass()).equals(spec)) {
                problems.add(where + "." + p.getKey() + ": Java " + wireValues(t.getRawClass()) + " != schema " + spec);
            }
        }
    }

    @Test
    void everyArtefactFixMatchesAServedFile() {
        List<String> stale = new ArrayList<>();
        for (ArtefactFixes.Fix fix : ArtefactFixes.FIXES) {
            boolean found = false;
            for (String file : SchemaMappings.all().keySet()) {
                if (!fix.file().equals("*") && !fix.file().equals(file)) {
                    continue;
                }
                String[] parts = fix.path().split("/");
                JsonNode n = EtsiSpecs.original(file).path("components").path("schemas");
                int depth = fix.op() == ArtefactFixes.Op.SET ? parts.length - 1 : parts.length;
                for (int i = 0; i < depth && !n.isMissingNode(); i++) {
                    n = n.path(parts[i]);
                }
                found |= !n.isMissingNode();
            }
            if (!found) {
                stale.add(fix.file() + " " + fix.path());
            }
        }
        assertTrue(stale.isEmpty(), "fixes that match nothing: " + stale);
        int applied = SchemaMappings.all().keySet().stream().mapToInt(EtsiSpecs::fixesApplied).sum();
        System.out.printf("%d artefact fixes, applied %d times%n", ArtefactFixes.FIXES.size(), applied);
    }

    private Map<String, BeanPropertyDefinition> javaProperties(Class<?> type) {
        JavaType jt = mapper.constructType(type);
        BeanDescription d = mapper.getSerializationConfig().introspect(jt);
        Map<String, BeanPropertyDefinition> out = new java.util.TreeMap<>();
        for (BeanPropertyDefinition p : d.findProperties()) {
            out.put(p.getName(), p);
        }
        return out;
    }

    private Set<String> wireValues(Class<?> enumType) {
        Set<String> out = new TreeSet<>();
        for (Object c : enumType.getEnumConstants()) {
            out.add(mapper.valueToTree(c).asText());
        }
        return out;
    }

    static void failWith(String message) {
        fail(message);
    }
}
