package org.edgemec.relocation.saga;

/**
 * One step of the relocation saga. A run must be safe to repeat (a worker that crashed after the step acted but
 * before it was recorded runs it again): every call it makes is idempotent or checked first.
 */
public interface SagaStep {

    StepName name();

    /** Runs the step once; may change {@code context}, which is saved with the result. */
    StepResult run(RelocationRun run, SagaContext context);
}
