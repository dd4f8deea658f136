package org.edgemec.platform.proxy.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.edgemec.platform.proxy.domain.ServiceCatalogue;

import java.util.List;

/** The services (origin host names) the proxies of this platform front, and their backends. */
@Path("/edge_proxy/v1/services")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServicesResource {

    private final ServiceCatalogue catalogue;

    public ServicesResource(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Backends as {@code host:port}; the latency/throughput ones serve clients asking for LOW latency/HIGH throughput. */
    public record ServiceBackends(@NotBlank String backend, String latencyBackend, String throughputBackend) {
    }

    public record ServiceView(String serviceHost, String backend, String latencyBackend, String throughputBackend) {

        static ServiceView of(ServiceCatalogue.FrontedService s) {
            return new ServiceView(s.serviceHost(), s.backend().toString(),
                    s.latencyBackend() == null ? null : s.latencyBackend().toString(),
                    s.throughputBackend() == null ? null : s.throughputBackend().toString());
        }
    }

    @GET
    public List<ServiceView> list() {
        return catalogue.list().stream().map(ServiceView::of).toList();
    }

    @GET
    @Path("/{serviceHost}")
    public ServiceView get(@PathParam("serviceHost") String serviceHost) {
        return ServiceView.of(catalogue.get(serviceHost));
    }

    @PUT
    @Path("/{serviceHost}")
    public ServiceView put(@PathParam("serviceHost") String serviceHost, @NotNull @Valid ServiceBackends body) {
        return ServiceView.of(catalogue.put(serviceHost, body.backend(), body.latencyBackend(), body.throughputBackend()));
    }

    @DELETE
    @Path("/{serviceHost}")
    public Response remove(@PathParam("serviceHost") String serviceHost) {
        catalogue.remove(serviceHost);
        return Response.noContent().build();
    }
}
