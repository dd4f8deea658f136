package org.edgemec.common.rest;

/** Strong entity tags from resource versions, and the If-Match check of a conditional PUT. */
public final class EntityTags {

    private EntityTags() {
    }

    /** Quoted, as sent in ETag and expected in If-Match. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** No If-Match (or {@code *}) is an unconditional update; otherwise one of the listed tags must be current. */
    public static boolean matches(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return true;
        }
        String current = of(version);
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
