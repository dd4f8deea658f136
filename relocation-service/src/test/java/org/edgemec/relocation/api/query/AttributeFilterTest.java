package org.edgemec.relocation.api.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.mp1api.Json;
import org.edgemec.mp1api.mec021.RegistrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ETSI filter grammar and its evaluation on RegistrationInfo, without a server. */
class AttributeFilterTest {

    private static final ObjectMapper JSON = Json.newMapper();
    private static final AttributeSchema SCHEMA = AttributeSchema.of(RegistrationInfo.class);
    private static final JsonNode REGISTRATION = read("""
            {"appMobilityServiceId":"ams-1","serviceConsumerId":{"appInstanceId":"app,one (it's)"},
             "deviceInformation":[
               {"associateId":{"type":"UE_IPv4_ADDRESS","value":"10.0.0.1"},
                "appMobilityServiceLevel":{"appMobilityServiceLevel":2},"contextTransferState":0},
               {"associateId":{"type":"UE_IPV6_ADDRESS","value":"2001:db8::7"}}],
             "expiryTime":3600}""");

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "(eq,appMobilityServiceId,ams-1) | true",
            "(eq,appMobilityServiceId,ams-2) | false",
            "(neq,appMobilityServiceId,ams-2) | true",
            "(in,appMobilityServiceId,x,ams-1,y) | true",
            "(nin,appMobilityServiceId,x,ams-1) | false",
            "(eq,serviceConsumerId/appInstanceId,'app,one (it''s)') | true",
            "(cont,serviceConsumerId/appInstanceId,'(it''s)') | true",
            "(ncont,serviceConsumerId/appInstanceId,zzz,yyy) | true",
            "(eq,serviceConsumerId/mepId,m) | false",
            "(neq,serviceConsumerId/mepId,m) | true",
            "(eq,deviceInformation/associateId/value,2001:db8::7) | true",
            "(eq,deviceInformation/associateId/type,UE_IPV6_ADDRESS) | true",
            "(neq,deviceInformation/associateId/type,UE_IPV6_ADDRESS) | false",
            "(eq,deviceInformation/appMobilityServiceLevel/appMobilityServiceLevel,2) | true",
            "(eq,deviceInformation/contextTransferState,1) | false",
            "(gt,expiryTime,3599) | true",
            "(gte,expiryTime,3600) | true",
            "(lt,expiryTime,3600) | false",
            "(lte,expiryTime,3600.0) | true",
            "(gt,expiryTime,1e3) | true",
            "(eq,expiryTime,3600);(eq,appMobilityServiceId,ams-1) | true",
            "(eq,expiryTime,3600);(eq,appMobilityServiceId,ams-2) | false",
            "(eq,deviceInformation.associateId.value,10.0.0.1) | true"
    })
    void shouldEvaluateExpressions(String filter, boolean expected) {
        assertEquals(expected, AttributeFilter.parse(filter, SCHEMA).test(REGISTRATION), filter);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"\" | must not be empty",
            "eq,appMobilityServiceId,x | expected '('",
            "(eq,appMobilityServiceId,x | not closed",
            "(eq,appMobilityServiceId) | needs an operator, an attribute and a value",
            "(like,appMobilityServiceId,x) | 'like' is not one of",
            "(eq,appMobilityServiceId,x,y) | exactly one value",
            "(eq,bogus,x) | 'bogus' in 'bogus' is not an attribute of RegistrationInfo",
            "(eq,deviceInformation/associateId/colour,x) | 'colour' in",
            "(eq,serviceConsumerId,x) | is a structure",
            "(eq,expiryTime/x,1) | has no attributes",
            "(eq,expiryTime,soon) | is not a number",
            "(cont,expiryTime,1) | needs a string attribute",
            "(eq,appMobilityServiceId,x)(eq,expiryTime,1) | expected ';'",
            "(eq,appMobilityServiceId,x); | expected '('",
            "(eq,appMobilityServiceId,'x) | is not closed",
            "(eq,appMobilityServiceId,'x'y) | must be followed by",
            "(eq,appMobilityServiceId,it's) | quote inside a value",
            "(eq,,x) | empty name"
    })
    void shouldRejectMalformedFiltersNamingTheParameter(String filter, String reason) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> AttributeFilter.parse(filter, SCHEMA));
        assertEquals("filter", e.field());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void shouldMatchEverythingWithoutFilter() {
        assertTrue(AttributeFilter.none().test(REGISTRATION));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.valueToTree(JSON.readValue(json, RegistrationInfo.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
