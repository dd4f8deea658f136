package org.edgemec.applcm.domain.lcm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.edgemec.applcm.config.LcmConfig;
import org.edgemec.applcm.persistence.AppInstanceEntity;
import org.edgemec.applcm.persistence.AppInstanceRepository;
import org.edgemec.applcm.persistence.AppMoveRepository;
import org.edgemec.applcm.persistence.LcmOpOccEntity;
import org.edgemec.applcm.persistence.LcmOpOccRepository;
import org.edgemec.common.error.ConflictException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.mp1api.common.ProblemDetails;
import org.edgemec.mp1api.mec0102.lcm.AppInstanceState;
import org.edgemec.mp1api.mec0102.lcm.InstantiationState;
import org.edgemec.mp1api.mec0102.lcm.LcmOperationState;
import org.edgemec.mp1api.mec0102.lcm.OperationalState;
import org.jboss.logging.Logger;

/**
 * The op occ state machine: STARTING -> PROCESSING -> COMPLETED, or FAILED_TEMP on an error or a cancel;
 * FAILED_TEMP -> PROCESSING (retry) or FAILED (fail). One open operation per instance; every change notified.
 */
@ApplicationScoped
@Transactional
public class LcmOpOccService {

    private static final Logger LOG = Logger.getLogger(LcmOpOccService.class);

    private final LcmOpOccRepository ops;
    private final AppInstanceRepository instances;
    private final LcmNotifier notifier;
    private final ObjectMapper json;
    private final AppMoveRepository moves;
    private final OpOccClaims claims;
    private final LcmConfig config;

    public LcmOpOccService(LcmOpOccRepository ops, AppInstanceRepository instances, LcmNotifier notifier,
            ObjectMapper json, AppMoveRepository moves, OpOccClaims claims, LcmConfig config) {
        this.moves = moves;
        this.claims = claims;
        this.config = config;
        this.ops = ops;
        this.instances = instances;
        this.notifier = notifier;
        this.json = json;
    }

    public OpOcc begin(String appInstanceId, LcmOperation operation, Object params) {
        AppInstanceEntity inst = instances.findById(appInstanceId, LockModeType.PESSIMISTIC_WRITE);
        if (inst == null) {
            throw new NotFoundException("app instance " + appInstanceId + " does not exist");
        }
        boolean instantiated = InstantiationState.INSTANTIATED.name().equals(inst.instantiationState);
        if (operation == LcmOperation.INSTANTIATE == instantiated) {
            throw new ConflictException("app instance " + appInstanceId + " is " + inst.instantiationState
                    + "; " + operation + " is not possible");
        }
        if (ops.hasOpenOperation(appInstanceId)) {
            throw new ConflictException("app instance " + appInstanceId
                    + " has an LCM operation in progress or FAILED_TEMP; complete, retry or fail it first");
        }
        if (moves.hasUnfinished(appInstanceId)) {
            throw new ConflictException("app instance " + appInstanceId
                    + " has an unfinished checkpoint/restore move; commit or roll it back first");
        }
        LcmOpOccEntity op = new LcmOpOccEntity();
        op.id = UUID.randomUUID().toString();
        op.appInstanceId = appInstanceId;
        op.lcmOperation = operation.name();
        op.operationParams = write(params);
        op.startTime = OffsetDateTime.now();
        op.steps = "[]";
        op.createdAt = op.startTime;
        // claimed from the start: this process's executor runs it, and recovery must not take a STARTING one
        claim(op);
        enter(op, LcmOperationState.STARTING, inst);
        ops.persist(op);
        return view(op);
    }

    /** STARTING -> PROCESSING; false when a cancel arrived first (the op is then FAILED_TEMP). */
    public boolean startProcessing(String opId) {
        LcmOpOccEntity op = owned(opId);
        if (op.cancelPending) {
            cancelled(op);
            return false;
        }
        enter(op, LcmOperationState.PROCESSING, instances.findById(op.appInstanceId));
        return true;
    }

    /** Records a step; false when a cancel is pending (the runner then stops and rolls back). */
    public boolean step(String opId, String step) {
        LcmOpOccEntity op = owned(opId);
        op.leaseUntil = OffsetDateTime.now().plus(config.operation().lease());
        ArrayNode steps = (ArrayNode) tree(op.steps);
        steps.addObject().put("time", OffsetDateTime.now().toString()).put("step", step);
        op.steps = steps.toString();
        LOG.infof("op occ %s (%s of %s): %s", op.id, op.lcmOperation, op.appInstanceId, step);
        return !op.cancelPending;
    }

    /** FAILED_TEMP with {@code error} as the op occ's error (for a platform's refusal: the platform's answer). */
    public void failTemp(String opId, ProblemDetails error) {
        LcmOpOccEntity op = owned(opId);
        setError(op, error);
        // MEC 010-2: cancelMode only while isCancelPending
        op.cancelPending = false;
        op.cancelMode = null;
        enter(op, LcmOperationState.FAILED_TEMP, instances.findById(op.appInstanceId));
    }

