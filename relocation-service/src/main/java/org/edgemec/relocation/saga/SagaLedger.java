package org.edgemec.relocation.saga;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.mp1api.common.ProblemDetails;
import org.edgemec.mp1api.events.RelocationEvent;
import org.edgemec.relocation.api.RelocationRequest;
import org.edgemec.relocation.config.RelocationConfig;
import org.edgemec.relocation.persistence.RelocationEntity;
import org.edgemec.relocation.persistence.RelocationRepository;
import org.edgemec.relocation.persistence.RelocationStepEntity;
import org.edgemec.relocation.persistence.RelocationStepRepository;
import org.jboss.logging.Logger;

/**
 * The saga's bookkeeping in PostgreSQL: which relocation a worker may run now (claimed with a lease under a row lock,
 * so two replicas never run one relocation), and what each run of a step came to.
 */
@ApplicationScoped
public class SagaLedger {

    private static final Logger LOG = Logger.getLogger(SagaLedger.class);

    /** A claimed relocation: what the worker needs to run its current step. */
    public record Claim(RelocationRun run, SagaContext context) {
    }

    private final RelocationRepository relocations;
    private final RelocationStepRepository steps;
    private final JsonColumn json;
    private final RelocationConfig config;
    private final Event<RelocationEvent> events;
    private final String source;

    public SagaLedger(RelocationRepository relocations, RelocationStepRepository steps, JsonColumn json,
                      RelocationConfig config, Event<RelocationEvent> events,
                      @ConfigProperty(name = "edgemec.instance-name") String source) {
        this.relocations = relocations;
        this.steps = steps;
        this.json = json;
        this.config = config;
        this.events = events;
        this.source = source;
    }

    /** Claims the next due relocation for {@code owner}; a cancel before a cancellable step turns it to COMPENSATE. */
    @Transactional
    public Optional<Claim> claim(String owner) {
        OffsetDateTime now = OffsetDateTime.now();
        return relocations.claimDue(now).map(e -> {
            e.leaseOwner = owner;
            e.leaseUntil = now.plus(config.lease());
            StepName step = e.currentStep == null ? StepName.PLAN : StepName.valueOf(e.currentStep);
            if (e.cancelRequested && step.cancellable()) {
                step = StepName.COMPENSATE;
                e.state = RelocationState.COMPENSATING.name();
            }
            if (RelocationState.PENDING.name().equals(e.state)) {
                e.state = RelocationState.RUNNING.name();
            }
            e.currentStep = step.name();
            e.updatedAt = now;
            int attempts = steps.last(e.relocationId).filter(s -> s.name.equals(e.currentStep)
                    && "RUNNING".equals(s.state)).map(s -> s.attempts).orElse(0);
            RelocationRequest request = json.read(e.request, RelocationRequest.class);
            return new Claim(new RelocationRun(e.relocationId, e.appInstanceId, request,
                    Steering.valueOf(e.steering), StateTransfer.valueOf(e.stateTransfer), step, attempts,
                    e.cancelRequested), json.read(e.context, SagaContext.class));
        });
    }

    /** Frees what this worker held before it restarted under the same name, so its relocations resume at once. */
    @Transactional
    public int releaseLeasesOf(String owner) {
        return relocations.releaseLeasesOf(owner);
    }

