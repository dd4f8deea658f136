package org.edgemec.platform.appsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Validates response bodies against the unmodified ETSI OpenAPI files shipped in mp1-api (etsi-openapi/), with the
 * one artefact fix that touches the bodies checked here (Service Mgmt OAuth2Info.grantTypes is a list; see mp1-api).
 */
public final class EtsiSchemas {

    public static final String APP_SUPPORT = "MecAppSupportApi.yaml";
    public static final String SERVICE_MGMT = "MecServiceMgmtApi.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> COMPONENTS = new ConcurrentHashMap<>();

    private EtsiSchemas() {
    }

    public static void assertValid(String file, String schema, String json) {
        ObjectNode root = YAML.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + schema);
        root.set("components", components(file));
        var validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(root, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        try {
            Set<ValidationMessage> errors = validator.validate(JSON.readTree(json));
            assertTrue(errors.isEmpty(), schema + " invalid against " + file + ": " + errors + "\n" + json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode components(String file) {
        return COMPONENTS.computeIfAbsent(file, f -> {
            try (InputStream in = EtsiSchemas.class.getResourceAsStream("/etsi-openapi/" + f)) {
                ObjectNode components = (ObjectNode) YAML.readTree(in).get("components");
                ObjectNode oauth = (ObjectNode) components.path("schemas").path("OAuth2Info").path("properties");
                if (oauth.has("grantTypes")) {
                    oauth.set("grantTypes", YAML.readTree("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}"));
                }
                return components;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
