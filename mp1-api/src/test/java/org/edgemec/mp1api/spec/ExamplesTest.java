package org.edgemec.mp1api.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.InputStream;
import java.util.stream.Stream;
import org.edgemec.mp1api.Json;
import org.edgemec.mp1api.common.ProblemDetails;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hand-written, realistic bodies: valid against the ETSI schema, no Bean Validation violation, lossless. */
class ExamplesTest {

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;
    private final ObjectMapper mapper = Json.newMapper();

    @BeforeAll
    static void init() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("AppInfo.json", SchemaMappings.APP_SUPPORT, "AppInfo"),
                Arguments.of("TrafficRule.json", SchemaMappings.APP_SUPPORT, "TrafficRule"),
                Arguments.of("DnsRule.json", SchemaMappings.APP_SUPPORT, "DnsRule"),
                Arguments.of("ServiceInfo.json", SchemaMappings.SERVICE_MGMT, "ServiceInfo"),
                Arguments.of("RegistrationInfo.json", SchemaMappings.AMS, "RegistrationInfo"),
                Arguments.of("AppD.json", SchemaMappings.PKGM, "AppD"),
                Arguments.of("AppPkgInfo.json", SchemaMappings.PKGM, "AppPkgInfo"),
                Arguments.of("AppInstanceInfo.json", SchemaMappings.LCM, "AppInstanceInfo"),
                Arguments.of("AppLcmOpOcc.json", SchemaMappings.LCM, "AppLcmOpOcc"),
                Arguments.of("GrantRequest.json", SchemaMappings.GRANT, "GrantRequest"),
                Arguments.of("Grant.json", SchemaMappings.GRANT, "Grant"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleValidatesAndRoundTrips(String example, String file, String schema) throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/examples/" + example)) {
            assertNotNull(in, example);
            json = mapper.readTree(in);
        }
        var errors = EtsiSpecs.validator(file, schema).validate(json);
        assertTrue(errors.isEmpty(), example + " invalid against " + file + "#" + schema + ": " + errors);

        Class<?> type = SchemaMappings.all().get(file).get(schema);
        Object value = mapper.treeToValue(json, type);
        assertTrue(validator.validate(value).isEmpty(), example + ": " + validator.validate(value));
        JsonCompare.assertSameJson(json, mapper.valueToTree(value), example + " changed on the round trip");
    }

    @ParameterizedTest(name = "ProblemDetails valid in {1}")
    @MethodSource("examples")
    void problemDetailsIsTheSameEverywhere(String example, String file, String schema) {
        // ProblemDetails is one Java type for the six files: a value built here validates against each
        JsonNode p = mapper.valueToTree(new ProblemDetails("https://mec.example/problems/x", "Not Found", 404L,
                "no such " + schema, "https://mec.example/x"));
        assertTrue(EtsiSpecs.validator(file, "ProblemDetails").validate(p).isEmpty());
    }
}
