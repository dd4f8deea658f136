package org.edgemec.applcm.domain.relocate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.edgemec.applcm.config.LcmConfig;
import org.edgemec.applcm.domain.grant.GrantService;
import org.edgemec.applcm.domain.host.MecHost;
import org.edgemec.applcm.domain.host.MecHostService;
import org.edgemec.applcm.persistence.AppInstanceEntity;
import org.edgemec.applcm.persistence.AppInstanceRepository;
import org.edgemec.applcm.persistence.AppMoveEntity;
import org.edgemec.applcm.persistence.AppMoveRepository;
import org.edgemec.applcm.persistence.LcmOpOccRepository;
import org.edgemec.common.error.ConflictException;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.mp1api.common.ProblemDetails;
import org.edgemec.mp1api.mec0102.lcm.InstantiationState;
import org.edgemec.mp1api.mec0102.lcm.OperationalState;
import org.edgemec.mp1api.provisioning.AppEndpoint;

/**
 * The app_move rows: every change is its own transaction, committed before the caller goes on, so the row always
 * tells how far a move got. A replica works on a move only while it holds the row's claim ({@code claimed_by},
 * {@code lease_until}); a write by a replica whose claim was taken over fails with {@link LostClaimException}.
 */
@ApplicationScoped
@Transactional
public class MoveLedger {

    private static final TypeReference<List<AppMove.PhaseAt>> PHASES = new TypeReference<>() {
    };

    /** Where a new or repeated POST stands: {@code created} false for an idempotent retry. */
    public record Started(AppMove move, boolean created) {
    }

    private final AppMoveRepository moves;
    private final AppInstanceRepository instances;
    private final LcmOpOccRepository ops;
    private final MecHostService hosts;
    private final JsonColumn json;
    private final ObjectMapper mapper;
    private final MoveClaims claims;
    private final LcmConfig config;
    private final GrantService grants;

    public MoveLedger(AppMoveRepository moves, AppInstanceRepository instances, LcmOpOccRepository ops,
            MecHostService hosts, JsonColumn json, ObjectMapper mapper, MoveClaims claims, LcmConfig config,
            GrantService grants) {
        this.grants = grants;
        this.moves = moves;
        this.instances = instances;
        this.ops = ops;
        this.hosts = hosts;
        this.json = json;
        this.mapper = mapper;
        this.claims = claims;
        this.config = config;
    }

    /**
     * Records a new move (PROCESSING, STARTED, claimed by this replica) after every check, under the instance's row
     * lock so concurrent requests for one instance are serialised; or returns the existing move of the same id.
     */
    public Started create(String appInstanceId, String targetHost, RelocationMode mode, CommitMode commit,
            String moveId) {
        AppInstanceEntity inst = instances.findById(appInstanceId, LockModeType.PESSIMISTIC_WRITE);
        if (inst == null) {
            throw new NotFoundException("app instance " + appInstanceId + " does not exist");
        }
        if (moveId != null) {
            AppMoveEntity existing = moves.findById(moveId);
            if (existing != null) {
                if (!existing.appInstanceId.equals(appInstanceId)) {
                    throw new ConflictException("move " + moveId + " belongs to app instance "
                            + existing.appInstanceId);
                }
                return new Started(view(existing), false);
            }
        }
        MecHost target;
        try {
            target = hosts.get(targetHost);
        } catch (NotFoundException e) {
            throw new InvalidFieldException("targetHost", "MEC host " + targetHost + " does not exist");
        }
        if (!InstantiationState.INSTANTIATED.name().equals(inst.instantiationState)
                || !OperationalState.STARTED.name().equals(inst.operationalState)) {
            throw new ConflictException("app instance " + appInstanceId + " is not INSTANTIATED and STARTED");
        }
        if (target.name().equals(inst.hostName)) {
            throw new InvalidFieldException("targetHost", "is the instance's current host " + inst.hostName);
        }
        MecHost source = hosts.get(inst.hostName);
        if (source.engineKind() != MecHost.EngineKind.PODMAN || target.engineKind() != MecHost.EngineKind.PODMAN) {
            throw new ConflictException("checkpoint/restore between hosts needs Podman on both sides: "
                    + source.name() + " is " + source.engineKind() + ", " + target.name() + " is "
                    + target.engineKind());
        }
        if (ops.hasOpenOperation(appInstanceId)) {
            throw new ConflictException("app instance " + appInstanceId
                    + " has an LCM operation in progress or FAILED_TEMP");
        }
        List<AppMoveEntity> open = moves.unfinished(appInstanceId);
        if (!open.isEmpty()) {
            throw new ConflictException("app instance " + appInstanceId + " has an unfinished move "
                    + open.get(0).moveId + " (" + open.get(0).state + "); commit or roll it back first");
        }
        OffsetDateTime now = OffsetDateTime.now();
        AppMoveEntity e = new AppMoveEntity();
        e.moveId = moveId == null ? UUID.randomUUID().toString() : moveId;
        e.appInstanceId = appInstanceId;
        e.sourceHost = source.name();
        e.targetHost = target.name();
        e.mode = mode.name();
        e.commitMode = commit.name();
        e.state = MoveState.PROCESSING.name();
        e.phase = MovePhase.STARTED.name();
        e.phases = json.write(List.of(new AppMove.PhaseAt(MovePhase.STARTED, now)));
        e.sourceContainerId = inst.containerId;
        e.containerName = inst.containerName;
        e.timings = json.write(AppMove.Timings.NONE);
        e.deprovisionSource = true;
        e.claimedBy = claims.replica();
        e.leaseUntil = now.plus(config.move().lease());
        e.createdAt = now;
        e.updatedAt = now;
        moves.persist(e);
        return new Started(view(e), true);
    }

