package org.edgemec.relocation.saga;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.edgemec.common.error.ConflictException;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.common.persistence.JsonColumn;
import org.edgemec.relocation.api.RelocationRequest;
import org.edgemec.relocation.api.RelocationRequest.Policy;
import org.edgemec.relocation.config.RelocationConfig;
import org.edgemec.relocation.persistence.RelocationEntity;
import org.edgemec.relocation.persistence.RelocationRepository;
import org.edgemec.relocation.persistence.RelocationStepEntity;
import org.edgemec.relocation.persistence.RelocationStepRepository;
import org.edgemec.relocation.saga.ports.MecSystem;
import org.jboss.logging.Logger;

/** Accepting, reading and cancelling relocations; the {@link RelocationWorker} runs them. */
@ApplicationScoped
public class RelocationService {

    private static final Logger LOG = Logger.getLogger(RelocationService.class);

    /** A relocation with its steps, as read in one transaction. */
    public record Snapshot(RelocationEntity relocation, List<RelocationStepEntity> steps, SagaContext context) {
    }

    /** {@code created}: false when an Idempotency-Key named an earlier relocation. */
    public record Accepted(Snapshot snapshot, boolean created) {
    }

    public record Filter(String appInstanceId, String state, String sourceHost, String targetHost) {
    }

    private final RelocationRepository relocations;
    private final RelocationStepRepository steps;
    private final MecSystem system;
    private final JsonColumn json;
    private final RelocationConfig config;

    public RelocationService(RelocationRepository relocations, RelocationStepRepository steps, MecSystem system,
                             JsonColumn json, RelocationConfig config) {
        this.relocations = relocations;
        this.steps = steps;
        this.system = system;
        this.json = json;
        this.config = config;
    }

