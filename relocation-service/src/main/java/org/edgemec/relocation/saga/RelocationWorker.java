package org.edgemec.relocation.saga;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.edgemec.mp1api.common.ProblemDetails;
import org.edgemec.relocation.saga.ports.RemoteCallFailed;
import org.jboss.logging.Logger;

/**
 * Runs relocation sagas: claims a due relocation (row lock + lease), runs its current step outside any
 * transaction, records the result. A step that waits (a move in progress) gives the relocation back with a time to
 * look again, so one worker drives many relocations. A crashed worker's relocations are taken over once its lease
 * passed, or at once by the same instance restarting on the same machine ({@link WorkerName}).
 */
@ApplicationScoped
public class RelocationWorker {

    private static final Logger LOG = Logger.getLogger(RelocationWorker.class);
    private static final int MAX_RUNS_PER_TICK = 20;

    private final SagaLedger ledger;
    private final Map<StepName, SagaStep> steps = new EnumMap<>(StepName.class);
    private final String owner;

    public RelocationWorker(SagaLedger ledger, Instance<SagaStep> all,
                            @ConfigProperty(name = "edgemec.instance-name") String instanceName) {
        this.ledger = ledger;
        this.owner = WorkerName.of(instanceName, WorkerName.machine());
        all.forEach(s -> steps.put(s.name(), s));
        for (StepName n : StepName.values()) {
            if (!steps.containsKey(n)) {
                throw new IllegalStateException("no SagaStep for " + n);
            }
        }
    }

    void onStart(@Observes StartupEvent start) {
        int released = ledger.releaseLeasesOf(owner);
        if (released > 0) {
            LOG.infof("resuming %d relocation(s) this instance (%s) was running when it stopped", released, owner);
        }
    }

    @Scheduled(every = "${edgemec.relocation.worker-interval:200ms}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        for (int i = 0; i < MAX_RUNS_PER_TICK; i++) {
            SagaLedger.Claim claim = ledger.claim(owner).orElse(null);
            if (claim == null) {
                return;
            }
            runOnce(claim);
        }
    }

    private void runOnce(SagaLedger.Claim claim) {
        RelocationRun run = claim.run();
        if (run.attempts() == 0) {
            ledger.started(run.relocationId(), owner, run.step());
        }
        StepResult result;
        try {
            result = steps.get(run.step()).run(run, claim.context());
        } catch (RemoteCallFailed e) {
            result = new StepResult.Fail(e.problem());
        } catch (RuntimeException e) {
            LOG.errorf(e, "relocation %s: step %s threw", run.relocationId(), run.step());
            result = new StepResult.Fail(new ProblemDetails(null, "Relocation step failed", 500L,
                    run.step() + ": " + e, null));
        }
        ledger.record(run.relocationId(), owner, run.step(), result, claim.context());
    }
}
