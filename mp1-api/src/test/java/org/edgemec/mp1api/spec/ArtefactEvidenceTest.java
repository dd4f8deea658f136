package org.edgemec.mp1api.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.edgemec.mp1api.Json;
import org.junit.jupiter.api.Test;

/** The fixes matter: the unfixed file rejects real values, the fixed one rejects wrong ones. */
class ArtefactEvidenceTest {

    private final ObjectMapper mapper = Json.newMapper();

    private static final String RULE = """
            {"trafficRuleId":"tr-1","filterType":"FLOW","priority":1,"trafficFilter":[{}],"action":"%s","state":"ACTIVE"}""";

    @Test
    void placeholderEnumsRejectRealValuesUntilFixed() throws Exception {
        var json = mapper.readTree(RULE.formatted("DROP"));
        var root = mapper.createObjectNode();
        root.put("$ref", "#/components/schemas/TrafficRule");
        root.set("components", EtsiSpecs.original(SchemaMappings.APP_SUPPORT).get("components"));
        var unfixed = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
        assertFalse(unfixed.validate(json).isEmpty(), "the V3 file is expected to reject DROP (artefact)");

        var fixed = EtsiSpecs.validator(SchemaMappings.APP_SUPPORT, "TrafficRule");
        assertTrue(fixed.validate(json).isEmpty());
        assertFalse(fixed.validate(mapper.readTree(RULE.formatted("EXPLODE"))).isEmpty());
    }

    @Test
    void uriFormatIsAsserted() throws Exception {
        var fixed = EtsiSpecs.validator(SchemaMappings.SERVICE_MGMT, "LinkType");
        assertTrue(fixed.validate(mapper.readTree("{\"href\":\"http://x.example/a\"}")).isEmpty());
        assertFalse(fixed.validate(mapper.readTree("{\"href\":\"not a uri\"}")).isEmpty());
    }
}
