package org.edgemec.platform.proxy.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.edgemec.common.error.ConflictException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.platform.proxy.config.ProxyConfig;
import org.edgemec.platform.proxy.persistence.ClientStateEntity;
import org.edgemec.platform.proxy.persistence.ClientStateRepository;
import org.edgemec.platform.proxy.persistence.HandoverEntity;
import org.edgemec.platform.proxy.persistence.HandoverRepository;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The database side of {@link HandoverService}: each method is one short transaction and never calls a peer
 * platform. What must happen at a proxy (install or remove a copy of a client's state) is returned as
 * {@link CopyAction}s, which the service performs after the commit. Every state change of a handover is logged once,
 * at INFO, by {@link #transition}.
 */
@ApplicationScoped
@Transactional
public class HandoverLedger {

    private static final Logger LOG = Logger.getLogger(HandoverLedger.class);
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private final HandoverRepository handovers;
    private final ClientStateRepository stateRows;
    private final ClientStateService states;
    private final ProxyDirectory directory;
    private final ProxyConfig config;
    private final ObjectMapper json;

    public HandoverLedger(HandoverRepository handovers, ClientStateRepository stateRows, ClientStateService states,
                          ProxyDirectory directory, ProxyConfig config, ObjectMapper json) {
        this.handovers = handovers;
        this.stateRows = stateRows;
        this.states = states;
        this.directory = directory;
        this.config = config;
        this.json = json;
    }

    /** Install ({@code state} set) or remove ({@code state} null) a client's copy at a proxy, after the commit. */
    public record CopyAction(String proxyName, String clientId, ClientState state, String why) {
    }

    /** A recorded handover; {@code created} false when it existed already (same id, same order). */
    public record Prepared(Handover handover, ClientState copy, boolean created) {
    }

    /** The outcome of a transaction plus what to do at the proxies now that it is committed. */
    public record Outcome(Handover handover, List<CopyAction> actions, boolean changed) {
    }

    /**
     * Records the order as PREPARING and returns the copy to install at the target, or the existing handover when
     * {@code id} was ordered before with the same {@code request}; 409 when it was ordered with another one.
     */
    public Prepared prepare(String id, HandoverService.Order order, String request) {
        Optional<Prepared> existing = existing(id, request);
        if (existing.isPresent()) {
            return existing.get();
        }
        ClientState current = states.find(order.sourceProxy(), order.clientId()).orElseThrow(
                () -> new NotFoundException("client " + order.clientId() + " has no state at proxy "
                        + order.sourceProxy()));
        HandoverEntity h = new HandoverEntity();
        h.id = id;
        h.clientId = order.clientId();
        h.sourceProxy = order.sourceProxy();
        h.targetProxy = order.targetProxy();
        h.state = Handover.State.PREPARING.name();
        h.request = request;
        h.forwarding = order.forwarding().isEmpty() ? null : write(plain(order.forwarding()));
        h.rewriteSource = order.rewriteSource();
        h.createdAt = now();
        h.updatedAt = h.createdAt;
        handovers.persist(h);
        handovers.flush(); // a concurrent order with the same id fails here, not at commit
        LOG.infof("handover %s of client %s (%s -> %s): PREPARING%s", id, h.clientId, h.sourceProxy, h.targetProxy,
                h.forwarding == null ? "" : ", target forwards " + h.forwarding);
        return new Prepared(toHandover(h), current.copyFor(order.targetProxy(), id).withForwarding(order.forwarding()),
                true);
    }

    /** The handover {@code id} if it exists and was ordered with {@code request}; 409 if with another order. */
    public Optional<Prepared> existing(String id, String request) {
        Optional<HandoverEntity> found = handovers.findByIdOptional(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (!request.equals(found.get().request)) {
            throw new ConflictException("handover " + id + " exists with another order: " + found.get().request);
        }
        return Optional.of(new Prepared(toHandover(found.get()), null, false));
    }

    /** The copy could not be installed at the target: FAILED, the source's state untouched. */
    public Handover fail(String id, String failure) {
        HandoverEntity h = handovers.lock(id).orElseThrow();
        if (Handover.State.PREPARING.name().equals(h.state)) {
            h.failure = failure;
            transition(h, Handover.State.FAILED, failure);
        }
        return toHandover(h);
    }

    /**
     * The copy is installed at the target: the source advertises the target, earlier pending handovers of the client
     * are superseded, the handover is PENDING. When it was cancelled (or timed out) meanwhile, or the client's state
     * at the source is gone, the copy is removed again and {@code changed} is false.
     */
    public Outcome commitPending(String id, String targetAltSvc) {
        HandoverEntity h = handovers.lock(id).orElseThrow();
        CopyAction removeCopy = new CopyAction(h.targetProxy, h.clientId, null, "handover " + id + " is " + h.state);
        if (!Handover.State.PREPARING.name().equals(h.state)) {
            return new Outcome(toHandover(h), List.of(removeCopy), false);
        }
        // locks in one order (handover rows, then the client's state row), so that a cancel, finalize or timeout of
        // an earlier handover cannot deadlock with this; concurrent orders serialise on the state row and then see
        // (and supersede) the one that committed first
        handovers.lockPending(h.clientId, h.sourceProxy);
        Optional<ClientStateEntity> row = stateRows.lock(new ClientStateEntity.Key(h.sourceProxy, h.clientId));
        List<HandoverEntity> earlierPending = handovers.lockPending(h.clientId, h.sourceProxy);
        Optional<ClientState> current = row.isEmpty() ? Optional.empty() : states.find(h.sourceProxy, h.clientId);
        if (current.isEmpty()) {
            h.failure = "client " + h.clientId + " has no state at proxy " + h.sourceProxy + " any more";
            transition(h, Handover.State.FAILED, h.failure);
            return new Outcome(toHandover(h), List.of(removeCopy), false);
        }
        List<CopyAction> actions = new ArrayList<>();
        for (HandoverEntity earlier : earlierPending) {
            strandTargetCopy(earlier, targetAltSvc).ifPresent(actions::add);
            transition(earlier, Handover.State.SUPERSEDED, "by " + id);
        }
        ClientState next = current.get().advertising(targetAltSvc, null);
        if (h.rewriteSource) {
            next = next.withForwarding(forwarding(h));
        }
        states.put(next);
        h.pendingSince = now();
        transition(h, Handover.State.PENDING, "source advertises " + targetAltSvc);
        return new Outcome(toHandover(h), actions, true);
    }

    /** Ends a pending handover (the source's state is removed); a finalized one is answered as it is. */
    public Outcome finalizeHandover(String id) {
        HandoverEntity h = find(id);
        if (Handover.State.FINALIZED.name().equals(h.state)) {
            return new Outcome(toHandover(h), List.of(), false);
        }
        requirePending(h);
        states.remove(h.sourceProxy, h.clientId);
        transition(h, Handover.State.FINALIZED, "client left " + h.sourceProxy);
        return new Outcome(toHandover(h), List.of(), true);
    }

    /** Finalizes {@code id} if this platform holds it PENDING (a target reported the client); else nothing. */
    public void finalizeIfPending(String id) {
        handovers.lock(id).filter(h -> Handover.State.PENDING.name().equals(h.state)).ifPresent(h -> {
            states.remove(h.sourceProxy, h.clientId);
            transition(h, Handover.State.FINALIZED, "client arrived at " + h.targetProxy);
        });
    }

    /**
     * Cancels a PENDING (or PREPARING) handover; a cancelled one is answered as it is. The source advertises itself
     * again, and the target keeps its copy (advertising the source) for one Alt-Svc lifetime, for a client that
     * already switched. A PREPARING handover's copy (if it got there) is removed.
     */
    public Outcome cancel(String id) {
        HandoverEntity h = find(id);
        if (Handover.State.CANCELLED.name().equals(h.state)) {
            return new Outcome(toHandover(h), List.of(), false);
        }
        boolean preparing = Handover.State.PREPARING.name().equals(h.state);
        if (!preparing) {
            requirePending(h);
        }
        List<CopyAction> actions = new ArrayList<>();
        if (preparing) {
            // the order installing the copy removes it too when it sees CANCELLED; this covers an order that died
            actions.add(new CopyAction(h.targetProxy, h.clientId, null, "handover " + id + " cancelled while preparing"));
        } else {
            ProxyRef source = directory.find(h.sourceProxy).orElseThrow();
            String sourceAltSvc = source.altSvc(maxAge());
            strandTargetCopy(h, sourceAltSvc).ifPresent(actions::add);
            states.find(h.sourceProxy, h.clientId).ifPresent(s -> states.put(s.advertising(sourceAltSvc, null)));
        }
        transition(h, Handover.State.CANCELLED, preparing ? "while preparing" : "source advertises itself again");
        return new Outcome(toHandover(h), actions, true);
    }

    /**
     * Ends overdue handovers (rows claimed FOR UPDATE SKIP LOCKED): a PENDING one becomes TIMED_OUT, the source stops
     * advertising the target and keeps serving the client, the target's copy is to be removed; a PREPARING one left
     * behind (a restart during its peer call) becomes FAILED.
     */
    public List<CopyAction> timeOut(int limit) {
        OffsetDateTime now = now();
        OffsetDateTime pendingBefore = now.minus(config.handoverTimeout());
        // an order still inside its peer call (at most twice the peer timeout) is not abandoned
        OffsetDateTime preparingBefore = pendingBefore.minusSeconds(10);
        List<CopyAction> actions = new ArrayList<>();
        for (HandoverEntity h : handovers.claimOverdue(pendingBefore, preparingBefore, limit)) {
            actions.add(new CopyAction(h.targetProxy, h.clientId, null, "handover " + h.id + " overdue"));
            if (Handover.State.PREPARING.name().equals(h.state)) {
                h.failure = "abandoned while PREPARING (the platform stopped during the peer call?)";
                transition(h, Handover.State.FAILED, h.failure);
                continue;
            }
            states.find(h.sourceProxy, h.clientId).filter(s -> s.advertiseAltSvc() != null)
                    .ifPresent(s -> states.put(s.advertising(null, null)));
            h.failure = "the client did not reach " + h.targetProxy + " within " + config.handoverTimeout();
            transition(h, Handover.State.TIMED_OUT, h.failure + "; " + h.sourceProxy + " serves it on, without Alt-Svc");
        }
        return actions;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Handover get(String id) {
        return toHandover(handovers.findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("no handover " + id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Handover> list() {
        return handovers.listAll().stream().map(this::toHandover).toList();
    }

    /** The target's copy keeps serving a client that already switched, sends it on, and expires with Alt-Svc. */
    private Optional<CopyAction> strandTargetCopy(HandoverEntity h, String altSvc) {
        if (directory.find(h.targetProxy).isEmpty()) {
            return Optional.empty();
        }
        return states.find(h.targetProxy, h.clientId)
                .or(() -> states.find(h.sourceProxy, h.clientId)
                        .map(s -> s.copyFor(h.targetProxy, h.id).withForwarding(forwarding(h))))
                .map(copy -> new CopyAction(h.targetProxy, h.clientId,
                        copy.advertising(altSvc, now().plusSeconds(maxAge())),
                        "straggler copy of handover " + h.id));
    }

    private HandoverEntity find(String id) {
        return handovers.lock(id).orElseThrow(() -> new NotFoundException("no handover " + id));
    }

    private static void requirePending(HandoverEntity h) {
        if (!Handover.State.PENDING.name().equals(h.state)) {
            throw new ConflictException("handover " + h.id + " is " + h.state + ", not PENDING");
        }
    }

    private static void transition(HandoverEntity h, Handover.State to, String why) {
        LOG.infof("handover %s of client %s (%s -> %s): %s -> %s, %s", h.id, h.clientId, h.sourceProxy,
                h.targetProxy, h.state, to, why);
        h.state = to.name();
        h.updatedAt = now();
    }

    /** Microseconds, as PostgreSQL keeps them: an answer shows the same time before and after a re-read. */
    private static OffsetDateTime now() {
        return OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private long maxAge() {
        return config.altSvcMaxAge().toSeconds();
    }

    private Map<String, Endpoint> forwarding(HandoverEntity h) {
        Map<String, Endpoint> rewrite = new LinkedHashMap<>();
        read(h.forwarding).forEach((host, backend) -> rewrite.put(host, Endpoint.parse(backend, "forwarding")));
        return rewrite;
    }

    static Map<String, String> plain(Map<String, Endpoint> forwarding) {
        Map<String, String> plain = new java.util.TreeMap<>();
        forwarding.forEach((host, backend) -> plain.put(host, backend.toString()));
        return plain;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable handover forwarding", e);
        }
    }

    private Handover toHandover(HandoverEntity h) {
        return new Handover(h.id, h.clientId, h.sourceProxy, h.targetProxy, Handover.State.valueOf(h.state),
                read(h.forwarding), h.rewriteSource, h.failure, h.createdAt, h.updatedAt);
    }
}