    /** Of these op occs, those with a FORCED cancel pending (another replica may have taken the request). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> forcedCancels(java.util.Collection<String> opIds) {
        return opIds.isEmpty() ? List.of() : ops.list("id in ?1 and cancelPending = true and cancelMode = 'FORCED'",
                List.copyOf(opIds)).stream().map(o -> o.id).toList();
    }

    /** Completes and applies the outcome to the instance in the same transaction. */
    public void complete(String opId, String host, String containerId, String containerName,
            OperationalState operationalState) {
        LcmOpOccEntity op = owned(opId);
        AppInstanceEntity inst = instances.findById(op.appInstanceId);
        LcmOperation type = LcmOperation.valueOf(op.lcmOperation);
        op.platformSnapshot = null;
        if (type == LcmOperation.CONFIGURE_PLATFORM_FOR_APP) {
            // the instance's state is what it was: only the platform's configuration changed
            enter(op, LcmOperationState.COMPLETED, inst);
            return;
        }
        if (type == LcmOperation.TERMINATE) {
            inst.instantiationState = InstantiationState.NOT_INSTANTIATED.name();
            inst.operationalState = null;
            inst.hostName = null;
            inst.containerId = null;
            inst.containerName = null;
        } else {
            inst.instantiationState = InstantiationState.INSTANTIATED.name();
            inst.operationalState = operationalState.name();
            if (type == LcmOperation.INSTANTIATE) {
                inst.hostName = host;
                inst.containerId = containerId;
                inst.containerName = containerName;
            }
        }
        inst.updatedAt = OffsetDateTime.now();
        enter(op, LcmOperationState.COMPLETED, inst);
        notifier.instanceStateChanged(inst, type == LcmOperation.TERMINATE ? AppInstanceState.NOT_INSTANTIATED
                : AppInstanceState.valueOf(operationalState.name()));
    }

    /**
     * Keeps what configure_platform_for_app needs to put the platform back (or to carry on after a retry) once it has
     * removed the instance's provisioning: the provisioning and Mp1 identity read before (JSON).
     */
    public void saveSnapshot(String opId, String snapshot) {
        locked(opId).platformSnapshot = snapshot;
    }

    public String snapshot(String opId) {
        LcmOpOccEntity op = ops.findById(opId);
        return op == null ? null : op.platformSnapshot;
    }

    /**
     * Sets the op occs left STARTING or PROCESSING past their claim FAILED_TEMP (one transaction; rows another replica
     * holds are skipped). The error says which replica was running it, since when, and its last step.
     */
    public List<String> failAbandoned(int limit) {
        OffsetDateTime now = OffsetDateTime.now();
        List<String> ids = new java.util.ArrayList<>();
        for (LcmOpOccEntity op : ops.lockAbandoned(now, limit)) {
            if (claims.replica().equals(op.claimedBy) && claims.active().contains(op.id)) {
                continue; // ours and still running: only its heartbeat is late
            }
            JsonNode steps = tree(op.steps);
            String last = steps.size() == 0 ? "before its first step" : "after the step \""
                    + steps.get(steps.size() - 1).path("step").asText() + "\"";
            setError(op, ProblemDetails.of(500, "LCM operation interrupted", "the op occ was " + op.operationState
                    + (op.claimedBy == null ? "" : " on " + op.claimedBy) + " when that process stopped ("
                    + (op.leaseUntil == null ? "no claim" : "claim ran out at " + op.leaseUntil) + "), " + last
                    + "; what it had done may remain: retry runs it again from the start, fail ends it"));
            op.cancelPending = false;
            op.cancelMode = null;
            enter(op, LcmOperationState.FAILED_TEMP, instances.findById(op.appInstanceId));
            ids.add(op.id);
        }
        return ids;
    }

    /** Renews this replica's claims on the op occs it runs. */
    public void renew(java.util.Collection<String> opIds) {
        if (!opIds.isEmpty()) {
            ops.update("leaseUntil = ?1 where id in ?2 and claimedBy = ?3",
                    OffsetDateTime.now().plus(config.operation().lease()), List.copyOf(opIds), claims.replica());
        }
    }

    public OpOcc retry(String opId) {
        LcmOpOccEntity op = locked(opId);
        requireState(op, LcmOperationState.FAILED_TEMP, "retry");
        setError(op, null);
        claim(op);
        enter(op, LcmOperationState.PROCESSING, instances.findById(op.appInstanceId));
        return view(op);
    }

    public OpOcc fail(String opId) {
        LcmOpOccEntity op = locked(opId);
        requireState(op, LcmOperationState.FAILED_TEMP, "fail");
        enter(op, LcmOperationState.FAILED, instances.findById(op.appInstanceId));
        return view(op);
    }

