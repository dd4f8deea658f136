package org.edgemec.platform.proxy.api;

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
import org.edgemec.platform.proxy.domain.Hold;
import org.edgemec.platform.proxy.domain.HoldService;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Request holds of this platform's proxies: while an app instance is frozen (checkpointed for a relocation), requests
 * for its service hosts wait instead of reaching it, and go on once the hold is released.
 */
@Path("/edge_proxy/v1/holds")
@OperatorOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HoldsResource {

    private final HoldService holds;

    public HoldsResource(HoldService holds) {
        this.holds = holds;
    }

    /** A hold as answered; {@code waiting}: the requests waiting under it now. */
    public record HoldView(String holdId, List<String> serviceHosts, String maxWait, int maxRequests,
                           OffsetDateTime createdAt, OffsetDateTime expiresAt, int waiting) {
    }

    /** Puts (or replaces) a hold; the same body again changes nothing. Always 200 with the hold. */
    @PUT
    @Path("/{holdId}")
    public HoldView put(@PathParam("holdId") String id, @NotNull HoldRequest body) {
        return view(holds.put(id, body.serviceHosts(), body.maxWait(), body.maxRequests()));
    }

    @GET
    public List<HoldView> list() {
        return holds.list().stream().map(this::view).toList();
    }

    @GET
    @Path("/{holdId}")
    public HoldView get(@PathParam("holdId") String id) {
        return view(holds.get(id));
    }

    /** Releases the hold: its waiting requests are forwarded, in order. 204, also for an unknown or released hold. */
    @DELETE
    @Path("/{holdId}")
    public Response release(@PathParam("holdId") String id) {
        holds.release(id);
        return Response.noContent().build();
    }

    private HoldView view(Hold h) {
        return new HoldView(h.id(), h.serviceHosts(), h.maxWait().toString(), h.maxRequests(), h.createdAt(),
                h.expiresAt(), holds.waiting(h.id()).get());
    }
}
