package org.edgemec.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tolerant reader: while a request body is read, an unknown field is skipped and recorded instead of failing
 * the body, unless the request asked for strict validation. Outside a request (Kafka records, stored JSON, replies of
 * peers) nothing is tolerated here, so the mapper's FAIL_ON_UNKNOWN_PROPERTIES still applies.
 */
public class UnknownFieldHandler extends DeserializationProblemHandler {

    private final Supplier<Optional<UnknownFields>> currentRequest;

    public UnknownFieldHandler(Supplier<Optional<UnknownFields>> currentRequest) {
        this.currentRequest = currentRequest;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
            Object beanOrClass, String propertyName) throws IOException {
        Optional<UnknownFields> request = currentRequest.get();
        if (request.isEmpty()) {
            return false;
        }
        if (!request.get().tolerate(path(ctxt, p, propertyName))) {
            // Refused here rather than left to FAIL_ON_UNKNOWN_PROPERTIES, so Strict holds whatever the mapper says.
            throw UnrecognizedPropertyException.from(p, beanOrClass, propertyName,
                    deserializer == null ? null : deserializer.getKnownPropertyNames());
        }
        p.skipChildren();
        return true;
    }

    /**
     * The field's path in the body, such as {@code addResources[0].resourceDefinitionId}. Jackson calls this either on
     * the body's own parser, positioned on the field's value, or (for creator-built types such as records, whose
     * unknown fields are buffered) on a replay of the buffer while the body's parser stands at the end of the object.
     */
    static String path(DeserializationContext ctxt, JsonParser p, String propertyName) {
        JsonParser body = ctxt.getParser();
        if (body == null || body == p) {
            JsonParser at = body == null ? p : body;
            JsonStreamContext holder = at.getParsingContext();
            if (at.currentToken() == JsonToken.START_OBJECT || at.currentToken() == JsonToken.START_ARRAY) {
                holder = holder.getParent();
            }
            return render(holder, null);
        }
        return render(body.getParsingContext(), propertyName);
    }

    private static String render(JsonStreamContext context, String last) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                segments.addFirst("." + c.getCurrentName());
            } else if (c.inArray()) {
                segments.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        if (last != null) {
            segments.addLast("." + last);
        }
        String path = String.join("", segments);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
