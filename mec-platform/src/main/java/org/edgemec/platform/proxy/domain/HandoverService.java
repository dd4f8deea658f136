package org.edgemec.platform.proxy.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.edgemec.common.error.ConflictException;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.platform.proxy.config.ProxyConfig;
import org.edgemec.platform.proxy.persistence.HandoverEntity;
import org.edgemec.platform.proxy.persistence.HandoverRepository;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The handover protocol of seed 000, run by the platform that hosts the source proxy: copy the client's state to the
 * target, make the source advertise the target with Alt-Svc, finalize (drop the source's state) when the target
 * reports the client's first request. A client that ignores Alt-Svc keeps being served by the source.
 */
@ApplicationScoped
@Transactional
public class HandoverService {

    private static final Logger LOG = Logger.getLogger(HandoverService.class);

    private final HandoverRepository handovers;
    private final ClientStateService states;
    private final ProxyStates proxyStates;
    private final ProxyDirectory directory;
    private final ProxyConfig config;
    private final Event<ClientArrived> arrivals;

    public HandoverService(HandoverRepository handovers, ClientStateService states, ProxyStates proxyStates,
                           ProxyDirectory directory, ProxyConfig config, Event<ClientArrived> arrivals) {
        this.handovers = handovers;
        this.states = states;
        this.proxyStates = proxyStates;
        this.directory = directory;
        this.config = config;
        this.arrivals = arrivals;
    }

    public Handover order(String clientId, String sourceProxy, String targetProxy) {
        ProxyRef source = directory.find(sourceProxy).filter(ProxyRef::local).orElseThrow(
                () -> new InvalidFieldException("sourceProxy", "'" + sourceProxy + "' is not a proxy of this platform"));
        ProxyRef target = directory.find(targetProxy).orElseThrow(
                () -> new InvalidFieldException("targetProxy", "no proxy named '" + targetProxy + "'"));
        if (source.name().equals(target.name())) {
            throw new InvalidFieldException("targetProxy", "must differ from the source proxy");
        }
        ClientState current = states.find(source.name(), clientId).orElseThrow(
                () -> new NotFoundException("client " + clientId + " has no state at proxy " + source.name()));
        HandoverEntity h = newHandover(clientId, source.name(), target.name());
        String targetAltSvc = target.altSvc(maxAge());
        for (HandoverEntity earlier : handovers.listPending(clientId, source.name())) {
            supersede(earlier, targetAltSvc);
        }
        proxyStates.put(target, current.copyFor(target.name(), h.id));
        states.put(current.advertising(targetAltSvc, null));
        handovers.persist(h);
        LOG.infof("handover %s of client %s: %s -> %s", h.id, clientId, source.name(), target.name());
        return toHandover(h);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Handover get(String id) {
        return toHandover(find(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Handover> list() {
        return handovers.listAll().stream().map(HandoverService::toHandover).toList();
    }

    /** Ends a pending handover: the source's state of the client is removed. */
    public Handover finalizeHandover(String id) {
        HandoverEntity h = find(id);
        if (!Handover.State.PENDING.name().equals(h.state)) {
            throw new ConflictException("handover " + id + " is " + h.state + ", not PENDING");
        }
        states.remove(h.sourceProxy, h.clientId);
        setState(h, Handover.State.FINALIZED);
        LOG.infof("handover %s finalized: client %s left %s", id, h.clientId, h.sourceProxy);
        return toHandover(h);
    }

    /**
     * Cancels a pending handover. The source advertises itself again, and the target keeps its copy (advertising the
     * source) for one Alt-Svc lifetime, for a client that already switched.
     */
    public Handover cancel(String id) {
        HandoverEntity h = find(id);
        if (!Handover.State.PENDING.name().equals(h.state)) {
            throw new ConflictException("handover " + id + " is " + h.state + ", not PENDING");
        }
        ProxyRef source = directory.find(h.sourceProxy).orElseThrow();
        String sourceAltSvc = source.altSvc(maxAge());
        strandTargetCopy(h, sourceAltSvc);
        states.find(h.sourceProxy, h.clientId)
                .ifPresent(s -> states.put(s.advertising(sourceAltSvc, null)));
        setState(h, Handover.State.CANCELLED);
        LOG.infof("handover %s cancelled", id);
        return toHandover(h);
    }

    /** A target reported the client's first request (Kafka): finalize if this platform ordered that handover. */
    public void onClientArrived(String handoverId) {
        handovers.findByIdOptional(handoverId)
                .filter(h -> Handover.State.PENDING.name().equals(h.state))
                .ifPresent(h -> finalizeHandover(h.id));
    }

    /** Marks the first request of a handed-over client at {@code proxyName}; fires {@link ClientArrived} once. */
    public void markArrived(String proxyName, String clientId, String handoverId) {
        if (states.markArrived(proxyName, clientId)) {
            arrivals.fire(new ClientArrived(clientId, proxyName, handoverId));
        }
    }

    private void supersede(HandoverEntity earlier, String newTargetAltSvc) {
        strandTargetCopy(earlier, newTargetAltSvc);
        setState(earlier, Handover.State.SUPERSEDED);
        LOG.infof("handover %s superseded", earlier.id);
    }

    /** The target's copy keeps serving a client that already switched, sends it on, and expires with Alt-Svc. */
    private void strandTargetCopy(HandoverEntity h, String altSvc) {
        directory.find(h.targetProxy).ifPresent(target -> states.find(h.targetProxy, h.clientId)
                .or(() -> states.find(h.sourceProxy, h.clientId).map(s -> s.copyFor(h.targetProxy, h.id)))
                .ifPresent(copy -> proxyStates.put(target,
                        copy.advertising(altSvc, OffsetDateTime.now().plusSeconds(maxAge())))));
    }

    private HandoverEntity find(String id) {
        return handovers.findByIdOptional(id).orElseThrow(() -> new NotFoundException("no handover " + id));
    }

    private HandoverEntity newHandover(String clientId, String source, String target) {
        HandoverEntity h = new HandoverEntity();
        h.id = UUID.randomUUID().toString();
        h.clientId = clientId;
        h.sourceProxy = source;
        h.targetProxy = target;
        h.state = Handover.State.PENDING.name();
        h.createdAt = OffsetDateTime.now();
        h.updatedAt = h.createdAt;
        return h;
    }

    private static void setState(HandoverEntity h, Handover.State state) {
        h.state = state.name();
        h.updatedAt = OffsetDateTime.now();
    }

    private long maxAge() {
        return config.altSvcMaxAge().toSeconds();
    }

    private static Handover toHandover(HandoverEntity h) {
        return new Handover(h.id, h.clientId, h.sourceProxy, h.targetProxy, Handover.State.valueOf(h.state),
                h.createdAt, h.updatedAt);
    }
}
