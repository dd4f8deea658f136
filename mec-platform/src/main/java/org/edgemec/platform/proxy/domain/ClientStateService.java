package org.edgemec.platform.proxy.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.edgemec.platform.proxy.persistence.ClientStateEntity;
import org.edgemec.platform.proxy.persistence.ClientStateRepository;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The per-client state of the proxies hosted by this platform, persisted so that a proxy restart keeps it. */
@ApplicationScoped
@Transactional
public class ClientStateService {

    private static final Logger LOG = Logger.getLogger(ClientStateService.class);
    private static final TypeReference<Map<String, String>> FORWARDING = new TypeReference<>() {
    };

    private final ClientStateRepository states;
    private final ObjectMapper json;
    private final Event<ClientStateChanged> changed;

    public ClientStateService(ClientStateRepository states, ObjectMapper json, Event<ClientStateChanged> changed) {
        this.states = states;
        this.json = json;
        this.changed = changed;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ClientState> find(String proxyName, String clientId) {
        return states.findByIdOptional(new ClientStateEntity.Key(proxyName, clientId)).map(this::toState);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClientState> list(String proxyName) {
        return states.listByProxy(proxyName).stream().map(this::toState).toList();
    }

    /** Creates or replaces the state of {@code state.clientId()} at {@code state.proxyName()}. */
    public ClientState put(ClientState state) {
        ClientStateEntity.Key key = new ClientStateEntity.Key(state.proxyName(), state.clientId());
        ClientStateEntity e = states.findByIdOptional(key).orElseGet(() -> {
            ClientStateEntity created = new ClientStateEntity();
            created.key = key;
            created.createdAt = OffsetDateTime.now();
            return created;
        });
        e.latencyClass = state.requirements().latency().name();
        e.throughputClass = state.requirements().throughput().name();
        e.forwarding = write(state.forwarding());
        e.handoverId = state.handoverId();
        e.arrived = state.arrived();
        e.advertiseAltSvc = state.advertiseAltSvc();
        e.expiresAt = state.expiresAt();
        e.updatedAt = OffsetDateTime.now();
        states.persist(e);
        changed.fire(new ClientStateChanged(state.proxyName(), state.clientId()));
        LOG.infof("client %s state at proxy %s: %s", state.clientId(), state.proxyName(), state.forwarding());
        return toState(e);
    }

    public boolean remove(String proxyName, String clientId) {
        boolean removed = states.deleteById(new ClientStateEntity.Key(proxyName, clientId));
        if (removed) {
            changed.fire(new ClientStateChanged(proxyName, clientId));
            LOG.infof("client %s state removed from proxy %s", clientId, proxyName);
        }
        return removed;
    }

    /** @return true for the one call that saw the handed-over client's first request at this proxy */
    public boolean markArrived(String proxyName, String clientId) {
        boolean first = states.markArrived(new ClientStateEntity.Key(proxyName, clientId));
        if (first) {
            changed.fire(new ClientStateChanged(proxyName, clientId));
        }
        return first;
    }

    /**
     * Points every client state held here that forwards {@code serviceHost} to {@code from} at {@code to} instead:
     * the service's backend moved (a restarted container got another address). Returns how many changed.
     */
    public int redirect(String serviceHost, Endpoint from, Endpoint to) {
        int n = 0;
        for (ClientStateEntity e : states.listAll()) {
            Map<String, String> forwarding = read(e.forwarding);
            if (from.toString().equals(forwarding.get(serviceHost))) {
                forwarding.put(serviceHost, to.toString());
                e.forwarding = writePlain(forwarding);
                e.updatedAt = OffsetDateTime.now();
                changed.fire(new ClientStateChanged(e.key.proxyName(), e.key.clientId()));
                n++;
            }
        }
        if (n > 0) {
            LOG.infof("%d client state(s) now forward %s to %s instead of %s", n, serviceHost, to, from);
        }
        return n;
    }

    /** Drops copies kept only for clients that could still use a cached alternative. */
    public int purgeExpired() {
        List<ClientStateEntity> expired = states.listExpired(OffsetDateTime.now());
        for (ClientStateEntity e : expired) {
            states.delete(e);
            changed.fire(new ClientStateChanged(e.key.proxyName(), e.key.clientId()));
        }
        return expired.size();
    }

    private ClientState toState(ClientStateEntity e) {
        Map<String, Endpoint> forwarding = new LinkedHashMap<>();
        read(e.forwarding).forEach((host, backend) -> forwarding.put(host, Endpoint.parse(backend, "forwarding")));
        return new ClientState(e.key.proxyName(), e.key.clientId(),
                new Requirements(Requirements.LatencyClass.valueOf(e.latencyClass),
                        Requirements.ThroughputClass.valueOf(e.throughputClass)),
                forwarding, e.handoverId, e.arrived, e.advertiseAltSvc, e.expiresAt);
    }

    private String write(Map<String, Endpoint> forwarding) {
        Map<String, String> plain = new LinkedHashMap<>();
        forwarding.forEach((host, backend) -> plain.put(host, backend.toString()));
        return writePlain(plain);
    }

    private String writePlain(Map<String, String> plain) {
        try {
            return json.writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, FORWARDING);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable forwarding rules", e);
        }
    }
}