    /**
     * Records one run of {@code step}. Nothing is recorded when the lease was lost meanwhile (another worker owns the
     * relocation now and runs the step again: steps are idempotent).
     */
    @Transactional
    public void record(String relocationId, String owner, StepName step, StepResult result, SagaContext context) {
        RelocationEntity e = relocations.findForUpdate(relocationId);
        if (e == null || !owner.equals(e.leaseOwner)) {
            LOG.warnf("relocation %s: lease lost while running %s; the result is dropped", relocationId, step);
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        RelocationStepEntity row = currentRow(e, step, now);
        context.consecutiveFailures = result instanceof StepResult.Wait w && w.retry()
                ? context.consecutiveFailures + 1 : 0;
        e.context = json.write(context);
        e.sourceHost = context.sourceHost;
        e.targetHost = context.targetHost;
        e.appDId = context.appDId;
        if (context.moveTimings.containsKey("firstResponseMs")) {
            e.downtimeMs = context.moveTimings.get("firstResponseMs");
        }
        e.leaseOwner = null;
        e.leaseUntil = null;
        e.updatedAt = now;
        if (result instanceof StepResult.Wait w) {
            row.detail = w.detail();
            e.nextRunAt = now.plus(w.delay());
        } else if (result instanceof StepResult.Done d) {
            end(row, "DONE", d.detail(), null, now);
            d.inTransaction().forEach(Runnable::run);
            event(e, RelocationEvent.STEP, row);
            StepName next = step.next();
            if (step == StepName.COMPENSATE) {
                finish(e, e.cancelRequested ? RelocationState.CANCELLED : RelocationState.FAILED, now);
            } else if (next == null) {
                finish(e, RelocationState.COMPLETED, now);
            } else {
                e.currentStep = next.name();
                e.nextRunAt = now;
            }
        } else if (result instanceof StepResult.Fail f) {
            end(row, "FAILED", null, f.problem(), now);
            event(e, RelocationEvent.STEP, row);
            e.error = json.write(f.problem());
            if (step == StepName.COMPENSATE) {
                finish(e, RelocationState.FAILED, now);
                LOG.errorf("relocation %s: compensation failed, manual action needed: %s", relocationId,
                        f.problem().detail());
            } else {
                e.state = RelocationState.COMPENSATING.name();
                e.currentStep = StepName.COMPENSATE.name();
                e.nextRunAt = now;
            }
        }
    }

    private RelocationStepEntity currentRow(RelocationEntity e, StepName step, OffsetDateTime now) {
        Optional<RelocationStepEntity> last = steps.last(e.relocationId);
        if (last.isPresent() && last.get().name.equals(step.name()) && "RUNNING".equals(last.get().state)) {
            last.get().attempts++;
            return last.get();
        }
        RelocationStepEntity row = new RelocationStepEntity();
        row.key = new RelocationStepEntity.Key(e.relocationId, last.map(s -> s.key.seq + 1).orElse(1));
        row.name = step.name();
        row.state = "RUNNING";
        row.startedAt = now;
        row.attempts = 1;
        steps.persist(row);
        return row;
    }

    /** Opens the step's record before its first run, so that GET shows it RUNNING while it works. */
    @Transactional
    public void started(String relocationId, String owner, StepName step) {
        RelocationEntity e = relocations.findById(relocationId);
        if (e == null || !owner.equals(e.leaseOwner)) {
            return;
        }
        Optional<RelocationStepEntity> last = steps.last(relocationId);
        if (last.isPresent() && last.get().name.equals(step.name()) && "RUNNING".equals(last.get().state)) {
            return;
        }
        RelocationStepEntity row = new RelocationStepEntity();
        row.key = new RelocationStepEntity.Key(relocationId, last.map(s -> s.key.seq + 1).orElse(1));
        row.name = step.name();
        row.state = "RUNNING";
        row.startedAt = OffsetDateTime.now();
        row.attempts = 0;
        steps.persist(row);
        LOG.infof("relocation %s: %s started", relocationId, step);
    }

    private void end(RelocationStepEntity row, String state, String detail, ProblemDetails problem,
                     OffsetDateTime now) {
        row.state = state;
        row.endedAt = now;
        row.durationMs = Duration.between(row.startedAt, now).toMillis();
        if (detail != null) {
            row.detail = detail;
        }
        if (problem != null) {
            row.error = json.write(problem);
        }
        if (problem == null) {
            LOG.infof("relocation %s: %s %s in %d ms: %s", row.key.relocationId, row.name, state, row.durationMs,
                    row.detail);
        } else {
            LOG.warnf("relocation %s: %s %s in %d ms: %s", row.key.relocationId, row.name, state, row.durationMs,
                    problem.detail());
        }
    }

    private void finish(RelocationEntity e, RelocationState state, OffsetDateTime now) {
        e.state = state.name();
        e.endedAt = now;
        e.currentStep = null;
        LOG.infof("relocation %s of %s %s -> %s: %s (downtime %s ms)", e.relocationId, e.appInstanceId, e.sourceHost,
                e.targetHost, state, e.downtimeMs);
        event(e, switch (state) {
            case COMPLETED -> RelocationEvent.COMPLETED;
            case CANCELLED -> RelocationEvent.CANCELLED;
            default -> RelocationEvent.FAILED;
        }, null);
    }

    private void event(RelocationEntity e, String type, RelocationStepEntity row) {
        events.fire(RelocationEvent.of(source, type, e.relocationId, e.appInstanceId, e.sourceHost, e.targetHost,
                e.steering, e.stateTransfer, e.state, row == null ? null : row.name, row == null ? null : row.state,
                row == null ? null : row.durationMs, e.downtimeMs, row == null ? null : row.detail));
    }
}
