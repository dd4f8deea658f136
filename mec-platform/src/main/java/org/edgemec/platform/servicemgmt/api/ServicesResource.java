package org.edgemec.platform.servicemgmt.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.edgemec.mp1api.mec011.servicemgmt.ServiceInfo;
import org.edgemec.mp1api.mec011.servicemgmt.TransportInfo;
import org.edgemec.platform.servicemgmt.ServiceDiscovery;
import org.edgemec.platform.servicemgmt.ServiceQuery;
import org.edgemec.platform.servicemgmt.TransportCatalog;

import java.util.List;

/** MEC 011 service discovery (/services) and the platform's transports. */
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
    public List<ServiceInfo> find(@QueryParam("ser_instance_id") List<String> serInstanceId,
                                  @QueryParam("ser_name") List<String> serName,
                                  @QueryParam("ser_category_id") List<String> serCategoryId,
                                  @QueryParam("consumed_local_only") String consumedLocalOnly,
                                  @QueryParam("is_local") String isLocal,
                                  @QueryParam("scope_of_locality") String scopeOfLocality) {
        return discovery.find(ServiceQuery.of(serInstanceId, serName, serCategoryId, consumedLocalOnly, isLocal,
                scopeOfLocality));
    }

    @GET
    @Path("/services/{serviceId}")
    public ServiceInfo get(@PathParam("serviceId") String serviceId) {
        return discovery.get(serviceId);
    }

    @GET
    @Path("/transports")
    public List<TransportInfo> transports() {
        return transports.all();
    }
}
