package org.edgemec.platform.provisioning.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.edgemec.mp1api.provisioning.AppEndpoint;
import org.edgemec.mp1api.provisioning.AppInstanceCredentials;
import org.edgemec.mp1api.provisioning.AppInstanceProvisioning;
import org.edgemec.mp1api.provisioning.CredentialHandoff;
import org.edgemec.platform.provisioning.ProvisioningService;

import java.util.List;

/** Provisioning API (Mm5-like, operator only): app instances the LCM places on this host. */
@Path("/mec_platform_mgmt/v1/app_instances")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppInstancesResource {

    private final ProvisioningService provisioning;

    public AppInstancesResource(ProvisioningService provisioning) {
        this.provisioning = provisioning;
    }

    @POST
    public Response create(@NotNull @Valid AppInstanceProvisioning body, @Context UriInfo uri) {
        AppInstanceCredentials credentials = provisioning.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(credentials.appInstanceId()).build())
                .entity(credentials).build();
    }

    @GET
    public List<AppInstanceProvisioning> list() {
        return provisioning.list();
    }

    @GET
    @Path("/{appInstanceId}")
    public AppInstanceProvisioning get(@PathParam("appInstanceId") String appInstanceId) {
        return provisioning.get(appInstanceId);
    }

    /** Where the instance serves now (after a container start); 200 with the updated provisioning. */
    @PUT
    @Path("/{appInstanceId}/endpoint")
    public AppInstanceProvisioning updateEndpoint(@PathParam("appInstanceId") String appInstanceId,
                                                  @NotNull @Valid AppEndpoint endpoint) {
        return provisioning.updateEndpoint(appInstanceId, endpoint);
    }

    @DELETE
    @Path("/{appInstanceId}")
    public Response delete(@PathParam("appInstanceId") String appInstanceId,
                           @QueryParam("graceful") @DefaultValue("false") boolean graceful,
                           @QueryParam("gracefulTimeout") Integer gracefulTimeout,
                           @QueryParam("keepSteering") @DefaultValue("false") boolean keepSteering,
                           @QueryParam("movedTo") String movedTo) {
        provisioning.delete(appInstanceId, graceful, gracefulTimeout, keepSteering, movedTo);
        return Response.noContent().build();
    }

    /** The instance's Mp1 identity (client id, secret hash, token keys), to provision it on the host it moves to. */
    @GET
    @Path("/{appInstanceId}/credential_handoff")
    public CredentialHandoff credentialHandoff(@PathParam("appInstanceId") String appInstanceId) {
        return provisioning.credentialHandoff(appInstanceId);
    }
}
