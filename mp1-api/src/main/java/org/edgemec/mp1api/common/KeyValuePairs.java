package org.edgemec.mp1api.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MEC 010-2 KeyValuePairs (AppD, LCM): a free-form JSON object. A Map subclass so that it has a name
 * to map the schema to; Jackson reads and writes it as a plain object. (The Grant file defines a
 * different {@code {key, value}} shape, see {@code grant.KeyValuePair}.)
 */
public class KeyValuePairs extends LinkedHashMap<String, Object> {

    public KeyValuePairs() {
    }

    public KeyValuePairs(Map<String, ?> values) {
        super(values);
    }
}
