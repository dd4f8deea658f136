package org.edgemec.common.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bodies above quarkus.http.limits.max-body-size would be cut off by the REST layer with a bare 413; requests that
 * announce such a body (Content-Length) get the 413 as a ProblemDetails here, before anything reads them, in every
 * service. A chunked body (no Content-Length) that grows past the limit still gets Vert.x's bare 413.
 */
@ApplicationScoped
public class BodyLimitProblemHandler {

    private final long limit;

    public BodyLimitProblemHandler(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.chars().allMatch(Character::isDigit) && !length.isEmpty()
                && length.length() < 19 && Long.parseLong(length) > limit) {
            JsonObject problem = new JsonObject().put("title", "Request body too large").put("status", 413)
                    .put("detail", "the request body exceeds the limit of " + limit + " bytes")
                    .put("instance", ctx.request().absoluteURI());
            ctx.response().setStatusCode(413).putHeader("Content-Type", "application/problem+json")
                    .putHeader("Connection", "close").end(problem.encode());
            return;
        }
        ctx.next();
    }
}
