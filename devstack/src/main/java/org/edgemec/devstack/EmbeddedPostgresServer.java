package org.edgemec.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server started from the binaries in a Maven jar (zonky). With a data directory it keeps its
 * data across restarts; without one it is a throw-away cluster for a test JVM.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final int port;
    private final String database;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, int port, String database) {
        this.postgres = postgres;
        this.port = port;
        this.database = database;
    }

    /**
     * @param port     TCP port on 127.0.0.1 (0 picks a free one)
     * @param dataDir  persistent data directory, or null for a temporary one removed on close
     * @param database database to create when missing
     */
    public static EmbeddedPostgresServer start(int port, Path dataDir, String database) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port == 0 ? FreePorts.pick() : port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200");
        if (dataDir != null) {
            Files.createDirectories(dataDir);
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        EmbeddedPostgres postgres = builder.start();
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, postgres.getPort(), database);
        server.createDatabaseIfMissing();
        return server;
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "''") + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
            }
        } catch (SQLException e) {
            throw new IOException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    private String jdbcUrl(String db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
