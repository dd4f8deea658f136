package org.edgemec.applcm.domain;

import org.edgemec.common.error.InvalidFieldException;

/**
 * Upper bounds of request strings, the lengths of the columns they are stored in (V1__create_lcm_tables.sql): checked
 * before anything is written, so an over-long value is a 400 naming its field, not a database error (500).
 */
public final class FieldLimits {

    private FieldLimits() {
    }

    public static void max(String field, String value, int columnLength) {
        if (value != null && value.length() > columnLength) {
            throw new InvalidFieldException(field, "at most " + columnLength + " characters (" + value.length()
                    + " given)");
        }
    }
}