    public OpOcc cancel(String opId, String mode) {
        LcmOpOccEntity op = locked(opId);
        LcmOperationState state = LcmOperationState.valueOf(op.operationState);
        if (state != LcmOperationState.STARTING && state != LcmOperationState.PROCESSING) {
            throw new ConflictException("op occ " + opId + " is " + state + "; only STARTING or PROCESSING can be "
                    + "cancelled");
        }
        if (op.cancelPending) {
            throw new ConflictException("op occ " + opId + " is already being cancelled");
        }
        op.cancelPending = true;
        op.cancelMode = mode;
        return view(op);
    }

    /**
     * In a transaction of its own, so a background run reads what other transactions wrote since its start (a cancel);
     * outside one, the session of the task's request context would answer from its cache.
     */
    public OpOcc get(String opId) {
        LcmOpOccEntity op = ops.findById(opId);
        if (op == null) {
            throw new NotFoundException("op occ " + opId + " does not exist");
        }
        return view(op);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OpOcc> list() {
        return ops.list("order by startTime").stream().map(this::view).toList();
    }

    private static void setError(LcmOpOccEntity op, ProblemDetails error) {
        op.errorDetail = error == null ? null : error.detail();
        op.errorStatus = error == null || error.status() == null ? null : error.status().intValue();
        op.errorTitle = error == null ? null : error.title();
        op.errorType = error == null ? null : error.type();
        op.errorInstance = error == null ? null : error.instance();
    }

    private static ProblemDetails errorOf(LcmOpOccEntity op) {
        if (op.errorDetail == null && op.errorStatus == null && op.errorTitle == null) {
            return null;
        }
        return new ProblemDetails(op.errorType, op.errorTitle, op.errorStatus == null ? null
                : op.errorStatus.longValue(), op.errorDetail, op.errorInstance);
    }

    private void cancelled(LcmOpOccEntity op) {
        setError(op, ProblemDetails.of(409, "Cancelled", "cancelled (" + op.cancelMode + ") before it started"));
        op.cancelPending = false;
        op.cancelMode = null;
        enter(op, LcmOperationState.FAILED_TEMP, instances.findById(op.appInstanceId));
    }

    private static void requireState(LcmOpOccEntity op, LcmOperationState wanted, String action) {
        if (!wanted.name().equals(op.operationState)) {
            throw new ConflictException("op occ " + op.id + " is " + op.operationState + "; " + action
                    + " needs " + wanted);
        }
    }

    private void claim(LcmOpOccEntity op) {
        op.claimedBy = claims.replica();
        op.leaseUntil = OffsetDateTime.now().plus(config.operation().lease());
        claims.running(op.id);
    }

    /** The op occ, locked, if this replica still runs it; a writer that lost it must drop its result. */
    private LcmOpOccEntity owned(String opId) {
        LcmOpOccEntity op = locked(opId);
        LcmOperationState state = LcmOperationState.valueOf(op.operationState);
        if (!claims.replica().equals(op.claimedBy)
                || (state != LcmOperationState.STARTING && state != LcmOperationState.PROCESSING)) {
            claims.done(opId);
            throw new OpOccClaims.LostClaimException("op occ " + opId + " is " + state + (op.claimedBy == null ? ""
                    : " and held by " + op.claimedBy) + ", no longer run by " + claims.replica());
        }
        return op;
    }

    private void enter(LcmOpOccEntity op, LcmOperationState state, AppInstanceEntity inst) {
        if (state != LcmOperationState.STARTING && state != LcmOperationState.PROCESSING) {
            // nobody runs it any more
            op.claimedBy = null;
            op.leaseUntil = null;
            claims.done(op.id);
        }
        op.operationState = state.name();
        op.stateEnteredTime = OffsetDateTime.now();
        LOG.infof("op occ %s (%s of %s) %s%s", op.id, op.lcmOperation, op.appInstanceId, state,
                op.errorDetail == null && op.errorStatus == null ? ""
                        : ": " + (op.errorStatus == null ? "" : op.errorStatus + " ")
                        + (op.errorTitle == null ? "" : op.errorTitle + ": ") + op.errorDetail);
        notifier.opOccChanged(op, inst);
    }

    private LcmOpOccEntity locked(String opId) {
        LcmOpOccEntity op = ops.findById(opId, LockModeType.PESSIMISTIC_WRITE);
        if (op == null) {
            throw new NotFoundException("op occ " + opId + " does not exist");
        }
        return op;
    }

    private OpOcc view(LcmOpOccEntity op) {
        return new OpOcc(op.id, op.appInstanceId, LcmOperation.valueOf(op.lcmOperation),
                LcmOperationState.valueOf(op.operationState), op.stateEnteredTime, op.startTime, op.operationParams,
                op.cancelPending, op.cancelMode, errorOf(op), tree(op.steps));
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("stored steps unreadable", e);
        }
    }

    private String write(Object params) {
        try {
            return params == null ? null : json.writeValueAsString(params);
        } catch (IOException e) {
            throw new IllegalArgumentException("operation parameters cannot be stored", e);
        }
    }
}
