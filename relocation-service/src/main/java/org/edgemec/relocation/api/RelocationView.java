package org.edgemec.relocation.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.mp1api.common.ProblemDetails;
import org.edgemec.mp1api.mec021.AssociateId;
import org.edgemec.mp1api.provisioning.AppEndpoint;
import org.edgemec.relocation.persistence.RelocationEntity;
import org.edgemec.relocation.persistence.RelocationStepEntity;
import org.edgemec.relocation.saga.RelocationService;
import org.edgemec.relocation.saga.SagaContext;

/** A relocation as the API shows it: the request, where it stands, its steps with their timings, and its links. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RelocationView(String relocationId, String appInstanceId, String appDId, String sourceHost,
                             String targetHost, RelocationRequest.Placement placement, String steering,
                             String stateTransfer, List<AssociateId> associateId, String state, String currentStep,
                             boolean cancelRequested, Long downtimeMs, String moveId, AppEndpoint sourceEndpoint,
                             AppEndpoint targetEndpoint, Map<String, Long> moveTimings, ProblemDetails error,
                             OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime endedAt,
                             List<Step> steps, @JsonProperty("_links") Links links) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(int seq, String name, String state, OffsetDateTime startedAt, OffsetDateTime endedAt,
                       Long durationMs, int attempts, String detail, ProblemDetails error) {
    }

    public record Link(String href) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(Link self, Link cancel) {
    }

    static RelocationView of(RelocationService.Snapshot s, JsonColumn json, String self) {
        RelocationEntity e = s.relocation();
        SagaContext c = s.context();
        RelocationRequest request = json.read(e.request, RelocationRequest.class);
        List<Step> steps = s.steps().stream().map(r -> step(r, json)).toList();
        boolean finished = List.of("COMPLETED", "FAILED", "CANCELLED").contains(e.state);
        return new RelocationView(e.relocationId, e.appInstanceId, e.appDId, e.sourceHost, e.targetHost,
                request.placement(), e.steering, e.stateTransfer,
                c.associateId.isEmpty() ? request.associateId() : c.associateId, e.state, e.currentStep,
                e.cancelRequested, e.downtimeMs, c.moveId, c.sourceEndpoint, c.targetEndpoint,
                c.moveTimings.isEmpty() ? null : c.moveTimings,
                e.error == null ? null : json.read(e.error, ProblemDetails.class), e.createdAt, e.updatedAt,
                e.endedAt, steps, new Links(new Link(self), finished ? null : new Link(self + "/cancel")));
    }

    private static Step step(RelocationStepEntity r, JsonColumn json) {
        return new Step(r.key.seq, r.name, r.state, r.startedAt, r.endedAt, r.durationMs, r.attempts, r.detail,
                r.error == null ? null : json.read(r.error, ProblemDetails.class));
    }
}
