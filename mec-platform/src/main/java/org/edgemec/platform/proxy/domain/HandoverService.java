package org.edgemec.platform.proxy.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.edgemec.common.error.ConflictException;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.platform.proxy.config.ProxyConfig;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The handover protocol of seed 000, run by the platform that hosts the source proxy: copy the client's state to the
 * target, make the source advertise the target with Alt-Svc, finalize (drop the source's state) when the target
 * reports the client's first request. A client that ignores Alt-Svc keeps being served by the source.
 * <p>
 * No transaction spans a call to a peer platform: an order is recorded (PREPARING) and committed, the copy is
 * installed at the target, and a second transaction makes it PENDING (or FAILED when the peer failed; the client's
 * state at the source is then as it was). Installing or removing copies that only tidy up (stragglers of a cancel or
 * a supersede, the copy of a timed-out handover) happens after the commit, best effort.
 */
@ApplicationScoped
public class HandoverService {

    private static final Logger LOG = Logger.getLogger(HandoverService.class);
    public static final Pattern HANDOVER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final HandoverLedger ledger;
    private final ClientStateService states;
    private final ProxyStates proxyStates;
    private final ProxyDirectory directory;
    private final ProxyConfig config;
    private final ObjectMapper json;
    private final Event<ClientArrived> arrivals;

    public HandoverService(HandoverLedger ledger, ClientStateService states, ProxyStates proxyStates,
                           ProxyDirectory directory, ProxyConfig config, ObjectMapper json,
                           Event<ClientArrived> arrivals) {
        this.ledger = ledger;
        this.states = states;
        this.proxyStates = proxyStates;
        this.directory = directory;
        this.config = config;
        this.json = json;
        this.arrivals = arrivals;
    }

    /**
     * An order.
     *
     * @param handoverId    client-chosen id (idempotency key), null for a generated one
     * @param forwarding    service host -> backend for the target's copy (empty: as at the source)
     * @param rewriteSource whether the source's state gets {@code forwarding} too
     */
    public record Order(String clientId, String sourceProxy, String targetProxy, String handoverId,
                        Map<String, Endpoint> forwarding, boolean rewriteSource) {

        public Order {
            forwarding = forwarding == null ? Map.of() : Map.copyOf(forwarding);
        }
    }

    /** @param created false when the same order with the same id existed already */
    public record Ordered(Handover handover, boolean created) {
    }

    public Ordered order(Order order) {
        if (order.handoverId() != null && !HANDOVER_ID.matcher(order.handoverId()).matches()) {
            throw new InvalidFieldException("handoverId", "must be 1..64 characters of [A-Za-z0-9._-]");
        }
        ProxyRef source = directory.find(order.sourceProxy()).filter(ProxyRef::local).orElseThrow(
                () -> new InvalidFieldException("sourceProxy", "'" + order.sourceProxy()
                        + "' is not a proxy of this platform"));
        ProxyRef target = directory.find(order.targetProxy()).orElseThrow(
                () -> new InvalidFieldException("targetProxy", "no proxy named '" + order.targetProxy() + "'"));
        if (source.name().equals(target.name())) {
            throw new InvalidFieldException("targetProxy", "must differ from the source proxy");
        }
        String id = order.handoverId() != null ? order.handoverId() : UUID.randomUUID().toString();
        String request = canonical(order);

        HandoverLedger.Prepared prepared;
        try {
            prepared = ledger.prepare(id, order, request);
        } catch (RuntimeException e) {
            if (order.handoverId() == null || !isDuplicateKey(e)) {
                throw e;
            }
            // the same id was ordered concurrently and committed first
            prepared = ledger.existing(id, request).orElseThrow(() -> e);
        }
        if (!prepared.created()) {
            return new Ordered(prepared.handover(), false);
        }
        try {
            proxyStates.put(target, prepared.copy()); // outside any transaction: a slow peer holds no row lock
        } catch (RuntimeException e) {
            ledger.fail(id, describe(e));
            throw e;
        }
        HandoverLedger.Outcome committed = ledger.commitPending(id, target.altSvc(maxAge()));
        apply(committed.actions());
        if (!committed.changed()) {
            Handover h = committed.handover();
            if (h.state() == Handover.State.FAILED) {
                throw new NotFoundException(h.failure());
            }
            throw new ConflictException("handover " + id + " became " + h.state() + " while its copy was installed at "
                    + target.name() + "; the copy was removed");
        }
        return new Ordered(committed.handover(), true);
    }

    public Handover get(String id) {
        return ledger.get(id);
    }

    public List<Handover> list() {
        return ledger.list();
    }

    /** Ends a pending handover now: the source's state of the client is removed. Finalized already: as it is. */
    public Handover finalizeHandover(String id) {
        return ledger.finalizeHandover(id).handover();
    }

    /**
     * Cancels a pending handover (cancelled already: nothing changes). The source advertises itself again, and the
     * target keeps its copy (advertising the source) for one Alt-Svc lifetime, for a client that already switched.
     */
    public Handover cancel(String id) {
        HandoverLedger.Outcome cancelled = ledger.cancel(id);
        apply(cancelled.actions());
        return cancelled.handover();
    }

    /** A target reported the client's first request (Kafka): finalize if this platform ordered that handover. */
    @Transactional
    public void onClientArrived(String handoverId) {
        ledger.finalizeIfPending(handoverId);
    }

    /**
     * Marks the first request of a handed-over client at {@code proxyName}; fires {@link ClientArrived} once, in the
     * transaction of the change (the events outbox writes it there).
     */
    @Transactional
    public void markArrived(String proxyName, String clientId, String handoverId) {
        if (states.markArrived(proxyName, clientId)) {
            arrivals.fire(new ClientArrived(clientId, proxyName, handoverId));
        }
    }

    /** Ends the handovers that waited longer than {@code edgemec.proxy.handover-timeout}; returns how many. */
    public int timeOutOverdue() {
        List<HandoverLedger.CopyAction> actions = ledger.timeOut(50);
        apply(actions);
        return actions.size();
    }

    /** Performs what a committed transaction left to do at the proxies; a failure is logged, not thrown. */
    private void apply(List<HandoverLedger.CopyAction> actions) {
        for (HandoverLedger.CopyAction a : actions) {
            Optional<ProxyRef> proxy = directory.find(a.proxyName());
            if (proxy.isEmpty()) {
                continue;
            }
            try {
                if (a.state() == null) {
                    proxyStates.remove(proxy.get(), a.clientId());
                } else {
                    proxyStates.put(proxy.get(), a.state());
                }
            } catch (RuntimeException e) {
                LOG.warnf("%s of client %s at %s not done (%s): %s", a.state() == null ? "removal" : "copy",
                        a.clientId(), a.proxyName(), a.why(), describe(e));
            }
        }
    }

    /** The order as compared for idempotency: the resolved proxies, the sorted forwarding, the flag. */
    private String canonical(Order order) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("clientId", order.clientId());
        c.put("sourceProxy", order.sourceProxy());
        c.put("targetProxy", order.targetProxy());
        c.put("forwarding", HandoverLedger.plain(order.forwarding()));
        c.put("rewriteSource", order.rewriteSource());
        try {
            return json.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.length() > 1000 ? m.substring(0, 1000) : m;
    }

    private long maxAge() {
        return config.altSvcMaxAge().toSeconds();
    }
}
