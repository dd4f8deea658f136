package org.edgemec.applcm.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.edgemec.applcm.domain.lcm.LcmOpOccService;
import org.edgemec.applcm.domain.lcm.OpOcc;
import org.edgemec.mp1api.common.ProblemDetails;

/**
 * Extension (not ETSI): what AppLcmOpOcc cannot carry, the steps an operation ran and why it failed ({@code error},
 * a ProblemDetails: for a refused provisioning, the mec-platform's own status and detail).
 */
@Path("/app_lcm_ext/v1/app_lcm_op_occs/{appLcmOpOccId}")
@Produces(MediaType.APPLICATION_JSON)
public class OpOccDetailsResource {

    /** {@code steps}: the stored JSON array of step records, passed through (declared for the OpenAPI document). */
    public record OpOccDetails(String id, String appInstanceId, String lcmOperation, String operationState,
            ProblemDetails error, @Schema(type = SchemaType.ARRAY, implementation = Object.class) JsonNode steps) {
    }

    private final LcmOpOccService ops;

    public OpOccDetailsResource(LcmOpOccService ops) {
        this.ops = ops;
    }

    @GET
    public OpOccDetails get(@PathParam("appLcmOpOccId") String id) {
        OpOcc op = ops.get(id);
        return new OpOccDetails(op.id(), op.appInstanceId(), op.operation().name(), op.state().name(), op.error(),
                op.steps());
    }
}
