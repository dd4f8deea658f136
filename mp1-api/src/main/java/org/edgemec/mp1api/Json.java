package org.edgemec.mp1api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration of the product, so that every service maps the ETSI types the same way:
 * unknown properties are rejected, absent values are omitted, dates are ISO-8601 strings.
 */
public final class Json {

    private Json() {
    }

    /** A new mapper with the product settings (ObjectMapper is thread-safe once configured; share it). */
    public static ObjectMapper newMapper() {
        return configure(JsonMapper.builder().build());
    }

    /** Applies the product settings to an existing mapper (e.g. from a Quarkus ObjectMapperCustomizer). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        rejectScalarCoercion(mapper);
        return mapper
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /**
     * A number where a string is expected, or a string where a number or boolean is expected, is a client error, not
     * something to coerce. Coercion configs (unlike MapperFeature) can be set on a mapper that already exists.
     */
    private static void rejectScalarCoercion(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
    }
}
