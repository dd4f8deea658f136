package org.edgemec.platform.appsupport;

import org.edgemec.common.rest.EntityTags;

/** A resource body with its entity tag (strong, quoted, as sent in ETag and expected in If-Match). */
public record Tagged<T>(T body, String etag) {

    public static String etagOf(long version) {
        return EntityTags.of(version);
    }

    /** 412 when If-Match was sent and names another version; no If-Match is an unconditional update. */
    public static boolean matches(String ifMatch, int version) {
        return EntityTags.matches(ifMatch, version);
    }
}
