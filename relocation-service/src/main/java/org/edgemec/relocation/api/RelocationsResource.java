package org.edgemec.relocation.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.relocation.api.query.QueryParameters;
import org.edgemec.relocation.config.AmsConfig;
import org.edgemec.relocation.saga.RelocationService;
import org.edgemec.relocation.saga.RelocationState;

/**
 * Not ETSI: the operator's relocation API. A POST starts a relocation saga (202 + Location); its progress is the GET
 * of that resource, with one record per step.
 */
@Path(RelocationsResource.BASE)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@OperatorOnly
@Tag(name = "relocation", description = "EdgeMEC, not ETSI: stateful app relocation with traffic steering")
public class RelocationsResource {

    public static final String BASE = "/relocation/v1/relocations";
    private static final int MAX_KEY = 255;

    private final RelocationService relocations;
    private final JsonColumn json;
    private final String baseUrl;

    public RelocationsResource(RelocationService relocations, JsonColumn json, AmsConfig ams) {
        this.relocations = relocations;
        this.json = json;
        this.baseUrl = ams.baseUrl().endsWith("/") ? ams.baseUrl().substring(0, ams.baseUrl().length() - 1)
                : ams.baseUrl();
    }

    @POST
    @Operation(summary = "Relocate an app instance; 202 with the relocation, which runs in the background")
    public Response create(@NotNull @Valid RelocationRequest body,
                           @HeaderParam("Idempotency-Key") String idempotencyKey, @Context UriInfo uri) {
        QueryParameters.allowOnlyOnWrite(uri);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY)) {
            throw new InvalidFieldException("Idempotency-Key", "must be 1 to " + MAX_KEY + " characters");
        }
        RelocationService.Accepted accepted = relocations.create(body, idempotencyKey);
        RelocationView view = view(accepted.snapshot());
        return Response.status(accepted.created() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(URI.create(view.links().self().href())).entity(view).build();
    }

    @GET
    @Operation(summary = "Relocations, newest first; filters appInstanceId, state, sourceHost, targetHost")
    public List<RelocationView> list(@Context UriInfo uri) {
        QueryParameters q = QueryParameters.allowOnly(uri, Set.of("appInstanceId", "state", "sourceHost",
                "targetHost"));
        String state = q.value("state");
        if (state != null) {
            try {
                state = RelocationState.valueOf(state.toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("state", "must be one of " + List.of(RelocationState.values()));
            }
        }
        return relocations.list(new RelocationService.Filter(q.value("appInstanceId"), state, q.value("sourceHost"),
                q.value("targetHost"))).stream().map(this::view).toList();
    }

    @GET
    @Path("/{relocationId}")
    @Operation(summary = "One relocation with its step records")
    public RelocationView get(@PathParam("relocationId") String relocationId, @Context UriInfo uri) {
        QueryParameters.allowOnly(uri, Set.of());
        return view(relocations.get(relocationId));
    }

    @POST
    @Path("/{relocationId}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Cancel a relocation that has not reached FINALIZE; 202, it is compensated")
    public Response cancel(@PathParam("relocationId") String relocationId, @Context UriInfo uri) {
        QueryParameters.allowOnlyOnWrite(uri);
        return Response.accepted(view(relocations.cancel(relocationId))).build();
    }

    private RelocationView view(RelocationService.Snapshot s) {
        return RelocationView.of(s, json, baseUrl + BASE + "/" + s.relocation().relocationId);
    }
}
