package org.edgemec.mp1api.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.edgemec.mp1api.Json;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every mapping: a sample with every property set validates against the (fixed) ETSI schema, carries
 * every schema property, and survives deserialize + serialize unchanged.
 */
class SchemaRoundTripTest {

    /** Properties a sample cannot fill: the only self-reference of the files (see SwImageDesc). */
    private static final Set<String> UNFILLABLE = Set.of("SwImageDesc.swImage");

    private final ObjectMapper mapper = Json.newMapper();

    @TestFactory
    Stream<DynamicTest> samplesValidateAndRoundTrip() {
        List<DynamicTest> tests = new ArrayList<>();
        for (var file : SchemaMappings.all().entrySet()) {
            for (var e : new java.util.TreeMap<>(file.getValue()).entrySet()) {
                tests.add(DynamicTest.dynamicTest(file.getKey() + " " + e.getKey(),
                        () -> check(file.getKey(), e.getKey(), e.getValue())));
            }
        }
        return tests.stream();
    }

    private void check(String file, String name, Class<?> type) throws Exception {
        JsonNode schema = EtsiSpecs.schemas(file).get(name);
        Object sample = SampleBuilder.sample(type, schema);
        JsonNode json = mapper.valueToTree(sample);

        Set<ValidationMessage> errors = EtsiSpecs.validator(file, name).validate(json);
        assertTrue(errors.isEmpty(), name + " sample " + json + " is invalid: " + errors);

        if (json.isObject()) {
            Set<String> expected = new TreeSet<>(EtsiSpecs.properties(file, name).keySet());
            expected.removeIf(p -> UNFILLABLE.contains(name + "." + p));
            Set<String> actual = new TreeSet<>();
            json.fieldNames().forEachRemaining(actual::add);
            if (!Map.class.isAssignableFrom(type) && type != JsonNode.class) {
                assertEquals(expected, actual, name + ": the sample must carry every schema property");
            }
        }

        Object back = mapper.treeToValue(json, type);
        JsonCompare.assertSameJson(json, mapper.valueToTree(back), name + ": lost data on the round trip");
    }
}
