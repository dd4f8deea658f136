package org.edgemec.applcm.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.edgemec.applcm.support.Poll;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

/**
 * The LCM's use of mec-common's outbox: after {@code edgemec.outbox.max-attempts} failed deliveries a notification
 * is given up (GIVEN_UP, with the last error), not retried for ever.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class OutboxGiveUpTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "edgemec.db.schema")
    String schema;

    @Test
    void shouldGiveUpAfterTheLastAllowedAttempt() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("insert into "
                + schema + ".notification_outbox (id, subscription_id, callback_uri, payload, attempts, "
                + "next_attempt_at, expires_at, status, created_at) values (?, 's-1', ?, '{}', 9, ?, ?, 'PENDING', ?)")) {
            insert.setString(1, id);
            insert.setString(2, "http://127.0.0.1:" + port + "/nobody");
            insert.setTimestamp(3, now);
            insert.setTimestamp(4, Timestamp.from(Instant.now().plusSeconds(3600)));
            insert.setTimestamp(5, now);
            insert.executeUpdate();
        }
        // the LCM allows 10 attempts: the 10th fails (nothing listens) and is the last
        Poll.until(() -> column(id, "status"), "GIVEN_UP"::equals, Duration.ofSeconds(20), "row GIVEN_UP");
        assertEquals("10", column(id, "attempts"));
        assertEquals(true, column(id, "last_error").contains("unreachable"));
    }

    private String column(String id, String name) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement("select " + name
                + " from " + schema + ".notification_outbox where id = ?")) {
            q.setString(1, id);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
