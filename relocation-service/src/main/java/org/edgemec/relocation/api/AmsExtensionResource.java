package org.edgemec.relocation.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.edgemec.relocation.api.query.QueryParameters;
import org.edgemec.relocation.domain.MobilityProcedureNotifier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Set;

/**
 * Not ETSI: lets an operator report what the relocation saga will report itself, so that MEC 021 notifications can
 * be seen in demos and tests. 202: the notifications are enqueued, delivery follows.
 */
@Path(AmsPaths.EXTENSION)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
@Tag(name = "ams_ext", description = "EdgeMEC, not ETSI: operator triggers of MEC 021 notifications")
public class AmsExtensionResource {

    private final MobilityProcedureNotifier notifier;

    public AmsExtensionResource(MobilityProcedureNotifier notifier) {
        this.notifier = notifier;
    }

    @POST
    @Path("/mobility_procedures")
    @Operation(summary = "Not ETSI: a mobility procedure step; MobilityProcedureNotification to matching subscribers")
    public Response mobilityProcedure(@NotNull @Valid MobilityProcedureRequest body, @Context UriInfo uri) {
        QueryParameters.allowOnlyOnWrite(uri);
        notifier.mobilityProcedure(body.appInstanceId(), body.associateId(), body.mobilityStatus(),
                body.targetAppInfo());
        return Response.accepted().build();
    }

    @POST
    @Path("/adjacent_app_info")
    @Operation(summary = "Not ETSI: adjacent app instances; an AdjacentAppInfoNotification to each matching subscriber")
    public Response adjacentAppInfo(@NotNull @Valid AdjacentAppInfoRequest body, @Context UriInfo uri) {
        QueryParameters.allowOnlyOnWrite(uri);
        notifier.adjacentAppInfo(body.appInstanceId(), body.associateId(), body.adjacentAppInfo());
        return Response.accepted().build();
    }
}
