package org.edgemec.common.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.edgemec.mp1api.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NoNulStringDeserializerTest {

    record Named(String name, List<String> tags) {
    }

    private final ObjectMapper mapper = Json.newMapper().registerModule(new SimpleModule()
            .addDeserializer(String.class, new NoNulStringDeserializer()));

    @Test
    void shouldRefuseANulInAFieldOrAListNamingIt() {
        InvalidFormatException field = assertThrows(InvalidFormatException.class,
                () -> mapper.readValue("{\"name\": \"a\\u0000b\"}", Named.class));
        assertEquals("name", field.getPath().get(0).getFieldName());
        InvalidFormatException item = assertThrows(InvalidFormatException.class,
                () -> mapper.readValue("{\"name\": \"a\", \"tags\": [\"ok\", \"\\u0000\"]}", Named.class));
        assertEquals("tags", item.getPath().get(0).getFieldName());
    }

    @Test
    void shouldReadOtherStringsAsJacksonDoes() throws Exception {
        Named n = mapper.readValue("{\"name\": \"caf\\u00e9 \\t tab\", \"tags\": [\"x\"]}", Named.class);
        assertEquals("café \t tab", n.name());
        assertThrows(Exception.class, () -> mapper.readValue("{\"name\": 12}", Named.class));
    }
}
