package org.edgemec.mp1api.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/** Loads the served ETSI files (read-only reference data), applies {@link ArtefactFixes}, builds validators. */
final class EtsiSpecs {

    /** The unmodified ETSI files shipped with this module (src/main/resources/etsi-openapi). */
    static final String RESOURCE_DIR = "/etsi-openapi/";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, ObjectNode> ORIGINAL = new HashMap<>();
    private static final Map<String, ObjectNode> FIXED = new HashMap<>();
    private static final Map<String, Integer> APPLIED = new HashMap<>();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    private EtsiSpecs() {
    }

    static synchronized ObjectNode original(String file) {
        return ORIGINAL.computeIfAbsent(file, f -> {
            try {
                try (InputStream in = EtsiSpecs.class.getResourceAsStream(RESOURCE_DIR + f)) {
                    if (in == null) {
                        throw new IOException("missing ETSI file " + RESOURCE_DIR + f);
                    }
                    return (ObjectNode) YAML.readTree(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The whole document with the artefact fixes applied to components.schemas. */
    static synchronized ObjectNode fixed(String file) {
        return FIXED.computeIfAbsent(file, f -> {
            ObjectNode copy = original(f).deepCopy();
            APPLIED.put(f, ArtefactFixes.apply(f, (ObjectNode) copy.path("components").path("schemas"), YAML));
            return copy;
        });
    }

    static int fixesApplied(String file) {
        fixed(file);
        return APPLIED.get(file);
    }

    static ObjectNode schemas(String file) {
        return (ObjectNode) fixed(file).path("components").path("schemas");
    }

    /** A JSON Schema 2020-12 validator for #/components/schemas/name of the fixed document. */
    static JsonSchema validator(String file, String name) {
        ObjectNode root = YAML.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + name);
        root.set("components", fixed(file).get("components"));
        return FACTORY.getSchema(root, CONFIG);
    }

    /** The schema of name with a top-level allOf merged (properties and required), for field comparisons. */
    static Map<String, JsonNode> properties(String file, String name) {
        Map<String, JsonNode> props = new java.util.LinkedHashMap<>();
        collect(file, schemas(file).get(name), props);
        return props;
    }

    private static void collect(String file, JsonNode schema, Map<String, JsonNode> props) {
        if (schema == null) {
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            collect(file, schemas(file).get(ref.substring(ref.lastIndexOf('/') + 1)), props);
        }
        schema.path("properties").fields().forEachRemaining(e -> props.put(e.getKey(), e.getValue()));
        for (JsonNode part : schema.path("allOf")) {
            collect(file, part, props);
        }
    }
}
