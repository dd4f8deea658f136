package org.edgemec.common.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.json.FieldValidation;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query parameter the operation does not define is a 400 naming it, instead of being ignored (a misspelt filter
 * would otherwise answer everything). The defined ones are the resource method's {@code @QueryParam}s; a method that
 * takes {@link UriInfo} reads its query itself and checks it there.
 */
@Provider
@Priority(Priorities.USER)
public class DeclaredQueryParameters implements ContainerRequestFilter {

    private static final Map<Method, Optional<Set<String>>> DECLARED = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Optional<Set<String>> declared = DECLARED.computeIfAbsent(method, DeclaredQueryParameters::declared);
        if (declared.isEmpty()) {
            return;
        }
        Set<String> unknown = new TreeSet<>(request.getUriInfo().getQueryParameters().keySet());
        unknown.removeAll(declared.get());
        if (FieldValidation.appliesTo(request.getMethod())) {
            unknown.remove(FieldValidation.PARAMETER); // every write takes it: see FieldValidationFilter
        }
        if (!unknown.isEmpty()) {
            throw new InvalidFieldException(String.join(", ", unknown), declared.get().isEmpty()
                    ? "is not a query parameter of this operation, which has none"
                    : "is not a query parameter of this operation; it has " + String.join(", ", declared.get()));
        }
    }

    /** The method's query parameter names; empty when it reads the query itself. */
    private static Optional<Set<String>> declared(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter p : method.getParameters()) {
            if (UriInfo.class.isAssignableFrom(p.getType())) {
                return Optional.empty();
            }
            for (Annotation a : p.getAnnotations()) {
                if (a instanceof QueryParam q) {
                    names.add(q.value());
                }
            }
        }
        return Optional.of(names);
    }
}
