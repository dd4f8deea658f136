package org.edgemec.relocation.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The dashboard's live feed: while someone watches, every {@code edgemec.dashboard.poll-interval} it reads the
 * sources and sends each watcher the whole snapshot as one Server-Sent Event {@code snapshot}. It keeps the
 * transactions of the last {@code edgemec.dashboard.transaction-window} (at most {@value #MAX_POINTS}) in memory:
 * a view, not a record.
 */
@ApplicationScoped
public class DashboardFeed {

    private static final Logger LOG = Logger.getLogger(DashboardFeed.class);
    static final int MAX_POINTS = 3_000;

    private record Watcher(SseEventSink sink, Sse sse) {
    }

    private final DashboardSources sources;
    private final RelocationTimeline timeline;
    private final ObjectMapper json;
    private final Duration window;
    private final int relocations;
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final Deque<DashboardSnapshot.Transaction> points = new ArrayDeque<>();

    public DashboardFeed(DashboardSources sources, RelocationTimeline timeline, ObjectMapper json,
            @ConfigProperty(name = "edgemec.dashboard.transaction-window", defaultValue = "PT2M") Duration window,
            @ConfigProperty(name = "edgemec.dashboard.relocations", defaultValue = "12") int relocations) {
        this.sources = sources;
        this.timeline = timeline;
        this.json = json;
        this.window = window;
        this.relocations = relocations;
    }

    /** Reads every source now; the transactions are those of the window, oldest first. */
    public synchronized DashboardSnapshot snapshot() {
        long now = System.currentTimeMillis();
        long from = now - window.toMillis();
        DashboardSources.Reading r = sources.read(from);
        points.addAll(r.newTransactions());
        while (!points.isEmpty() && (points.size() > MAX_POINTS || points.peekFirst().time() < from)) {
            points.removeFirst();
        }
        List<DashboardSnapshot.Source> all = new ArrayList<>(r.sources());
        List<DashboardSnapshot.Relocation> rows = List.of();
        try {
            rows = timeline.latest(relocations);
            all.add(0, new DashboardSnapshot.Source("relocation-service database", null, true, null));
        } catch (RuntimeException e) {
            all.add(0, new DashboardSnapshot.Source("relocation-service database", null, false, e.getMessage()));
        }
        return new DashboardSnapshot(now, all, r.hosts(), rows, List.copyOf(points));
    }

    /** A new watcher gets a snapshot at once, then one per poll until it goes away. */
    public void watch(SseEventSink sink, Sse sse) {
        Watcher w = new Watcher(sink, sse);
        watchers.add(w);
        send(w, encode(snapshot()));
    }

    @Scheduled(every = "${edgemec.dashboard.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        watchers.removeIf(w -> w.sink().isClosed());
        if (watchers.isEmpty()) {
            return; // nobody watches: the sources are not read
        }
        String data = encode(snapshot());
        watchers.forEach(w -> send(w, data));
    }

    private void send(Watcher w, String data) {
        OutboundSseEvent event = w.sse().newEventBuilder().name("snapshot").mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, data).build();
        w.sink().send(event).whenComplete((ok, failed) -> {
            if (failed != null) {
                LOG.debugf("dashboard watcher gone: %s", failed.getMessage());
                watchers.remove(w);
                w.sink().close();
            }
        });
    }

    private String encode(DashboardSnapshot s) {
        try {
            return json.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dashboard snapshot not serialisable", e);
        }
    }
}
