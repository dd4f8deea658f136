package org.edgemec.relocation.api.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.mp1api.Json;
import org.edgemec.mp1api.mec021.RegistrationInfo;
import org.junit.jupiter.api.Test;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attribute selectors on RegistrationInfo: which attributes each combination keeps, and which are refused. */
class AttributeSelectorTest {

    private static final ObjectMapper JSON = Json.newMapper();
    private static final AttributeSchema SCHEMA = AttributeSchema.of(RegistrationInfo.class);
    private static final JsonNode REGISTRATION;

    static {
        try {
            REGISTRATION = JSON.readTree("""
                    {"appMobilityServiceId":"ams-1","serviceConsumerId":{"appInstanceId":"app-1"},
                     "deviceInformation":[{"associateId":{"type":"UE_IPv4_ADDRESS","value":"10.0.0.1"},
                                           "appMobilityServiceLevel":{"appMobilityServiceLevel":2}}],
                     "expiryTime":60}""");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A type with optional complex attributes side by side, which RegistrationInfo does not have. */
    record Sample(@NotNull String id, Part one, List<Part> many, @NotNull Part required) {
    }

    record Part(String name, Leaf leaf) {
    }

    record Leaf(String value) {
    }

    @Test
    void shouldOfferOnlyOptionalComplexAttributes() {
        Map<String, AttributeSchema.Attribute> complex = SCHEMA.complexPaths();
        assertEquals(Set.of("serviceConsumerId", "deviceInformation", "deviceInformation/associateId",
                "deviceInformation/appMobilityServiceLevel"), complex.keySet());
        assertEquals(Set.of("deviceInformation", "deviceInformation/appMobilityServiceLevel"),
                complex.entrySet().stream().filter(e -> !e.getValue().mandatory()).map(Map.Entry::getKey)
                        .collect(Collectors.toSet()));
    }

    @Test
    void shouldKeepOnlyListedOptionalComplexAttributesWithFields() throws Exception {
        AttributeSchema schema = AttributeSchema.of(Sample.class);
        JsonNode sample = JSON.readTree("""
                {"id":"s","one":{"name":"o","leaf":{"value":"1"}},
                 "many":[{"name":"m1","leaf":{"value":"2"}},{"name":"m2"}],
                 "required":{"name":"r","leaf":{"value":"3"}}}""");
        JsonNode one = AttributeSelector.of(false, "one", null, false, schema, Set.of()).apply(sample);
        assertEquals(sample.get("one"), one.get("one"), "a listed attribute comes with everything inside it");
        assertFalse(one.has("many"));
        assertFalse(one.at("/required").has("leaf"), "optional complex attributes of mandatory ones are selectable");
        assertEquals("r", one.at("/required/name").asText());
        assertEquals("s", one.get("id").asText());

        JsonNode leaves = AttributeSelector.of(false, "many/leaf", null, false, schema, Set.of()).apply(sample);
        assertFalse(leaves.has("one"));
        assertEquals(sample.get("many"), leaves.get("many"), "a listed child keeps its parent");
    }

    @Test
    void shouldReturnEverythingWithoutSelectorOrWithAllFieldsOrExcludeDefault() {
        assertEquals(REGISTRATION, select(false, null, null, false).apply(REGISTRATION));
        assertEquals(REGISTRATION, select(true, null, null, false).apply(REGISTRATION));
        // the file's default exclude set of RegistrationInfo is "n/a"
        assertEquals(REGISTRATION, select(false, null, null, true).apply(REGISTRATION));
    }

    @Test
    void shouldKeepEveryAttributeOfRegistrationInfoForAnyValidFieldsList() {
        JsonNode nested = select(false, "deviceInformation/appMobilityServiceLevel", null, false).apply(REGISTRATION);
        assertEquals(REGISTRATION, nested);
        JsonNode whole = select(false, "deviceInformation", null, false).apply(REGISTRATION);
        assertEquals(REGISTRATION, whole);
        // fields must name something; every listed attribute is an optional complex one
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> select(false, "serviceConsumerId", null, false));
        assertEquals("fields", e.field());
    }

    @Test
    void shouldExcludeListedFieldsInEveryArrayElement() {
        JsonNode levelGone = select(false, null, "deviceInformation/appMobilityServiceLevel", false)
                .apply(REGISTRATION);
        assertFalse(levelGone.at("/deviceInformation/0").has("appMobilityServiceLevel"));
        assertEquals("10.0.0.1", levelGone.at("/deviceInformation/0/associateId/value").asText());
        assertTrue(REGISTRATION.at("/deviceInformation/0").has("appMobilityServiceLevel"), "input untouched");
        JsonNode devicesGone = select(false, null, "deviceInformation", false).apply(REGISTRATION);
        assertFalse(devicesGone.has("deviceInformation"));
        assertEquals("app-1", devicesGone.at("/serviceConsumerId/appInstanceId").asText());
        assertEquals(60, devicesGone.get("expiryTime").asInt());
    }

    @Test
    void shouldKeepListedAttributesOfTheDefaultSetWithExcludeDefaultAndFields() {
        AttributeSelector selector = AttributeSelector.of(false, "deviceInformation/appMobilityServiceLevel", null,
                true, SCHEMA, Set.of("deviceInformation"));
        assertEquals(REGISTRATION, selector.apply(REGISTRATION));
        AttributeSelector withoutList = AttributeSelector.of(false, null, null, true, SCHEMA,
                Set.of("deviceInformation"));
        assertFalse(withoutList.apply(REGISTRATION).has("deviceInformation"));
    }

    @Test
    void shouldRefuseCombinationsEtsiDoesNotDefine() {
        assertEquals("all_fields", assertThrows(InvalidFieldException.class,
                () -> select(true, "deviceInformation", null, false)).field());
        assertEquals("all_fields", assertThrows(InvalidFieldException.class,
                () -> select(true, null, null, true)).field());
        assertEquals("exclude_fields", assertThrows(InvalidFieldException.class,
                () -> select(false, "deviceInformation", "deviceInformation", false)).field());
        assertEquals("exclude_fields", assertThrows(InvalidFieldException.class,
                () -> select(false, null, "deviceInformation", true)).field());
    }

    @Test
    void shouldRefuseUnknownSimpleOrEmptyNames() {
        for (String list : new String[] {"bogus", "expiryTime", "deviceInformation/associateId", "", "deviceInformation,"}) {
            InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> select(false, null, list, false),
                    list);
            assertEquals("exclude_fields", e.field());
        }
    }

    private static AttributeSelector select(boolean all, String fields, String exclude, boolean excludeDefault) {
        return AttributeSelector.of(all, fields, exclude, excludeDefault, SCHEMA, Set.of());
    }
}
