package org.edgemec.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.Socket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedInfrastructureTest {

    @Test
    void shouldKeepRowsWhenPostgresRestartsOnTheSameDataDirectory(@TempDir Path dir) throws Exception {
        int port = FreePorts.pick();
        try (var pg = EmbeddedPostgresServer.start(port, dir.resolve("pg"), "edgemec");
             var c = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)) {
            c.createStatement().execute("CREATE TABLE kept (v int)");
            c.createStatement().execute("INSERT INTO kept VALUES (42)");
        }
        try (var pg = EmbeddedPostgresServer.start(port, dir.resolve("pg"), "edgemec");
             var c = DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)) {
            var rs = c.createStatement().executeQuery("SELECT v FROM kept");
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    @Test
    void shouldStartKafkaBrokerThatAcceptsConnectionsAndStopIt(@TempDir Path dir) throws Exception {
        int port = FreePorts.pick();
        var kafka = KafkaBrokerProcess.start(dir, port, FreePorts.pick(), null, Duration.ofSeconds(90));
        try (Socket s = new Socket("127.0.0.1", port)) {
            assertTrue(s.isConnected());
        } finally {
            kafka.close();
        }
        assertTrue(!FreePorts.accepts(port), "broker port still open after close");
    }
}
