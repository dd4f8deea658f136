package org.edgemec.relocation.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.rest.EntityTags;
import org.edgemec.mp1api.common.LinkType;
import org.edgemec.mp1api.mec021.AdjacentAppInfoSubscription;
import org.edgemec.mp1api.mec021.AmsSubscription;
import org.edgemec.mp1api.mec021.MobilityProcedureSubscription;
import org.edgemec.mp1api.mec021.SubscriptionLinkList;
import org.edgemec.relocation.api.query.QueryParameters;
import org.edgemec.relocation.domain.AmsLinks;
import org.edgemec.relocation.domain.AmsSubscriptionService;
import org.edgemec.relocation.domain.Versioned;
import org.edgemec.relocation.security.Caller;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.net.URI;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * MEC 021 subscriptions: MobilityProcedureSubscription and AdjacentAppInfoSubscription. Bodies are the bare types
 * (not the generated {"MobilityProcedureSubscription": ...} wrapper).
 */
@Path(AmsPaths.SUBSCRIPTIONS)
@Produces(MediaType.APPLICATION_JSON)
@AmsAccess
public class SubscriptionsResource {

    /** The file's name of the query parameter, and the V2.1.1 file's spelling. */
    private static final String TYPE_PARAMETER = "subscriptiontype";
    private static final String TYPE_PARAMETER_V2_1 = "subscriptionType";
    private static final Map<String, String> TYPE_VALUES = Map.of(
            "mobility_proc", MobilityProcedureSubscription.TYPE,
            "adj_app_info", AdjacentAppInfoSubscription.TYPE);

    private final AmsSubscriptionService subscriptions;
    private final SubscriptionBodies bodies;
    private final AmsLinks links;
    private final Caller caller;

    public SubscriptionsResource(AmsSubscriptionService subscriptions, SubscriptionBodies bodies, AmsLinks links,
                                 Caller caller) {
        this.subscriptions = subscriptions;
        this.bodies = bodies;
        this.links = links;
        this.caller = caller;
    }

    @GET
    public SubscriptionLinkList list(@Context UriInfo uri) {
        QueryParameters query = QueryParameters.allowOnly(uri, Set.of(TYPE_PARAMETER, TYPE_PARAMETER_V2_1));
        String lower = query.value(TYPE_PARAMETER);
        String camel = query.value(TYPE_PARAMETER_V2_1);
        if (lower != null && camel != null) {
            throw new InvalidFieldException(TYPE_PARAMETER_V2_1, "give either subscriptiontype or subscriptionType");
        }
        String name = lower != null ? TYPE_PARAMETER : TYPE_PARAMETER_V2_1;
        String value = lower != null ? lower : camel;
        String type = null;
        if (value != null) {
            type = TYPE_VALUES.get(value);
            if (type == null) {
                throw new InvalidFieldException(name, "must be mobility_proc or adj_app_info (got '" + value + "')");
            }
        }
        String raw = uri.getRequestUri().getRawQuery();
        String self = links.subscriptions() + (raw == null || raw.isEmpty() ? "" : "?" + raw);
        List<SubscriptionLinkList.Subscription> listed = subscriptions.list(type);
        if (!caller.isOperator()) {
            listed = listed.stream().filter(l -> caller.sees(owner(subscriptions.get(
                    l.href().substring(l.href().lastIndexOf('/') + 1))))).toList();
        }
        return new SubscriptionLinkList(new SubscriptionLinkList.Links(new LinkType(self), listed));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
            oneOf = {MobilityProcedureSubscription.class, AdjacentAppInfoSubscription.class})))
    public Response create(JsonNode body, @Context UriInfo uri) throws JsonProcessingException {
        QueryParameters.allowOnlyOnWrite(uri);
        AmsSubscription request = bodies.read(body);
        caller.requireMayActFor(owner(request), "filterCriteria.appInstanceId");
        AmsSubscription stored = subscriptions.create(request);
        return Response.created(URI.create(self(stored))).header(HttpHeaders.ETAG, EntityTags.of(1)).entity(stored)
                .build();
    }

    @GET
    @Path("/{subscriptionId}")
    public Response get(@PathParam("subscriptionId") String subscriptionId, @Context UriInfo uri) {
        QueryParameters.allowOnly(uri, Set.of());
        AmsSubscription s = own(subscriptionId);
        return Response.ok(s).header(HttpHeaders.ETAG, EntityTags.of(subscriptions.version(subscriptionId))).build();
    }

    @PUT
    @Path("/{subscriptionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
            oneOf = {MobilityProcedureSubscription.class, AdjacentAppInfoSubscription.class})))
    public Response replace(@PathParam("subscriptionId") String subscriptionId, JsonNode body,
                            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context UriInfo uri)
            throws JsonProcessingException {
        QueryParameters.allowOnlyOnWrite(uri);
        own(subscriptionId); // 404 before the body's errors
        AmsSubscription request = bodies.read(body);
        caller.requireMayActFor(owner(request), "filterCriteria.appInstanceId");
        Versioned<AmsSubscription> stored = subscriptions.replace(subscriptionId, request, ifMatch);
        return Response.ok(stored.body()).header(HttpHeaders.ETAG, EntityTags.of(stored.version())).build();
    }

    @DELETE
    @Path("/{subscriptionId}")
    public Response delete(@PathParam("subscriptionId") String subscriptionId, @Context UriInfo uri) {
        QueryParameters.allowOnly(uri, Set.of());
        own(subscriptionId);
        subscriptions.delete(subscriptionId);
        return Response.noContent().build();
    }

    /** The subscription if the caller may see it; another app's answers like an unknown id. */
    private AmsSubscription own(String subscriptionId) {
        AmsSubscription s = subscriptions.get(subscriptionId);
        caller.requireSees(owner(s), "subscription " + subscriptionId + " does not exist");
        return s;
    }

    /** An app's subscription is one whose filter names it. */
    private static String owner(AmsSubscription s) {
        if (s instanceof MobilityProcedureSubscription m) {
            return m.filterCriteria() == null ? null : m.filterCriteria().appInstanceId();
        }
        AdjacentAppInfoSubscription a = (AdjacentAppInfoSubscription) s;
        return a.filterCriteria() == null ? null : a.filterCriteria().appInstanceId();
    }

    private static String self(AmsSubscription s) {
        return s instanceof MobilityProcedureSubscription m ? m.links().self().href()
                : ((AdjacentAppInfoSubscription) s).links().self().href();
    }
}
