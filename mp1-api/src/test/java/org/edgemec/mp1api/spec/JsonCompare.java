package org.edgemec.mp1api.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** JSON equality where 2048, 2048L and 2048.0 are the same number (Java types pick the node class). */
final class JsonCompare {

    private static final Comparator<JsonNode> NUMBERS = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return 1;
    };

    private JsonCompare() {
    }

    static void assertSameJson(JsonNode expected, JsonNode actual, String message) {
        assertTrue(expected.equals(NUMBERS, actual), message + "\nexpected: " + expected + "\nactual:   " + actual);
    }
}
