package org.edgemec.platform.persistence.changes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Keeps {@link TableChanges} in step with changes made elsewhere: other replicas of this platform, and bulk
 * statements. The tables behind the in-memory read paths have triggers (migration V60) that send
 * {@code NOTIFY edgemec_table_change, '<schema>.<table>'}; PostgreSQL delivers it at commit. One connection of this
 * replica listens; a lost connection is opened again and every generation moves on, since notifications sent
 * meanwhile are lost. Another replica's change is so seen within the notification's delivery time (milliseconds on
 * one network), at most {@link #RECONNECT_MILLIS} plus a reconnect after a lost connection.
 */
@ApplicationScoped
public class TableChangeNotifications {

    static final String CHANNEL = "edgemec_table_change";
    private static final Logger LOG = Logger.getLogger(TableChangeNotifications.class);
    private static final int WAIT_MILLIS = 1000;
    static final long RECONNECT_MILLIS = 1000;

    private final AgroalDataSource dataSource;
    private final TableChanges changes;
    private final String schema;
    private volatile boolean running;
    private volatile Thread listener;
    private volatile Connection connection;

    public TableChangeNotifications(AgroalDataSource dataSource, TableChanges changes,
                                    @ConfigProperty(name = "edgemec.db.schema") String schema) {
        this.dataSource = dataSource;
        this.changes = changes;
        this.schema = schema.toLowerCase(Locale.ROOT);
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        Thread thread = new Thread(this::listen, "table-change-listener");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        // closed here, before the pool shuts down (which would warn about a connection still in use)
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                LOG.debugf("closing the listening connection: %s", e.getMessage());
            }
        }
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        boolean first = true;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                this.connection = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
                if (!first) {
                    LOG.info("listening for table changes again; every in-memory view is read afresh");
                }
                // anything that changed before LISTEN took effect is not announced to us
                changes.changedAll();
                first = false;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            apply(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("table change notifications interrupted (%s); listening again in %d ms", e.getMessage(),
                        RECONNECT_MILLIS);
                changes.changedAll();
                try {
                    Thread.sleep(RECONNECT_MILLIS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void apply(String payload) {
        int dot = payload.indexOf('.');
        if (dot > 0 && payload.substring(0, dot).toLowerCase(Locale.ROOT).equals(schema)) {
            changes.changed(payload.substring(dot + 1));
        }
    }
}
