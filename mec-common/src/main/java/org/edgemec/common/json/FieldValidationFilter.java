package org.edgemec.common.json;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.edgemec.common.error.InvalidFieldException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Sets the request's field-validation mode ({@code ?fieldValidation=} on a write, else the configured default) before
 * its body is read, and names every ignored field in a {@code Warning: 299} header, one per field, as Kubernetes does.
 */
@Provider
@Priority(Priorities.USER - 100)
public class FieldValidationFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String MODES = Arrays.stream(FieldValidation.values())
            .map(FieldValidation::spelling).collect(Collectors.joining(", "));

    @Inject
    UnknownFields unknownFields;

    @ConfigProperty(name = "edgemec.rest.field-validation", defaultValue = "Warn")
    String configured;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!FieldValidation.appliesTo(request.getMethod())) {
            return;
        }
        String asked = request.getUriInfo().getQueryParameters().getFirst(FieldValidation.PARAMETER);
        String value = asked != null ? asked : configured;
        unknownFields.mode(FieldValidation.parse(value).orElseThrow(() -> new InvalidFieldException(
                asked != null ? FieldValidation.PARAMETER : "edgemec.rest.field-validation",
                "'" + value + "' is not a field validation mode; it is one of " + MODES)));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!FieldValidation.appliesTo(request.getMethod())) {
            return;
        }
        for (String field : unknownFields.ignored()) {
            response.getHeaders().add("Warning", "299 - \"unknown field \\\"" + field + "\\\"\"");
        }
    }
}
