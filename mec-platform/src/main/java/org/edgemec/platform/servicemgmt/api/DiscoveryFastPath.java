package org.edgemec.platform.servicemgmt.api;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.edgemec.common.error.MecException;
import org.edgemec.platform.config.SecurityConfig;
import org.edgemec.platform.security.CredentialHandoffs;
import org.edgemec.platform.security.TokenService;
import org.edgemec.platform.servicemgmt.ServiceDiscovery;
import org.edgemec.platform.servicemgmt.ServiceQuery;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /mec_service_mgmt/v1/services} answered on the event loop when everything it needs is in memory: the
 * bearer token verified before (and not expired), the caller known not to have moved away, and the answer to the same
 * query stored for the current generation of its tables. Anything else (a first or expired token, a moved or unknown
 * instance, a query not answered yet, an unusual query string or Accept header, security off) goes on to
 * {@link ServicesResource} on a worker thread, which authenticates, validates and answers it fully and stores the
 * answer. Both give the same bytes: the stored answer is the full path's own.
 */
@ApplicationScoped
public class DiscoveryFastPath {

    static final String PATH = "/mec_service_mgmt/v1/services";
    /** The query parameters of {@link ServicesResource#find}: any other one is the full path's 400. */
    private static final Set<String> DECLARED = Set.of("ser_instance_id", "ser_name", "ser_category_id",
            "consumed_local_only", "is_local", "scope_of_locality");

    private final TokenService tokens;
    private final CredentialHandoffs handoffs;
    private final ServiceDiscovery discovery;
    private final SecurityConfig security;

    public DiscoveryFastPath(TokenService tokens, CredentialHandoffs handoffs, ServiceDiscovery discovery,
                             SecurityConfig security) {
        this.tokens = tokens;
        this.handoffs = handoffs;
        this.discovery = discovery;
        this.security = security;
    }

    void route(@Observes Router router) {
        // before the REST layer's routes, after Quarkus' own handlers (body, compression)
        router.get(PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        byte[] answer = answerInMemory(ctx);
        if (answer == null) {
            ctx.next();
            return;
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(Buffer.buffer(answer));
    }

    /** The stored answer when this request may have it without a worker thread, else null. */
    private byte[] answerInMemory(RoutingContext ctx) {
        String query = ctx.request().query();
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        if (!security.enabled() || !PATH.equals(ctx.request().path())
                || (query != null && (query.indexOf('%') >= 0 || query.indexOf('+') >= 0))
                || (accept != null && !accept.equals("*/*") && !accept.equals("application/json"))
                || !DECLARED.containsAll(ctx.queryParams().names())) {
            return null;
        }
        Optional<TokenService.Bearer> bearer = tokens.verifiedBefore(bearer(ctx.request().getHeader(
                HttpHeaders.AUTHORIZATION)));
        if (bearer.isEmpty() || bearer.get().appInstanceId() == null
                || !handoffs.knownNotMoved(bearer.get().appInstanceId())) {
            return null;
        }
        try {
            return discovery.findInMemory(ServiceQuery.of(ctx.queryParam("ser_instance_id"),
                    ctx.queryParam("ser_name"), ctx.queryParam("ser_category_id"), first(ctx, "consumed_local_only"),
                    first(ctx, "is_local"), first(ctx, "scope_of_locality")));
        } catch (MecException invalid) {
            return null; // the full path answers the ProblemDetails
        }
    }

    private static String first(RoutingContext ctx, String name) {
        List<String> values = ctx.queryParam(name);
        return values.isEmpty() ? null : values.get(0);
    }

    private static String bearer(String header) {
        return header != null && header.length() > 7 && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim() : null;
    }
}
