package org.edgemec.relocation.saga.steering;

import org.edgemec.relocation.saga.RelocationRun;
import org.edgemec.relocation.saga.SagaContext;
import org.edgemec.relocation.saga.Steering;

/** One way of sending the moved app's clients to the target; {@link #revert} undoes exactly what steer did. */
public interface SteeringStrategy {

    Steering kind();

    /** Steers; idempotent. Returns what it did, for the step record. */
    String steer(RelocationRun run, SagaContext ctx);

    /** Undoes {@link #steer} (compensation); idempotent, harmless when nothing was steered. */
    String revert(RelocationRun run, SagaContext ctx);
}
