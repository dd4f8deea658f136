package org.edgemec.relocation.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.edgemec.common.rest.EntityTags;
import org.edgemec.mp1api.mec021.RegistrationInfo;
import org.edgemec.relocation.api.query.AttributeSchema;
import org.edgemec.relocation.api.query.ListQuery;
import org.edgemec.relocation.api.query.QueryParameters;
import org.edgemec.relocation.domain.AmsRegistrationService;
import org.edgemec.relocation.domain.Versioned;
import org.edgemec.relocation.security.Caller;

import java.util.List;
import java.util.Set;

/**
 * MEC 021 app_mobility_services (operator, or an app instance for the registrations it is the consumer of):
 * registrations of application mobility services and their timer-based
 * deregistration task. Bodies are the bare RegistrationInfo (not the generated {"RegistrationInfo": ...} wrapper).
 */
@Path(AmsPaths.APP_MOBILITY_SERVICES)
@Produces(MediaType.APPLICATION_JSON)
@AmsAccess
public class AppMobilityServicesResource {

    private static final AttributeSchema SCHEMA = AttributeSchema.of(RegistrationInfo.class);
    /** The file's exclude_default for RegistrationInfo: "n/a". */
    private static final Set<String> DEFAULT_EXCLUDE = Set.of();

    private final AmsRegistrationService registrations;
    private final ObjectMapper json;
    private final Caller caller;

    public AppMobilityServicesResource(AmsRegistrationService registrations, ObjectMapper json, Caller caller) {
        this.registrations = registrations;
        this.json = json;
        this.caller = caller;
    }

    @GET
    public List<JsonNode> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.of(uri, SCHEMA, DEFAULT_EXCLUDE);
        return query.apply(registrations.list().stream().filter(r -> caller.sees(consumer(r))).toList(), json);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@NotNull @Valid RegistrationInfo body, @Context UriInfo uri) {
        QueryParameters.allowOnlyOnWrite(uri);
        caller.requireMayActFor(consumer(body), "serviceConsumerId.appInstanceId");
        Versioned<RegistrationInfo> stored = registrations.register(body);
        return Response.created(uri.getAbsolutePathBuilder().path(stored.body().appMobilityServiceId()).build())
                .header(HttpHeaders.ETAG, EntityTags.of(stored.version())).entity(stored.body()).build();
    }

    @GET
    @Path("/{appMobilityServiceId}")
    public Response get(@PathParam("appMobilityServiceId") String appMobilityServiceId, @Context UriInfo uri) {
        QueryParameters.allowOnly(uri, Set.of());
        return tagged(own(appMobilityServiceId));
    }

    @PUT
    @Path("/{appMobilityServiceId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("appMobilityServiceId") String appMobilityServiceId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @NotNull @Valid RegistrationInfo body, @Context UriInfo uri) {
        QueryParameters.allowOnlyOnWrite(uri);
        own(appMobilityServiceId);
        caller.requireMayActFor(consumer(body), "serviceConsumerId.appInstanceId");
        return tagged(registrations.update(appMobilityServiceId, body, ifMatch));
    }

    @DELETE
    @Path("/{appMobilityServiceId}")
    public Response delete(@PathParam("appMobilityServiceId") String appMobilityServiceId, @Context UriInfo uri) {
        QueryParameters.allowOnly(uri, Set.of());
        own(appMobilityServiceId);
        registrations.delete(appMobilityServiceId);
        return Response.noContent().build();
    }

    /** No request body is defined; one that is sent is ignored. */
    @POST
    @Path("/{appMobilityServiceId}/deregister_task")
    public Response deregisterTask(@PathParam("appMobilityServiceId") String appMobilityServiceId,
                                   @Context UriInfo uri) {
        QueryParameters.allowOnlyOnWrite(uri);
        own(appMobilityServiceId);
        registrations.deregisterOnExpiry(appMobilityServiceId);
        return Response.noContent().build();
    }

    /** The registration if the caller may see it; another app's answers like an unknown id. */
    private Versioned<RegistrationInfo> own(String appMobilityServiceId) {
        Versioned<RegistrationInfo> r = registrations.get(appMobilityServiceId);
        caller.requireSees(consumer(r.body()), "application mobility service " + appMobilityServiceId
                + " does not exist");
        return r;
    }

    private static String consumer(RegistrationInfo r) {
        return r.serviceConsumerId() == null ? null : r.serviceConsumerId().appInstanceId();
    }

    private static Response tagged(Versioned<RegistrationInfo> registration) {
        return Response.ok(registration.body()).header(HttpHeaders.ETAG, EntityTags.of(registration.version())).build();
    }
}
