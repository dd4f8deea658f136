package org.edgemec.platform.servicemgmt.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.edgemec.mp1api.mec011.servicemgmt.ServiceInfo;
import org.edgemec.platform.appsupport.Tagged;
import org.edgemec.mp1api.mec011.servicemgmt.ServiceLivenessInfo;
import org.edgemec.mp1api.mec011.servicemgmt.ServiceLivenessUpdate;
import org.edgemec.platform.servicemgmt.LivenessService;
import org.edgemec.platform.servicemgmt.ServiceInfoService;
import org.edgemec.platform.servicemgmt.ServiceQuery;

import java.util.List;

/** MEC 011 services of one app instance (appServices) and their liveness resources. */
@Path("/mec_service_mgmt/v1/applications/{appInstanceId}/services")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppServicesResource {

    private final ServiceInfoService services;
    private final LivenessService liveness;

    public AppServicesResource(ServiceInfoService services, LivenessService liveness) {
        this.services = services;
        this.liveness = liveness;
    }

    @POST
    public Response create(@PathParam("appInstanceId") String appInstanceId, @NotNull @Valid ServiceInfo body,
                           @Context UriInfo uri) {
        ServiceInfo created = services.create(appInstanceId, body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.serInstanceId()).build())
                .entity(created).build();
    }

    @GET
    public List<ServiceInfo> list(@PathParam("appInstanceId") String appInstanceId,
                                  @QueryParam("ser_instance_id") List<String> serInstanceId,
                                  @QueryParam("ser_name") List<String> serName,
                                  @QueryParam("ser_category_id") List<String> serCategoryId,
                                  @QueryParam("consumed_local_only") String consumedLocalOnly,
                                  @QueryParam("is_local") String isLocal,
                                  @QueryParam("scope_of_locality") String scopeOfLocality) {
        return services.ofApp(appInstanceId, ServiceQuery.of(serInstanceId, serName, serCategoryId,
                consumedLocalOnly, isLocal, scopeOfLocality));
    }

    @GET
    @Path("/{serviceId}")
    public Response get(@PathParam("appInstanceId") String appInstanceId,
                        @PathParam("serviceId") String serviceId) {
        return tagged(services.get(appInstanceId, serviceId));
    }

    /** With If-Match: 412 when it names another version than the current one (as for traffic and DNS rules). */
    @PUT
    @Path("/{serviceId}")
    public Response update(@PathParam("appInstanceId") String appInstanceId,
                           @PathParam("serviceId") String serviceId,
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @NotNull @Valid ServiceInfo body) {
        return tagged(services.update(appInstanceId, serviceId, body, ifMatch));
    }

    private static Response tagged(Tagged<ServiceInfo> tagged) {
        return Response.ok(tagged.body()).header(HttpHeaders.ETAG, tagged.etag()).build();
    }

    @DELETE
    @Path("/{serviceId}")
    public Response delete(@PathParam("appInstanceId") String appInstanceId,
                           @PathParam("serviceId") String serviceId) {
        services.delete(appInstanceId, serviceId);
        return Response.noContent().build();
    }

    @GET
    @Path("/{serviceId}/liveness")
    public ServiceLivenessInfo liveness(@PathParam("appInstanceId") String appInstanceId,
                                        @PathParam("serviceId") String serviceId) {
        return liveness.get(appInstanceId, serviceId);
    }

    @PATCH
    @Path("/{serviceId}/liveness")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public ServiceLivenessInfo heartbeat(@PathParam("appInstanceId") String appInstanceId,
                                         @PathParam("serviceId") String serviceId,
                                         @NotNull @Valid ServiceLivenessUpdate body) {
        return liveness.heartbeat(appInstanceId, serviceId, body);
    }
}