    public AppMove get(String moveId) {
        return view(entity(moveId));
    }

    /** Newest first. (Reads run in a transaction of their own, so they never see a session's stale copy.) */
    public List<AppMove> list(String appInstanceId, MoveState state) {
        StringBuilder q = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (appInstanceId != null) {
            params.add(appInstanceId);
            q.append(" and appInstanceId = ?").append(params.size());
        }
        if (state != null) {
            params.add(state.name());
            q.append(" and state = ?").append(params.size());
        }
        return moves.list(q + " order by createdAt desc, moveId", params.toArray()).stream().map(this::view).toList();
    }

    /** Appends a phase (with its time) and applies {@code changes} in one transaction; renews this replica's claim. */
    public AppMove phase(String moveId, MovePhase phase, Consumer<AppMoveEntity> changes) {
        AppMoveEntity e = claimed(moveId);
        OffsetDateTime now = OffsetDateTime.now();
        List<AppMove.PhaseAt> list = new ArrayList<>(phases(e));
        list.add(new AppMove.PhaseAt(phase, now));
        e.phases = json.write(list);
        e.phase = phase.name();
        changes.accept(e);
        touch(e, now);
        return view(e);
    }

    /** Changes fields without a new phase; renews this replica's claim. */
    public AppMove update(String moveId, Consumer<AppMoveEntity> changes) {
        AppMoveEntity e = claimed(moveId);
        changes.accept(e);
        touch(e, OffsetDateTime.now());
        return view(e);
    }

    /** Ends this replica's work on the move: sets its state (and a last phase, when given) and drops the claim. */
    public AppMove settle(String moveId, MoveState state, MovePhase lastPhase, Consumer<AppMoveEntity> changes) {
        AppMove view = lastPhase == null ? update(moveId, changes) : phase(moveId, lastPhase, changes);
        AppMoveEntity e = moves.findById(view.moveId());
        e.state = state.name();
        e.claimedBy = null;
        e.leaseUntil = null;
        return view(e);
    }

    /**
     * Commit requested: AWAITING_COMMIT becomes PROCESSING claimed by this replica (true: run the commit);
     * COMMITTED is returned as is (false; the caller may retry a cleanup step that went wrong); anything else 409.
     */
    public boolean beginCommit(String moveId, boolean deprovisionSource) {
        AppMoveEntity e = locked(moveId);
        MoveState state = MoveState.valueOf(e.state);
        if (state == MoveState.COMMITTED) {
            return false;
        }
        if (state != MoveState.AWAITING_COMMIT) {
            throw new ConflictException("move " + moveId + " is " + state + "; only a move AWAITING_COMMIT can be "
                    + "committed");
        }
        e.state = MoveState.PROCESSING.name();
        e.deprovisionSource = deprovisionSource;
        claim(e, OffsetDateTime.now());
        return true;
    }

    /**
     * Rollback requested: AWAITING_COMMIT, a ROLLING_BACK nobody works on and a FAILED move whose compensation did
     * not finish (phase DUMPED or RESTORED) become ROLLING_BACK claimed by this replica (true: run it); ROLLED_BACK
     * and other FAILED moves are returned as they are (false); COMMITTED and moves being processed are 409.
     */
    public boolean beginRollback(String moveId) {
        AppMoveEntity e = locked(moveId);
        MoveState state = MoveState.valueOf(e.state);
        MovePhase phase = MovePhase.valueOf(e.phase);
        OffsetDateTime now = OffsetDateTime.now();
        switch (state) {
            case ROLLED_BACK:
                return false;
            case FAILED:
                if (phase != MovePhase.DUMPED && phase != MovePhase.RESTORED) {
                    return false;
                }
                break;
            case AWAITING_COMMIT:
                break;
            case ROLLING_BACK:
                if (e.leaseUntil != null && e.leaseUntil.isAfter(now) && !claims.replica().equals(e.claimedBy)) {
                    throw new ConflictException("move " + moveId + " is being rolled back by " + e.claimedBy);
                }
                break;
            case COMMITTED:
                throw new ConflictException("move " + moveId + " is COMMITTED; it cannot be rolled back");
            default:
                throw new ConflictException("move " + moveId + " is " + state + " (phase " + phase
                        + "); roll it back once it is AWAITING_COMMIT");
        }
        e.state = MoveState.ROLLING_BACK.name();
        claim(e, now);
        return true;
    }

