package org.edgemec.applcm.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;
import org.edgemec.applcm.config.LcmConfig;
import org.edgemec.applcm.domain.relocate.AppMoveService;
import org.edgemec.applcm.domain.relocate.CommitMode;
import org.edgemec.applcm.domain.relocate.MoveLedger;
import org.edgemec.applcm.domain.relocate.RelocationMode;
import org.edgemec.common.error.InvalidFieldException;

/**
 * Operator-only extension: starts the checkpoint/restore move the relocation saga builds on. Asynchronous: 202 with
 * the AppMove and its Location under {@code /app_lcm_ext/v1/app_moves}; the same moveId again returns that move.
 */
@Path("/app_lcm_ext/v1/app_instances/{appInstanceId}/checkpoint_restore")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CheckpointRestoreResource {

    /**
     * {@code mode}: STOP_AND_COPY (default), COLD or KEEP_RUNNING; {@code commit}: AUTO (default) or MANUAL (both
     * also accepted in lower case with '-'); {@code moveId}: optional, client-chosen, 1..64 of [A-Za-z0-9._-].
     */
    public record CheckpointRestoreRequest(String targetHost, String mode, String commit, String moveId) {
    }

    private final AppMoveService moves;
    private final LcmConfig config;

    public CheckpointRestoreResource(AppMoveService moves, LcmConfig config) {
        this.moves = moves;
        this.config = config;
    }

    @POST
    public Response move(@PathParam("appInstanceId") String id, CheckpointRestoreRequest body) {
        if (body == null) {
            throw new InvalidFieldException("targetHost", "is required (the request has no body)");
        }
        MoveLedger.Started started = moves.start(id, body.targetHost(), mode(body.mode()), commit(body.commit()),
                body.moveId());
        return Response.accepted(started.move())
                .location(URI.create(AppMovesResource.href(config, started.move().moveId()))).build();
    }

    private static RelocationMode mode(String value) {
        if (value == null) {
            return RelocationMode.STOP_AND_COPY;
        }
        try {
            return RelocationMode.valueOf(normal(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("mode", "must be STOP_AND_COPY, COLD or KEEP_RUNNING");
        }
    }

    private static CommitMode commit(String value) {
        if (value == null) {
            return CommitMode.AUTO;
        }
        try {
            return CommitMode.valueOf(normal(value));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("commit", "must be AUTO or MANUAL");
        }
    }

    private static String normal(String value) {
        return value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
