package org.edgemec.common.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.edgemec.mp1api.Json;
import org.edgemec.mp1api.mec0102.lcm.CancelMode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UnknownFieldHandlerTest {

    record Resource(String resourceTemplateId, Integer amount) {
    }

    record Grant(String appInstanceId, List<Resource> addResources, Resource main) {
    }

    public static class Holder {
        public String name;
        public Grant grant;
    }

    private final UnknownFields fields = new UnknownFields();
    private final ObjectMapper mapper = Json.newMapper().addHandler(new UnknownFieldHandler(() -> Optional.of(fields)));

    @Test
    void shouldSkipUnknownFieldsAtAnyDepthAndNameTheirPaths() throws Exception {
        Holder read = mapper.readValue("""
                {"name": "n", "extra": {"deep": [1, 2]},
                 "grant": {"appInstanceId": "a", "note": "x",
                           "addResources": [{"resourceTemplateId": "t", "resourceDefinitionId": "d", "amount": 2}],
                           "main": {"amount": 1, "unit": "MiB"}}}
                """, Holder.class);

        assertEquals("n", read.name);
        assertEquals(2, read.grant.addResources().get(0).amount());
        assertEquals(1, read.grant.main().amount());
        assertEquals(Set.of("extra", "grant.note", "grant.addResources[0].resourceDefinitionId", "grant.main.unit"),
                Set.copyOf(fields.ignored()));
    }

    @Test
    void shouldRefuseUnknownFieldsWhenStrict() {
        fields.mode(FieldValidation.STRICT);
        UnrecognizedPropertyException e = assertThrows(UnrecognizedPropertyException.class,
                () -> mapper.readValue("{\"name\": \"n\", \"extra\": 1}", Holder.class));
        assertEquals("extra", e.getPropertyName());
    }

    @Test
    void shouldRefuseUnknownFieldsOfAPolymorphicTreeWhenStrict() throws Exception {
        fields.mode(FieldValidation.STRICT);
        var tree = mapper.readTree("""
                {"subscriptionType": "AdjacentAppInfoSubscription", "callbackReference": "http://127.0.0.1:1/cb",
                 "filterCriteria": {"appInstanceId": "a"}, "colour": "blue"}
                """);
        UnrecognizedPropertyException e = assertThrows(UnrecognizedPropertyException.class,
                () -> mapper.treeToValue(tree, org.edgemec.mp1api.mec021.AmsSubscription.class));
        assertEquals("colour", e.getPropertyName());
    }

    @Test
    void shouldAcceptSilentlyWhenIgnore() throws Exception {
        fields.mode(FieldValidation.IGNORE);
        assertEquals("n", mapper.readValue("{\"name\": \"n\", \"extra\": 1}", Holder.class).name);
        assertEquals(List.of(), fields.ignored());
    }

    @Test
    void shouldStayStrictOutsideARequest() {
        ObjectMapper outside = Json.newMapper().addHandler(new UnknownFieldHandler(Optional::empty));
        assertThrows(UnrecognizedPropertyException.class,
                () -> outside.readValue("{\"name\": \"n\", \"extra\": 1}", Holder.class));
    }

    @Test
    void shouldReadCancelModeInBothSpellingsOfItsFieldAndValue() throws Exception {
        assertEquals(CancelMode.Mode.FORCED, mapper.readValue("{\"CancelMode\": \"FORCED\"}", CancelMode.class).cancelMode());
        assertEquals(CancelMode.Mode.FORCED, mapper.readValue("{\"cancelMode\": \"FORCEFUL\"}", CancelMode.class).cancelMode());
        assertEquals(CancelMode.Mode.GRACEFUL, mapper.readValue("{\"cancelMode\": \"GRACEFUL\"}", CancelMode.class).cancelMode());
        assertEquals(List.of(), fields.ignored());
    }
}
