package org.edgemec.platform.proxy.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.platform.proxy.persistence.HoldEntity;
import org.edgemec.platform.proxy.persistence.HoldRepository;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The request holds of this platform's proxies. The proxies run in the platform's JVM (EdgeProxyLauncher), so the
 * holds they obey are kept in memory here; each is also a row of {@code proxy_hold}, read back at start, so that a
 * platform restarted mid-hold holds the same hosts until the hold is released or ends by itself.
 */
@ApplicationScoped
public class HoldService {

    private static final Logger LOG = Logger.getLogger(HoldService.class);
    private static final TypeReference<List<String>> HOSTS = new TypeReference<>() {
    };
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);
    public static final Duration MAX_MAX_WAIT = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_REQUESTS = 200;
    public static final int MAX_MAX_REQUESTS = 100_000;

    private final HoldRepository rows;
    private final ObjectMapper json;
    private final Event<HoldsReleased> released;
    private final Map<String, Hold> holds = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();

    public HoldService(HoldRepository rows, ObjectMapper json, Event<HoldsReleased> released) {
        this.rows = rows;
        this.json = json;
        this.released = released;
    }

    /** Loads the holds still in force before the proxies start serving. */
    void onStart(@Observes @Priority(1000) StartupEvent start) {
        OffsetDateTime now = OffsetDateTime.now();
        List<HoldEntity> all = QuarkusTransaction.requiringNew().call(() -> {
            rows.delete("expiresAt <= ?1", now);
            return rows.listAll();
        });
        for (HoldEntity e : all) {
            Hold h = toHold(e);
            holds.put(h.id(), h);
            LOG.infof("hold %s restored: %s until %s", h.id(), h.serviceHosts(), h.expiresAt());
        }
    }

    /**
     * Puts hold {@code id}. The same hold again changes nothing (its end stays); another body replaces it (its end is
     * then 3 x maxWait from now), and hosts it no longer names are released.
     *
     * @param maxWait     ISO-8601 duration, null for PT10S
     * @param maxRequests null for 200
     */
    public Hold put(String id, List<String> serviceHosts, String maxWait, Integer maxRequests) {
        if (id == null || !HandoverService.HANDOVER_ID.matcher(id).matches()) {
            throw new InvalidFieldException("holdId", "must be 1..64 characters of [A-Za-z0-9._-]");
        }
        List<String> hosts = hosts(serviceHosts);
        Duration wait = maxWait(maxWait);
        int max = maxRequests == null ? DEFAULT_MAX_REQUESTS : maxRequests;
        if (max < 1 || max > MAX_MAX_REQUESTS) {
            throw new InvalidFieldException("maxRequests", "must be 1.." + MAX_MAX_REQUESTS);
        }
        String request = write(Map.of("serviceHosts", hosts, "maxWait", wait.toString(), "maxRequests", max));
        OffsetDateTime now = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
        HoldEntity saved = QuarkusTransaction.requiringNew().call(() -> {
            HoldEntity e = rows.findByIdOptional(id).orElse(null);
            if (e != null && e.request.equals(request)) {
                return e;
            }
            if (e == null) {
                e = new HoldEntity();
                e.id = id;
                e.createdAt = now;
            }
            e.serviceHosts = write(hosts);
            e.maxWaitMs = wait.toMillis();
            e.maxRequests = max;
            e.request = request;
            e.expiresAt = now.plus(wait.multipliedBy(3));
            rows.persist(e);
            return e;
        });
        Hold hold = toHold(saved);
        Hold before = holds.put(id, hold);
        if (!hold.equals(before)) {
            LOG.infof("hold %s: requests for %s wait up to %s (at most %d), until %s at the latest", id, hosts, wait,
                    max, hold.expiresAt());
        }
        if (before != null) {
            Set<String> dropped = new LinkedHashSet<>(before.serviceHosts());
            hosts.forEach(dropped::remove);
            if (!dropped.isEmpty()) {
                released.fire(new HoldsReleased(dropped));
            }
        }
        return hold;
    }

    /** Releases hold {@code id} (nothing when there is none): its waiting requests are forwarded. */
    public boolean release(String id) {
        return release(id, "released");
    }

    public Hold get(String id) {
        return Optional.ofNullable(holds.get(id)).orElseThrow(() -> new NotFoundException("no hold " + id));
    }

    public List<Hold> list() {
        return holds.values().stream().sorted(Comparator.comparing(Hold::createdAt)).toList();
    }

    /** Whether any hold exists (the data plane's fast path). */
    public boolean any() {
        return !holds.isEmpty();
    }

    /** The hold in force that requests for {@code serviceHost} obey: the oldest one naming it. */
    public Optional<Hold> governing(String serviceHost) {
        OffsetDateTime now = OffsetDateTime.now();
        Hold found = null;
        for (Hold h : holds.values()) {
            if (h.inForce(now) && h.serviceHosts().contains(serviceHost)
                    && (found == null || h.createdAt().isBefore(found.createdAt()))) {
                found = h;
            }
        }
        return Optional.ofNullable(found);
    }

    /** How many requests wait under hold {@code id} now (kept by the data plane). */
    public AtomicInteger waiting(String id) {
        return waiting.computeIfAbsent(id, k -> new AtomicInteger());
    }

    /** Ends the holds whose safety time (3 x maxWait) passed. */
    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void endOverdue() {
        OffsetDateTime now = OffsetDateTime.now();
        for (Hold h : List.copyOf(holds.values())) {
            if (!h.inForce(now)) {
                release(h.id(), "ended by itself (3 x maxWait " + h.maxWait() + " passed)");
            }
        }
    }

    private boolean release(String id, String why) {
        QuarkusTransaction.requiringNew().run(() -> rows.deleteById(id));
        Hold h = holds.remove(id);
        waiting.remove(id);
        if (h == null) {
            return false;
        }
        LOG.infof("hold %s %s: requests for %s are forwarded", id, why, h.serviceHosts());
        released.fire(new HoldsReleased(Set.copyOf(h.serviceHosts())));
        return true;
    }

    private static List<String> hosts(List<String> serviceHosts) {
        if (serviceHosts == null || serviceHosts.isEmpty()) {
            throw new InvalidFieldException("serviceHosts", "at least one service host name is required");
        }
        if (serviceHosts.size() > 100) {
            throw new InvalidFieldException("serviceHosts", "at most 100 host names");
        }
        Set<String> hosts = new LinkedHashSet<>();
        for (int i = 0; i < serviceHosts.size(); i++) {
            String host = serviceHosts.get(i) == null ? "" : serviceHosts.get(i).toLowerCase(Locale.ROOT);
            host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
            if (!ServiceCatalogue.isHostName(host)) {
                throw new InvalidFieldException("serviceHosts[" + i + "]", "must be a DNS host name, was '"
                        + serviceHosts.get(i) + "'");
            }
            hosts.add(host);
        }
        return new ArrayList<>(hosts);
    }

    private static Duration maxWait(String value) {
        if (value == null) {
            return DEFAULT_MAX_WAIT;
        }
        Duration d;
        try {
            d = Duration.parse(value);
        } catch (RuntimeException e) {
            throw new InvalidFieldException("maxWait", "must be an ISO-8601 duration such as PT10S, was '" + value + "'");
        }
        if (d.isNegative() || d.isZero() || d.compareTo(MAX_MAX_WAIT) > 0) {
            throw new InvalidFieldException("maxWait", "must be more than zero and at most " + MAX_MAX_WAIT);
        }
        return d;
    }

    private Hold toHold(HoldEntity e) {
        try {
            return new Hold(e.id, json.readValue(e.serviceHosts, HOSTS), Duration.ofMillis(e.maxWaitMs),
                    e.maxRequests, e.createdAt, e.expiresAt);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("unreadable hold " + e.id, ex);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value instanceof Map<?, ?> m ? new java.util.TreeMap<>(m) : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