    /**
     * Claims up to {@code limit} moves left PROCESSING or ROLLING_BACK whose lease ran out ({@code FOR UPDATE SKIP
     * LOCKED}: two replicas never claim the same row) and returns their ids.
     */
    public List<String> claimAbandoned(int limit) {
        OffsetDateTime now = OffsetDateTime.now();
        List<String> ids = new ArrayList<>();
        for (AppMoveEntity e : moves.lockAbandoned(now, limit)) {
            claim(e, now);
            ids.add(e.moveId);
        }
        return ids;
    }

    /** Renews this replica's claims on the moves it is working on. */
    public void renew(Collection<String> moveIds) {
        if (moveIds.isEmpty()) {
            return;
        }
        moves.update("leaseUntil = ?1 where moveId in ?2 and claimedBy = ?3",
                OffsetDateTime.now().plus(config.move().lease()), List.copyOf(moveIds), claims.replica());
    }

    /** Releases this replica's claim without changing the state (recovery retries the move after the lease). */
    public void release(String moveId) {
        AppMoveEntity e = moves.findById(moveId);
        if (e != null && claims.replica().equals(e.claimedBy)) {
            e.claimedBy = null;
            e.leaseUntil = null;
        }
    }

    /** Changes a settled move (a repeated commit's cleanup) without a claim. */
    public AppMove amend(String moveId, Consumer<AppMoveEntity> changes) {
        AppMoveEntity e = locked(moveId);
        changes.accept(e);
        e.updatedAt = OffsetDateTime.now();
        return view(e);
    }

    /** True while the commit still has to deprovision the source platform (deprovisionSource and not done yet). */
    public boolean deprovisionPending(String moveId) {
        AppMoveEntity e = entity(moveId);
        return e.deprovisionSource && !e.sourceDeprovisioned;
    }

    /** Releases the move's target grant (idempotent). */
    public void releaseGrant(String moveId) {
        AppMoveEntity e = entity(moveId);
        if (e.grantId != null) {
            grants.releaseGrant(e.grantId);
        }
    }

    public String write(Object value) {
        return json.write(value);
    }

    public AppEndpoint endpoint(String text) {
        return text == null ? null : json.read(text, AppEndpoint.class);
    }

    public AppMove.Timings timings(AppMoveEntity e) {
        return e.timings == null ? AppMove.Timings.NONE : json.read(e.timings, AppMove.Timings.class);
    }

    private AppMoveEntity claimed(String moveId) {
        AppMoveEntity e = locked(moveId);
        if (!claims.replica().equals(e.claimedBy)) {
            throw new LostClaimException("move " + moveId + " is now claimed by " + e.claimedBy + ", not by "
                    + claims.replica());
        }
        return e;
    }

    private void claim(AppMoveEntity e, OffsetDateTime now) {
        e.claimedBy = claims.replica();
        e.leaseUntil = now.plus(config.move().lease());
        e.updatedAt = now;
    }

    private void touch(AppMoveEntity e, OffsetDateTime now) {
        e.updatedAt = now;
        e.leaseUntil = now.plus(config.move().lease());
    }

    private AppMoveEntity locked(String moveId) {
        AppMoveEntity e = moves.findById(moveId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw new NotFoundException("move " + moveId + " does not exist");
        }
        return e;
    }

    private AppMoveEntity entity(String moveId) {
        AppMoveEntity e = moves.findById(moveId);
        if (e == null) {
            throw new NotFoundException("move " + moveId + " does not exist");
        }
        return e;
    }

    private List<AppMove.PhaseAt> phases(AppMoveEntity e) {
        try {
            return mapper.readValue(e.phases, PHASES);
        } catch (IOException ex) {
            throw new IllegalStateException("stored phases of move " + e.moveId + " are unreadable", ex);
        }
    }

    AppMove view(AppMoveEntity e) {
        return new AppMove(e.moveId, e.appInstanceId, e.sourceHost, e.targetHost, RelocationMode.valueOf(e.mode),
                CommitMode.valueOf(e.commitMode), MoveState.valueOf(e.state), MovePhase.valueOf(e.phase), phases(e),
                e.sourceContainerId, e.targetContainerId, endpoint(e.sourceEndpoint), endpoint(e.targetEndpoint),
                timings(e), e.archiveBytes, e.targetProvisioned,
                e.error == null ? null : json.read(e.error, ProblemDetails.class), e.createdAt, e.updatedAt);
    }

    /** This replica no longer holds the move's claim (it ran past its lease and another replica took over). */
    public static class LostClaimException extends RuntimeException {
        public LostClaimException(String message) {
            super(message);
        }
    }
}
