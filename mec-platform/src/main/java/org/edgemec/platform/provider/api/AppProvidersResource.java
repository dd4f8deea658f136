package org.edgemec.platform.provider.api;

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
import org.edgemec.platform.provider.AppProviderService;

import java.util.List;

/** App providers (operator only, like the provisioning API): credentials for apps not instantiated by the MEC. */
@Path("/mec_platform_mgmt/v1/app_providers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppProvidersResource {

    private final AppProviderService providers;

    public AppProvidersResource(AppProviderService providers) {
        this.providers = providers;
    }

    @POST
    public Response create(@NotNull @Valid AppProviderRequest body, @Context UriInfo uri) {
        AppProviderCredentials created = providers.create(body.appProvider());
        return Response.created(uri.getAbsolutePathBuilder().path(created.providerId()).build())
                .entity(created).build();
    }

    @GET
    public List<AppProvider> list() {
        return providers.list();
    }

    @GET
    @Path("/{providerId}")
    public AppProvider get(@PathParam("providerId") String providerId) {
        return providers.get(providerId);
    }

    @DELETE
    @Path("/{providerId}")
    public Response delete(@PathParam("providerId") String providerId) {
        providers.delete(providerId);
        return Response.noContent().build();
    }
}
