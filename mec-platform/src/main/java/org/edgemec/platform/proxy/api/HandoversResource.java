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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.edgemec.platform.proxy.config.ProxyConfig;
import org.edgemec.platform.proxy.domain.Handover;
import org.edgemec.platform.proxy.domain.HandoverService;

import java.net.URI;
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

    /** 201 for a new handover; 200 with the existing one when its {@code handoverId} was ordered with this body. */
    @POST
    public Response order(@NotNull @Valid HandoverRequest request, @Context UriInfo uri) {
        HandoverService.Ordered ordered = handovers.order(request.toOrder(config.name()));
        URI location = uri.getAbsolutePathBuilder().path(ordered.handover().id()).build();
        return (ordered.created() ? Response.created(location) : Response.ok().location(location))
                .entity(ordered.handover()).build();
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

    /**
     * Ends the handover now instead of waiting for the target to report the client; finalized already: 200. No body
     * (any or no Content-Type).
     */
    @POST
    @Path("/{handoverId}/finalize")
    @Consumes(MediaType.WILDCARD)
    public Handover finalizeHandover(@PathParam("handoverId") String id) {
        return handovers.finalizeHandover(id);
    }

    /** Cancels a PENDING (or PREPARING) handover; cancelled already: 204 too; 409 in another end state. */
    @DELETE
    @Path("/{handoverId}")
    public Response cancel(@PathParam("handoverId") String id) {
        handovers.cancel(id);
        return Response.noContent().build();
    }
}