    /**
     * Accepts a relocation after checking what can be checked now (the request's rules, the instance and a named host
     * exist, no other relocation of the instance runs). The same Idempotency-Key again returns the first relocation.
     */
    public Accepted create(RelocationRequest body, String idempotencyKey) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> createOnce(body, idempotencyKey));
        } catch (ConflictException conflict) {
            if (idempotencyKey == null) {
                throw conflict;
            }
            // the same key sent twice at once (to two replicas, or a client retrying before the answer): the request
            // that lost the race sees the other's relocation of the instance; it answers that one, as a retry would
            return QuarkusTransaction.requiringNew().call(() -> relocations.byIdempotencyKey(idempotencyKey)
                    .filter(earlier -> earlier.appInstanceId.equals(body.appInstanceId()))
                    .map(earlier -> new Accepted(snapshot(earlier), false))).orElseThrow(() -> conflict);
        }
    }

    private Accepted createOnce(RelocationRequest body, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<RelocationEntity> earlier = relocations.byIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                if (!earlier.get().appInstanceId.equals(body.appInstanceId())) {
                    throw new ConflictException("Idempotency-Key " + idempotencyKey
                            + " was used for a relocation of another app instance");
                }
                return new Accepted(snapshot(earlier.get()), false);
            }
        }
        RelocationRequest request = body.withDefaults(config.defaultSteering(), config.defaultStateTransfer());
        checkPlacement(request);
        MecSystem.Instance inst = system.instance(request.appInstanceId()).orElseThrow(
                () -> new InvalidFieldException("appInstanceId", "app instance " + request.appInstanceId()
                        + " is not known to mec-app-lcm"));
        if (!inst.instantiated()) {
            throw new ConflictException("app instance " + inst.id() + " is not instantiated");
        }
        if (request.targetHost() != null && system.hosts().stream().noneMatch(h -> h.name().equals(request.targetHost()))) {
            throw new InvalidFieldException("targetHost", "MEC host " + request.targetHost() + " does not exist");
        }
        if (request.targetHost() != null && request.targetHost().equals(inst.host())) {
            throw new InvalidFieldException("targetHost", "app instance " + inst.id() + " already runs on "
                    + inst.host());
        }
        relocations.activeFor(request.appInstanceId()).ifPresent(r -> {
            throw new ConflictException("app instance " + request.appInstanceId() + " is being relocated by "
                    + r.relocationId + " (" + r.state + ")");
        });
        OffsetDateTime now = OffsetDateTime.now();
        RelocationEntity e = new RelocationEntity();
        e.relocationId = UUID.randomUUID().toString();
        e.idempotencyKey = idempotencyKey;
        e.appInstanceId = request.appInstanceId();
        e.appDId = inst.appDId();
        e.sourceHost = inst.host();
        e.targetHost = request.targetHost();
        e.request = json.write(request);
        e.steering = request.steering().name();
        e.stateTransfer = request.stateTransfer().name();
        e.state = RelocationState.PENDING.name();
        e.context = json.write(new SagaContext());
        e.nextRunAt = now;
        e.createdAt = now;
        e.updatedAt = now;
        try {
            relocations.persistAndFlush(e);
        } catch (PersistenceException race) {
            // the partial unique index: another request for this instance (or this key) committed first
            throw new ConflictException("app instance " + request.appInstanceId() + " is being relocated already");
        }
        LOG.infof("relocation %s of %s accepted: %s -> %s, steering %s, state transfer %s", e.relocationId,
                e.appInstanceId, e.sourceHost, request.targetHost() != null ? request.targetHost()
                        : request.placement().policy(), e.steering, e.stateTransfer);
        return new Accepted(new Snapshot(e, List.of(), new SagaContext()), true);
    }

    @Transactional
    public Snapshot get(String relocationId) {
        RelocationEntity e = relocations.findById(relocationId);
        if (e == null) {
            throw new NotFoundException("relocation " + relocationId + " does not exist");
        }
        return snapshot(e);
    }

    /** Newest first. */
    @Transactional
    public List<Snapshot> list(Filter f) {
        StringBuilder q = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        add(q, params, "appInstanceId", f.appInstanceId());
        add(q, params, "state", f.state());
        add(q, params, "sourceHost", f.sourceHost());
        add(q, params, "targetHost", f.targetHost());
        return relocations.list(q + " order by createdAt desc, relocationId", params.toArray()).stream()
                .map(this::snapshot).toList();
    }

    /**
     * A PENDING relocation ends CANCELLED at once; a RUNNING one is compensated before its next step, unless that is
     * FINALIZE (the move is being committed: 409).
     */
    @Transactional
    public Snapshot cancel(String relocationId) {
        RelocationEntity e = relocations.findForUpdate(relocationId);
        if (e == null) {
            throw new NotFoundException("relocation " + relocationId + " does not exist");
        }
        RelocationState state = RelocationState.valueOf(e.state);
        if (state == RelocationState.PENDING) {
            OffsetDateTime now = OffsetDateTime.now();
            e.state = RelocationState.CANCELLED.name();
            e.cancelRequested = true;
            e.endedAt = now;
            e.updatedAt = now;
            LOG.infof("relocation %s cancelled before it started", relocationId);
        } else if (state == RelocationState.RUNNING && e.currentStep != null
                && StepName.valueOf(e.currentStep).cancellable()) {
            e.cancelRequested = true;
            e.updatedAt = OffsetDateTime.now();
            LOG.infof("relocation %s: cancel requested during %s", relocationId, e.currentStep);
        } else if (!e.cancelRequested) {
            throw new ConflictException("relocation " + relocationId + " cannot be cancelled: it is " + e.state
                    + (e.currentStep == null ? "" : " in step " + e.currentStep));
        }
        return snapshot(e);
    }

    private Snapshot snapshot(RelocationEntity e) {
        return new Snapshot(e, steps.of(e.relocationId), json.read(e.context, SagaContext.class));
    }

    private static void add(StringBuilder q, List<Object> params, String field, String value) {
        if (value != null) {
            params.add(value);
            q.append(" and ").append(field).append(" = ?").append(params.size());
        }
    }

    private void checkPlacement(RelocationRequest r) {
        RelocationRequest.Placement p = r.placement();
        if (p.policy() == Policy.NAMED && r.targetHost() == null) {
            throw new InvalidFieldException("targetHost", "is required (or a placement policy NEAREST or "
                    + "LEAST_LOADED)");
        }
        if (p.policy() != Policy.NAMED && r.targetHost() != null) {
            throw new InvalidFieldException("targetHost", "goes only with placement.policy NAMED, not "
                    + p.policy());
        }
        if (p.policy() == Policy.NEAREST && (p.zone() == null) == (p.position() == null)) {
            throw new InvalidFieldException("placement", "NEAREST needs exactly one of zone and position");
        }
        if (p.policy() != Policy.NEAREST && (p.zone() != null || p.position() != null)) {
            throw new InvalidFieldException("placement", "zone and position go only with policy NEAREST");
        }
        if (p.position() != null && config.zones().isEmpty()) {
            throw new InvalidFieldException("placement.position", "no zone positions are configured "
                    + "(edgemec.relocation.zones.<zone>.latitude/longitude)");
        }
        if (r.stateTransfer() == StateTransfer.APPLICATION && r.steering() == null) {
            throw new InvalidFieldException("steering", "is required");
        }
    }
}
