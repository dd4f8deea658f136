package org.edgemec.applcm.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.edgemec.applcm.domain.relocate.CheckpointRestoreService;
import org.edgemec.applcm.domain.relocate.RelocationMode;
import org.edgemec.applcm.domain.relocate.RelocationRecord;
import org.edgemec.common.error.InvalidFieldException;

/** Operator-only extension: the checkpoint/restore primitive the relocation saga builds on. Synchronous. */
@Path("/app_lcm_ext/v1/app_instances/{appInstanceId}/checkpoint_restore")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CheckpointRestoreResource {

    /** {@code mode}: COLD, STOP_AND_COPY (default) or KEEP_RUNNING (also accepted in lower case with '-'). */
    public record CheckpointRestoreRequest(String targetHost, String mode) {
    }

    private final CheckpointRestoreService relocation;

    public CheckpointRestoreResource(CheckpointRestoreService relocation) {
        this.relocation = relocation;
    }

    @POST
    public RelocationRecord move(@PathParam("appInstanceId") String id, CheckpointRestoreRequest body) {
        if (body == null) {
            throw new InvalidFieldException("targetHost", "is required");
        }
        return relocation.move(id, body.targetHost(), mode(body.mode()));
    }

    private static RelocationMode mode(String value) {
        if (value == null) {
            return RelocationMode.STOP_AND_COPY;
        }
        try {
            return RelocationMode.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("mode", "must be COLD, STOP_AND_COPY or KEEP_RUNNING");
        }
    }
}
