package org.edgemec.platform.provisioning;

import org.eclipse.microprofile.config.ConfigProvider;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the platform's schema with plain JDBC, to assert what the API calls left in the database. */
public final class Db {

    private Db() {
    }

    /** Runs a query whose single result is a number; {@code {s}} in the SQL is replaced by the schema name. */
    public static long number(DataSource dataSource, String sql, Object... params) {
        return Long.parseLong(String.valueOf(single(dataSource, sql, params)));
    }

    public static Object single(DataSource dataSource, String sql, Object... params) {
        String schema = ConfigProvider.getConfig().getValue("edgemec.db.schema", String.class);
        try (Connection c = dataSource.getConnection();
             PreparedStatement statement = c.prepareStatement(sql.replace("{s}", schema))) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(DataSource dataSource, String sql, Object... params) {
        String schema = ConfigProvider.getConfig().getValue("edgemec.db.schema", String.class);
        try (Connection c = dataSource.getConnection();
             PreparedStatement statement = c.prepareStatement(sql.replace("{s}", schema))) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
