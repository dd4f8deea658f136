package org.edgemec.relocation.api.query;

import jakarta.ws.rs.core.MultivaluedMap;
import org.edgemec.common.error.InvalidFieldException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Raw query strings as clients send them, ';' in a filter included. */
class QueryParametersTest {

    @Test
    void shouldSplitOnlyAtAmpersandsAndDecode() {
        MultivaluedMap<String, String> p = QueryParameters.parse(
                "filter=(eq,a/b,x);(neq,c,%27y%2Cz%27)&all_fields&fields=a,b%2Fc&&exclude_default=");
        assertEquals(List.of("(eq,a/b,x);(neq,c,'y,z')"), p.get("filter"));
        assertEquals(List.of(""), p.get("all_fields"));
        assertEquals(List.of("a,b/c"), p.get("fields"));
        assertEquals(List.of(""), p.get("exclude_default"));
        assertEquals(4, p.size());
        assertTrue(QueryParameters.parse(null).isEmpty());
        assertTrue(QueryParameters.parse("").isEmpty());
    }

    @Test
    void shouldNameTheParameterOfAMalformedEncoding() {
        InvalidFieldException e = assertThrows(InvalidFieldException.class,
                () -> QueryParameters.parse("filter=(eq,a,%zz)"));
        assertEquals("filter", e.field());
    }
}
