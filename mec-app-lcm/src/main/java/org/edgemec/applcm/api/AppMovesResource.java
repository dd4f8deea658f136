package org.edgemec.applcm.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.edgemec.applcm.config.LcmConfig;
import org.edgemec.applcm.domain.relocate.AppMove;
import org.edgemec.applcm.domain.relocate.AppMoveService;
import org.edgemec.applcm.domain.relocate.MoveState;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.rest.Problems;

/**
 * Operator-only extension: the moves started by {@code checkpoint_restore}, and their second phase (commit or
 * rollback), which the relocation saga calls.
 */
@Path("/app_lcm_ext/v1/app_moves")
@Produces(MediaType.APPLICATION_JSON)
public class AppMovesResource {

    private static final Set<String> LIST_PARAMETERS = Set.of("appInstanceId", "state");

    /** {@code deprovisionSource}: false when the caller retires the source's platform provisioning itself. */
    public record CommitRequest(Boolean deprovisionSource) {
    }

    private final AppMoveService moves;
    private final ObjectMapper json;

    public AppMovesResource(AppMoveService moves, ObjectMapper json) {
        this.moves = moves;
        this.json = json;
    }

    static String href(LcmConfig config, String moveId) {
        return config.baseUrl() + "/app_lcm_ext/v1/app_moves/" + moveId;
    }

    /** Newest first; {@code appInstanceId} and {@code state} narrow the list, any other parameter is a 400. */
    @GET
    public List<AppMove> list(@Context UriInfo uri, @QueryParam("appInstanceId") String appInstanceId,
            @QueryParam("state") String state) {
        for (String name : uri.getQueryParameters().keySet()) {
            if (!LIST_PARAMETERS.contains(name)) {
                throw new InvalidFieldException(name, "is not a query parameter of app_moves (use appInstanceId, "
                        + "state)");
            }
        }
        MoveState wanted = null;
        if (state != null) {
            try {
                wanted = MoveState.valueOf(state.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("state", "must be one of " + List.of(MoveState.values()));
            }
        }
        return moves.list(appInstanceId, wanted);
    }

    @GET
    @Path("/{moveId}")
    public AppMove get(@PathParam("moveId") String moveId) {
        return moves.get(moveId);
    }

    /** Body optional: {@code {"deprovisionSource": true}} (the default) or false. */
    @POST
    @Path("/{moveId}/commit")
    public AppMove commit(@PathParam("moveId") String moveId, String body) {
        boolean deprovisionSource = true;
        if (body != null && !body.isBlank()) {
            CommitRequest request;
            try {
                request = json.readValue(body, CommitRequest.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new InvalidFieldException("deprovisionSource", "the body must be {\"deprovisionSource\": "
                        + "true|false}: " + e.getOriginalMessage());
            }
            deprovisionSource = request == null || request.deprovisionSource() == null || request.deprovisionSource();
        }
        return moves.commit(moveId, deprovisionSource);
    }

    /**
     * 200 with the move ROLLED_BACK (or as it is when there was nothing to undo). When a step went wrong the answer is
     * the move's {@code error} (502/503/504 for an engine) and the move is ROLLING_BACK (retried by recovery and by a
     * repeated rollback) or, when the source could not run again and the target was resumed, AWAITING_COMMIT.
     */
    @POST
    @Path("/{moveId}/rollback")
    public Response rollback(@PathParam("moveId") String moveId, @Context UriInfo uri) {
        AppMove m = moves.rollback(moveId);
        boolean stuck = m.state() == MoveState.ROLLING_BACK || m.state() == MoveState.AWAITING_COMMIT;
        if (stuck && m.error() != null) {
            int status = m.error().status() == null ? 502 : m.error().status().intValue();
            return Problems.response(status, m.error().title(), m.error().detail(), uri.getRequestUri());
        }
        return Response.ok(m).build();
    }
}
