package org.edgemec.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import java.io.IOException;

/**
 * Reads strings as Jackson does, but refuses one with a NUL character: PostgreSQL cannot store it in a text column,
 * so it would otherwise end as a 500 at the database instead of a 400 naming the field.
 */
public class NoNulStringDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = super.deserialize(p, ctxt);
        if (value != null && value.indexOf('\0') >= 0) {
            throw InvalidFormatException.from(p, "must not contain the NUL character (\\u0000)", value, String.class);
        }
        return value;
    }
}
