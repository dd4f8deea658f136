package org.edgemec.mp1api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.edgemec.mp1api.common.TimeStamp;
import org.edgemec.mp1api.events.ServiceStartedEvent;
import org.edgemec.mp1api.mec011.appsupport.AppInfo;
import org.edgemec.mp1api.mec011.appsupport.DnsRule;
import org.edgemec.mp1api.mec011.appsupport.TrafficRule;
import org.edgemec.mp1api.mec021.AmsNotification;
import org.edgemec.mp1api.mec021.AmsSubscription;
import org.edgemec.mp1api.mec021.MobilityProcedureNotification;
import org.edgemec.mp1api.mec021.MobilityProcedureSubscription;
import org.edgemec.mp1api.mec021.MobilityStatus;
import org.edgemec.mp1api.mec0102.lcm.AppLcmOpOccSubscriptionRequest;
import org.edgemec.mp1api.mec0102.lcm.LcmSubscriptionRequest;
import org.edgemec.mp1api.mec011.servicemgmt.ServiceInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input is rejected with a message that names the field; polymorphic bodies pick the right type. */
class ErrorsTest {

    private static ValidatorFactory factory;
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

    private static final String RULE = """
            {"trafficRuleId":"tr-1","filterType":"FLOW","priority":%s,
             "trafficFilter":[{"srcAddress":["10.0.0.1"]}],"action":"DROP","state":%s}""";

    @Test
    void unknownFieldIsRejectedAndNamed() {
        var e = assertThrows(UnrecognizedPropertyException.class,
                () -> mapper.readValue("{\"appName\":\"a\",\"appNmae\":\"typo\"}", AppInfo.class));
        assertEquals("appNmae", e.getPropertyName());
        assertTrue(e.getMessage().contains("\"appNmae\""), e.getMessage());
    }

    @Test
    void stringWhereNumberIsExpectedIsRejectedAndNamed() {
        var e = assertThrows(JsonMappingException.class,
                () -> mapper.readValue(RULE.formatted("\"high\"", "\"ACTIVE\""), TrafficRule.class));
        assertTrue(e.getMessage().contains("[\"priority\"]"), e.getMessage());
        // no silent coercion of a numeric string either
        var e2 = assertThrows(JsonMappingException.class,
                () -> mapper.readValue(RULE.formatted("\"1\"", "\"ACTIVE\""), TrafficRule.class));
        assertTrue(e2.getMessage().contains("[\"priority\"]"), e2.getMessage());
        // and the same JSON with a number is fine
        assertEquals(1, assertDoesNotThrowRead(RULE.formatted("1", "\"ACTIVE\""), TrafficRule.class).priority());
    }

