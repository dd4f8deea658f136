package org.edgemec.platform.persistence;

import jakarta.persistence.PersistenceException;
import org.edgemec.common.error.InvalidFieldException;

import java.sql.SQLException;

/**
 * Checks that keep a bad request from reaching the database as a 500: the length of a value that goes into a
 * length-limited column (the mp1-api bodies are shared ETSI types without those limits, so the platform checks them
 * where it stores them), and the recognition of a unique-key violation (a create that raced another one for the same
 * key), which the callers turn into 409.
 */
public final class StoredLimits {

    /** Column lengths of V1__create_mp1_tables.sql. */
    public static final int RULE_ID = 128;
    public static final int APP_INSTANCE_ID = 128;
    public static final int NAME = 255;
    public static final int CALLBACK = 2048;

    private StoredLimits() {
    }

    /** 400 naming {@code field} when {@code value} is longer than its column. */
    public static void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidFieldException(field, "must be at most " + max + " characters (was " + value.length()
                    + ")");
        }
    }

    /** Whether {@code e} comes from a unique or primary key violation (PostgreSQL SQLState 23505). */
    public static boolean isDuplicate(PersistenceException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
