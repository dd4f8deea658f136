package org.edgemec.platform.servicemgmt.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.edgemec.mp1api.mec011.servicemgmt.ServiceInfo;
import org.edgemec.mp1api.mec011.servicemgmt.TransportInfo;
import org.edgemec.platform.servicemgmt.ServiceDiscovery;
import org.edgemec.platform.servicemgmt.ServiceQuery;
import org.edgemec.platform.servicemgmt.TransportCatalog;

import java.util.List;

/**
 * MEC 011 service discovery (/services) and the platform's transports. Discovery answers with the stored JSON bytes
 * (no parse and write per request); the schema is declared for the OpenAPI document.
 */
@Path("/mec_service_mgmt/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ServicesResource {

    private final ServiceDiscovery discovery;
    private final TransportCatalog transports;

    public ServicesResource(ServiceDiscovery discovery, TransportCatalog transports) {
        this.discovery = discovery;
        this.transports = transports;
    }

    @GET
    @Path("/services")
    @APIResponse(responseCode = "200", description = "the services that match the filters", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ServiceInfo.class)))
    public Response find(@QueryParam("ser_instance_id") List<String> serInstanceId,
                         @QueryParam("ser_name") List<String> serName,
                         @QueryParam("ser_category_id") List<String> serCategoryId,
                         @QueryParam("consumed_local_only") String consumedLocalOnly,
                         @QueryParam("is_local") String isLocal,
                         @QueryParam("scope_of_locality") String scopeOfLocality) {
        return json(discovery.find(ServiceQuery.of(serInstanceId, serName, serCategoryId, consumedLocalOnly, isLocal,
                scopeOfLocality)));
    }

    @GET
    @Path("/services/{serviceId}")
    @APIResponse(responseCode = "200", description = "the service", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServiceInfo.class)))
    public Response get(@PathParam("serviceId") String serviceId) {
        return json(discovery.get(serviceId));
    }

    @GET
    @Path("/transports")
    public List<TransportInfo> transports() {
        return transports.all();
    }

    private static Response json(byte[] body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
