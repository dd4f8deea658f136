package org.edgemec.platform.appsupport.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.edgemec.mp1api.mec011.appsupport.AppInfo;
import org.edgemec.mp1api.mec011.appsupport.AppReadyConfirmation;
import org.edgemec.mp1api.mec011.appsupport.AppTerminationConfirmation;
import org.edgemec.platform.appsupport.RegistrationService;
import org.edgemec.platform.appsupport.TerminationService;

/** MEC 011 registrations and the app's confirm_ready / confirm_termination tasks. */
@Path(AppSupportPaths.BASE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegistrationsResource {

    private final RegistrationService registrations;
    private final TerminationService terminations;

    public RegistrationsResource(RegistrationService registrations, TerminationService terminations) {
        this.registrations = registrations;
        this.terminations = terminations;
    }

    @POST
    @Path("/registrations")
    public Response register(@NotNull @Valid AppInfo body, @Context UriInfo uri) {
        AppInfo stored = registrations.register(body);
        return Response.created(uri.getAbsolutePathBuilder().path(stored.appInstanceId()).build())
                .entity(stored).build();
    }

    @GET
    @Path("/registrations/{appInstanceId}")
    public AppInfo get(@PathParam("appInstanceId") String appInstanceId) {
        return registrations.get(appInstanceId);
    }

    @PUT
    @Path("/registrations/{appInstanceId}")
    public Response update(@PathParam("appInstanceId") String appInstanceId, @NotNull @Valid AppInfo body) {
        // MEC 011 answers a registration update with 204, no body (GET reads it back)
        registrations.update(appInstanceId, body);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/registrations/{appInstanceId}")
    public Response deregister(@PathParam("appInstanceId") String appInstanceId) {
        registrations.deregister(appInstanceId);
        return Response.noContent().build();
    }

    @POST
    @Path("/applications/{appInstanceId}/confirm_ready")
    public Response confirmReady(@PathParam("appInstanceId") String appInstanceId,
                                 @NotNull @Valid AppReadyConfirmation body) {
        registrations.confirmReady(appInstanceId, body);
        return Response.noContent().build();
    }

    @POST
    @Path("/applications/{appInstanceId}/confirm_termination")
    public Response confirmTermination(@PathParam("appInstanceId") String appInstanceId,
                                       @NotNull @Valid AppTerminationConfirmation body) {
        terminations.confirm(appInstanceId, body);
        return Response.noContent().build();
    }
}
