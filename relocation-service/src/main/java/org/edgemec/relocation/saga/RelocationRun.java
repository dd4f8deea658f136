package org.edgemec.relocation.saga;

import org.edgemec.relocation.api.RelocationRequest;

/** A relocation as a step sees it when a worker runs it: the request, where it stands, and its attempts so far. */
public record RelocationRun(String relocationId, String appInstanceId, RelocationRequest request, Steering steering,
                            StateTransfer stateTransfer, StepName step, int attempts, boolean cancelRequested) {
}
