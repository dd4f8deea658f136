package org.edgemec.applcm.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.edgemec.applcm.domain.grant.GrantService;
import org.edgemec.applcm.domain.grant.Granting;
import org.edgemec.mp1api.mec0102.grant.Grant;
import org.edgemec.mp1api.mec0102.grant.GrantRequest;

/** MEC 010-2 granting (Mm3): decided synchronously, so 201 + Grant or 403 ProblemDetails; never 202. */
@Path("/granting/v1/grants")
@Produces(MediaType.APPLICATION_JSON)
public class GrantsResource {

    private final Granting granting;
    private final GrantService grants;

    public GrantsResource(Granting granting, GrantService grants) {
        this.granting = granting;
        this.grants = grants;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull GrantRequest body, @Context UriInfo uri) {
        Grant grant = granting.grant(body);
        return Response.created(uri.getAbsolutePathBuilder().path(grant.id()).build()).entity(grant).build();
    }

    @GET
    @Path("/{grantId}")
    public Grant get(@PathParam("grantId") String grantId) {
        return grants.get(grantId);
    }
}
