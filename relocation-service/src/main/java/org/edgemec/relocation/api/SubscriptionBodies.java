package org.edgemec.relocation.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.mp1api.mec021.AdjacentAppInfoSubscription;
import org.edgemec.mp1api.mec021.AmsSubscription;
import org.edgemec.mp1api.mec021.MobilityProcedureSubscription;

import java.util.Comparator;
import java.util.Set;

/**
 * Reads a subscription body (the bare MobilityProcedureSubscription or AdjacentAppInfoSubscription) chosen by its
 * subscriptionType. Done here rather than by Jackson's type resolution, whose error for an unknown or missing type
 * names no field.
 */
@ApplicationScoped
public class SubscriptionBodies {

    private static final Set<String> TYPES = Set.of(MobilityProcedureSubscription.TYPE,
            AdjacentAppInfoSubscription.TYPE);

    private final ObjectMapper json;
    private final Validator validator;

    public SubscriptionBodies(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** JSON errors propagate to mec-common's mappers (400 naming the field); constraint violations name theirs. */
    public AmsSubscription read(JsonNode body) throws JsonProcessingException {
        if (body == null || !body.isObject()) {
            throw new InvalidFieldException("body", "must be a MobilityProcedureSubscription or an "
                    + "AdjacentAppInfoSubscription object");
        }
        JsonNode type = body.get("subscriptionType");
        if (type == null || type.isNull()) {
            throw new InvalidFieldException("subscriptionType", "is required: " + String.join(" or ", TYPES));
        }
        if (!type.isTextual() || !TYPES.contains(type.asText())) {
            throw new InvalidFieldException("subscriptionType", "must be MobilityProcedureSubscription or "
                    + "AdjacentAppInfoSubscription (got " + type + ")");
        }
        AmsSubscription subscription = json.treeToValue(body, AmsSubscription.class);
        validator.validate(subscription).stream()
                .min(Comparator.comparing((ConstraintViolation<AmsSubscription> v) -> v.getPropertyPath().toString()))
                .ifPresent(v -> {
                    throw new InvalidFieldException(v.getPropertyPath().toString(), v.getMessage());
                });
        return subscription;
    }
}
