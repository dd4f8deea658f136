package org.edgemec.relocation.errors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.edgemec.common.error.ConflictException;
import org.edgemec.common.error.ForbiddenException;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.common.error.PreconditionFailedException;
import org.edgemec.common.error.UnauthorizedException;
import org.edgemec.mp1api.mec021.RegistrationInfo;

/** Test-only resource: drives the shared error mapping of mec-common through a real Quarkus REST stack. */
@Path("/test/problems")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProblemProbeResource {

    @POST
    @Path("/registrations")
    public RegistrationInfo echo(@NotNull @Valid RegistrationInfo body) {
        return body;
    }

    @GET
    @Path("/raise/{kind}")
    public String raise(@PathParam("kind") String kind) {
        throw switch (kind) {
            case "not-found" -> new NotFoundException("registration 42 does not exist");
            case "invalid" -> new InvalidFieldException("expiryTime", "must be in the future");
            case "conflict" -> new ConflictException("registration 42 is in use");
            case "forbidden" -> new ForbiddenException("app 7 may not change registration 42");
            case "unauthorized" -> new UnauthorizedException("missing bearer token");
            case "stale" -> new PreconditionFailedException("ETag \"1\" does not match \"2\"");
            default -> new IllegalStateException("secret internal detail in org.edgemec.Internal");
        };
    }
}
