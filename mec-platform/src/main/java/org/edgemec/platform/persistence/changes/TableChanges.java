package org.edgemec.platform.persistence.changes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A change counter (generation) per table that the in-memory read paths (service discovery, DNS answers, Mp1 token
 * checks) key their caches on. It moves forward once a transaction that wrote the table has committed on this
 * replica ({@link #onCommit}, called by {@link TableChangeEntityListener}), and when PostgreSQL tells of a change made
 * by another replica or by a bulk statement ({@link TableChangeNotifications}).
 *
 * <p>Why a generation and not "clear the cache": a reader that read the old rows before a commit may store its result
 * after the clear; tagged with the generation it started under, that result is never served.
 */
@ApplicationScoped
public class TableChanges {

    private static final Logger LOG = Logger.getLogger(TableChanges.class);

    private record Watcher(Set<String> tables, Runnable onChange) {
    }

    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final TransactionSynchronizationRegistry transactions;

    public TableChanges(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** The table's current generation; a value read before a change is never equal to one read after it. */
    public long generation(String table) {
        return counter(table).get();
    }

    /** The sum of the tables' generations: changes when any of them changes (each only grows). */
    public long generation(String... tables) {
        long sum = 0;
        for (String table : tables) {
            sum += generation(table);
        }
        return sum;
    }

    public void changed(String table) {
        long generation = counter(table).incrementAndGet();
        LOG.debugf("table %s changed: generation %d", table, generation);
        for (Watcher w : watchers) {
            if (w.tables().contains(table)) {
                w.onChange().run();
            }
        }
    }

    /** Every table: used when notifications may have been missed (the listening connection was lost). */
    public void changedAll() {
        LOG.debug("every table changed (notifications may have been missed)");
        generations.values().forEach(AtomicLong::incrementAndGet);
        watchers.forEach(w -> w.onChange().run());
    }

    /**
     * Runs {@code onChange} after every generation change of one of {@code tables}, on the thread that made it (the
     * committing one, or the notification listener's): for holders of a derived copy that rebuild it when told
     * rather than check a generation per read. It must not block.
     *
     * @return a handle that stops the calls
     */
    public AutoCloseable watch(Set<String> tables, Runnable onChange) {
        Watcher w = new Watcher(Set.copyOf(tables), onChange);
        watchers.add(w);
        return () -> watchers.remove(w);
    }

    /**
     * The table changes once the current transaction commits (at once when there is none). Registered once per
     * table and transaction.
     */
    public void onCommit(String table) {
        if (transactions.getTransactionKey() == null) {
            changed(table);
            return;
        }
        String key = TableChanges.class.getName() + ":" + table;
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    changed(table);
                }
            }
        });
    }

    private AtomicLong counter(String table) {
        return generations.computeIfAbsent(table, t -> new AtomicLong());
    }
}