    @Test
    void numberWhereStringIsExpectedIsRejectedAndNamed() {
        var e = assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"appName\":5}", AppInfo.class));
        assertTrue(e.getMessage().contains("[\"appName\"]"), e.getMessage());
    }

    @Test
    void existingMapperConfiguredLikeQuarkusRejectsCoercionToo() {
        // services configure the framework's mapper in place (ObjectMapperCustomizer), not a new one
        var configured = Json.configure(new ObjectMapper());
        assertThrows(JsonMappingException.class,
                () -> configured.readValue(RULE.formatted("\"1\"", "\"ACTIVE\""), TrafficRule.class));
        assertThrows(JsonMappingException.class, () -> configured.readValue("{\"appName\":5}", AppInfo.class));
    }

    @Test
    void unknownEnumValueIsRejectedAndNamed() {
        var e = assertThrows(JsonMappingException.class,
                () -> mapper.readValue(RULE.formatted("1", "\"BROKEN\""), TrafficRule.class));
        assertTrue(e.getMessage().contains("[\"state\"]") && e.getMessage().contains("BROKEN"), e.getMessage());
        var dns = """
                {"dnsRuleId":"d","domainName":"x.example","ipAddressType":"SEE_DESCRIPTION","ipAddress":"1.2.3.4","state":"ACTIVE"}""";
        var e2 = assertThrows(JsonMappingException.class, () -> mapper.readValue(dns, DnsRule.class));
        assertTrue(e2.getMessage().contains("[\"ipAddressType\"]"), e2.getMessage());
    }

    @Test
    void unknownNumericEnumValueIsRejectedAndNamed() {
        String json = """
                {"notificationType":"MobilityProcedureNotification","associateId":[{"type":"UE_IPv4_ADDRESS","value":"10.0.0.1"}],
                 "mobilityStatus":%d,"_links":{"subscription":{"href":"http://x.example/s/1"}}}""";
        var ok = assertDoesNotThrowRead(json.formatted(2), MobilityProcedureNotification.class);
        assertEquals(MobilityStatus.INTERHOST_MOVEOUT_COMPLETED, ok.mobilityStatus());
        assertEquals(2, mapper.valueToTree(ok).get("mobilityStatus").asInt());
        var e = assertThrows(JsonMappingException.class,
                () -> mapper.readValue(json.formatted(7), MobilityProcedureNotification.class));
        assertTrue(e.getMessage().contains("[\"mobilityStatus\"]"), e.getMessage());
    }

    @Test
    void discriminatorSelectsTheSubtype() throws Exception {
        String sub = """
                {"subscriptionType":"MobilityProcedureSubscription","callbackReference":"http://app.example/cb",
                 "filterCriteria":{"appInstanceId":"a1","mobilityStatus":[1,3]}}""";
        AmsSubscription s = mapper.readValue(sub, AmsSubscription.class);
        MobilityProcedureSubscription m = assertInstanceOf(MobilityProcedureSubscription.class, s);
        assertEquals(List.of(MobilityStatus.INTERHOST_MOVEOUT_TRIGGERED, MobilityStatus.INTERHOST_MOVEOUT_FAILED),
                m.filterCriteria().mobilityStatus());
        // the discriminator is written once (it is the record's own property)
        assertEquals(sub.replaceAll("\\s", ""), mapper.writeValueAsString(s));

        String lcm = """
                {"subscriptionType":"AppLcmOpOccStateChangeSubscription","callbackUri":"http://meo.example/cb"}""";
        assertInstanceOf(AppLcmOpOccSubscriptionRequest.class, mapper.readValue(lcm, LcmSubscriptionRequest.class));

        var e = assertThrows(InvalidTypeIdException.class, () -> mapper.readValue(
                "{\"notificationType\":\"NoSuchNotification\"}", AmsNotification.class));
        assertTrue(e.getMessage().contains("NoSuchNotification"), e.getMessage());
    }

    @Test
    void missingMandatoryFieldsAreNamedByBeanValidation() throws Exception {
        AppInfo noName = mapper.readValue("{\"appProvider\":\"ACME\"}", AppInfo.class);
        assertEquals(Set.of("appName"), paths(validator.validate(noName)));

        TrafficRule rule = mapper.readValue("""
                {"trafficRuleId":" ","filterType":"FLOW","priority":1,"trafficFilter":[],"action":"DROP"}""",
                TrafficRule.class);
        assertEquals(Set.of("trafficRuleId", "trafficFilter", "state"), paths(validator.validate(rule)));

        // @Valid cascades into nested records: the bad href is reported with its full path
        ServiceInfo info = mapper.readValue("""
                {"serName":"loc","version":"1","state":"ACTIVE","serializer":"JSON",
                 "_links":{"self":{"href":""}}}""", ServiceInfo.class);
        assertEquals(Set.of("links.self.href"), paths(validator.validate(info)));
    }

    @Test
    void mapperWritesIsoDatesAndOmitsNulls() throws Exception {
        ServiceStartedEvent event = ServiceStartedEvent.of("mec-platform", "mec-platform-0", "0.1.0");
        var tree = mapper.valueToTree(event);
        assertTrue(tree.get("time").isTextual() && tree.get("time").asText().endsWith("Z"), tree.toString());
        assertEquals(36, tree.get("id").asText().length());
        assertEquals(event, mapper.readValue(mapper.writeValueAsString(event), ServiceStartedEvent.class));
        assertTrue(validator.validate(event).isEmpty());
        assertFalse(mapper.writeValueAsString(new AppInfo("a", null, null, null, null, null, null, null, null,
                null, null, null)).contains("null"));
        TimeStamp ts = TimeStamp.of(java.time.Instant.parse("2026-01-01T00:00:00.5Z"));
        assertEquals(java.time.Instant.parse("2026-01-01T00:00:00.5Z"), ts.toInstant());
    }

    private <T> T assertDoesNotThrowRead(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> paths(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }
}
