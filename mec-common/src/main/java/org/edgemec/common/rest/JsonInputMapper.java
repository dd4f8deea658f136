package org.edgemec.common.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.stream.Collectors;

/**
 * Malformed JSON, wrong types, unknown fields and unknown enum values: 400 naming the field, never a 500.
 * Registered for the Jackson types that Quarkus REST maps itself (its own answers are not ProblemDetails).
 */
@Provider
public class JsonInputMapper implements ExceptionMapper<JsonProcessingException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(JsonProcessingException e) {
        return Problems.response(400, "Invalid request body", describe(e), uriInfo.getRequestUri());
    }

    static String describe(JsonProcessingException e) {
        String reason = e.getOriginalMessage();
        if (reason != null) {
            // Jackson quotes class names in its messages; callers need the field and the problem, not our types.
            reason = reason.replaceAll("`[\\w.$]+`", "value")
                    .replaceAll("\\([^)]*\\bclass\\b[^)]*\\)", "")
                    .replaceAll("\\s*\\(start marker at \\[Source:[^]]*]\\)", "")
                    .trim();
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return "field '" + field + "': " + reason;
        }
        return "malformed JSON: " + reason;
    }
}
