package org.edgemec.platform.steering.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.edgemec.platform.steering.Steering;
import org.edgemec.platform.steering.SteeringRequest;
import org.edgemec.platform.steering.SteeringService;

/**
 * Relocation steering of one app instance (operator only, like every {@code /mec_platform_mgmt/v1} route: the
 * operator bearer token is checked by {@code Mp1AuthFilter}).
 */
@Path("/mec_platform_mgmt/v1/app_instances/{appInstanceId}/steering")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SteeringResource {

    private final SteeringService steerings;

    public SteeringResource(SteeringService steerings) {
        this.steerings = steerings;
    }

    @PUT
    public Steering put(@PathParam("appInstanceId") String appInstanceId, SteeringRequest body) {
        return steerings.put(appInstanceId, body);
    }

    @GET
    public Steering get(@PathParam("appInstanceId") String appInstanceId) {
        return steerings.get(appInstanceId);
    }

    @DELETE
    public Response delete(@PathParam("appInstanceId") String appInstanceId) {
        steerings.delete(appInstanceId);
        return Response.noContent().build();
    }
}
