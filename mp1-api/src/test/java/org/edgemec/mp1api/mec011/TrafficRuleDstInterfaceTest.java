package org.edgemec.mp1api.mec011;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.edgemec.mp1api.Json;
import org.edgemec.mp1api.mec011.appsupport.TrafficRule;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TrafficRule.dstInterface: one object in the OpenAPI file, 0..2 in the ETSI data model; both are read. */
class TrafficRuleDstInterfaceTest {

    private static final ObjectMapper JSON = Json.newMapper();
    private static final String RULE = """
            {"trafficRuleId": "tr1", "filterType": "FLOW", "priority": 1, "trafficFilter": [{"dstAddress": ["10.0.0.1"]}],
             "action": "FORWARD_DECAPSULATED", "state": "ACTIVE", "dstInterface": %s}""";
    private static final String DST = "{\"interfaceType\": \"IP\", \"dstIpAddress\": \"10.88.0.%d\"}";

    @Test
    void shouldReadTheFilesSingleObjectAndWriteItBackAsOne() throws Exception {
        TrafficRule rule = JSON.readValue(RULE.formatted(DST.formatted(5)), TrafficRule.class);
        assertEquals(1, rule.dstInterface().size());
        assertEquals("10.88.0.5", rule.dstInterface().get(0).dstIpAddress());
        assertTrue(JSON.readTree(JSON.writeValueAsString(rule)).path("dstInterface").isObject());
    }

    @Test
    void shouldReadTheDataModelsArrayOfTwoAndWriteItBackAsAnArray() throws Exception {
        TrafficRule rule = JSON.readValue(RULE.formatted("[" + DST.formatted(5) + ", " + DST.formatted(6) + "]"),
                TrafficRule.class);
        assertEquals("10.88.0.6", rule.dstInterface().get(1).dstIpAddress());
        assertEquals(2, JSON.readTree(JSON.writeValueAsString(rule)).path("dstInterface").size());
    }

    @Test
    void shouldRefuseMoreThanTwoInterfaces() throws Exception {
        TrafficRule rule = JSON.readValue(RULE.formatted("[" + DST.formatted(5) + ", " + DST.formatted(6) + ", "
                + DST.formatted(7) + "]"), TrafficRule.class);
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        assertTrue(validator.validate(rule).stream().anyMatch(v -> v.getPropertyPath().toString().equals("dstInterface")));
    }
}
