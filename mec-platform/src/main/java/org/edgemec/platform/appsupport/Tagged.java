package org.edgemec.platform.appsupport;

/** A resource body with its entity tag (strong, quoted, as sent in ETag and expected in If-Match). */
public record Tagged<T>(T body, String etag) {

    public static String etagOf(long version) {
        return "\"" + version + "\"";
    }

    /** 412 when If-Match was sent and names another version; no If-Match is an unconditional update. */
    public static boolean matches(String ifMatch, int version) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return true;
        }
        String current = etagOf(version);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
