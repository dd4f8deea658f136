package org.edgemec.platform.proxy.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.edgemec.platform.proxy.config.ProxyConfig;
import org.edgemec.platform.proxy.domain.Handover;
import org.edgemec.platform.proxy.domain.HandoverService;

import java.util.List;

/** Operator control of Alt-Svc handovers ordered at this platform's proxies (seed 000 orchestrator role). */
@Path("/edge_proxy/v1/handovers")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HandoversResource {

    private final HandoverService handovers;
    private final ProxyConfig config;

    public HandoversResource(HandoverService handovers, ProxyConfig config) {
        this.handovers = handovers;
        this.config = config;
    }

    @POST
    public Response order(@NotNull @Valid HandoverRequest request, @Context UriInfo uri) {
        String source = request.sourceProxy() == null ? config.name() : request.sourceProxy();
        Handover h = handovers.order(request.clientId(), source, request.targetProxy());
        return Response.created(uri.getAbsolutePathBuilder().path(h.id()).build()).entity(h).build();
    }

    @GET
    public List<Handover> list() {
        return handovers.list();
    }

    @GET
    @Path("/{handoverId}")
    public Handover get(@PathParam("handoverId") String id) {
        return handovers.get(id);
    }

    /** Ends the handover now instead of waiting for the target to report the client. */
    @POST
    @Path("/{handoverId}/finalize")
    public Handover finalizeHandover(@PathParam("handoverId") String id) {
        return handovers.finalizeHandover(id);
    }

    @DELETE
    @Path("/{handoverId}")
    public Response cancel(@PathParam("handoverId") String id) {
        handovers.cancel(id);
        return Response.noContent().build();
    }
}
