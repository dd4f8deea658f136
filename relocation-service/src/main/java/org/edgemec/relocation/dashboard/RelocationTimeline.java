package org.edgemec.relocation.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import org.edgemec.relocation.persistence.RelocationEntity;
import org.edgemec.relocation.persistence.RelocationRepository;
import org.edgemec.relocation.persistence.RelocationStepEntity;
import org.edgemec.relocation.persistence.RelocationStepRepository;

/** The latest relocations of this service's own database, each with its step records: the dashboard's timeline. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RelocationTimeline {

    private final RelocationRepository relocations;
    private final RelocationStepRepository steps;
    private final ObjectMapper json;

    public RelocationTimeline(RelocationRepository relocations, RelocationStepRepository steps, ObjectMapper json) {
        this.relocations = relocations;
        this.steps = steps;
        this.json = json;
    }

    /** The {@code limit} newest relocations, newest first. */
    public List<DashboardSnapshot.Relocation> latest(int limit) {
        return relocations.findAll(Sort.descending("createdAt").and("relocationId")).page(Page.ofSize(limit)).list()
                .stream().map(this::row).toList();
    }

    private DashboardSnapshot.Relocation row(RelocationEntity e) {
        List<DashboardSnapshot.Step> bars = steps.of(e.relocationId).stream().map(RelocationTimeline::bar).toList();
        return new DashboardSnapshot.Relocation(e.relocationId, e.appInstanceId, e.appDId, e.sourceHost, e.targetHost,
                e.steering, e.state, e.currentStep, e.downtimeMs, millis(e.createdAt), millisOrNull(e.endedAt),
                detail(e.error), bars);
    }

    private static DashboardSnapshot.Step bar(RelocationStepEntity s) {
        return new DashboardSnapshot.Step(s.key.seq, s.name, s.state, millis(s.startedAt), millisOrNull(s.endedAt),
                s.durationMs, s.attempts);
    }

    /** The error column holds a ProblemDetails: its detail is what the timeline shows. */
    private String detail(String problem) {
        if (problem == null) {
            return null;
        }
        try {
            JsonNode p = json.readTree(problem);
            return p.path("detail").asText(p.path("title").asText(problem));
        } catch (IOException e) {
            return problem;
        }
    }

    private static long millis(OffsetDateTime t) {
        return t.toInstant().toEpochMilli();
    }

    private static Long millisOrNull(OffsetDateTime t) {
        return t == null ? null : millis(t);
    }
}
