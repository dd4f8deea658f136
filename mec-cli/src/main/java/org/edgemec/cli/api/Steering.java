package org.edgemec.cli.api;

import java.util.Locale;

/** How traffic follows a relocated app (the relocation API's {@code steering}), by the CLI's short names. */
public enum Steering {
    DNS("dns", "DNS"), TRAFFIC("traffic", "TRAFFIC_RULE"), ALTSVC("altsvc", "ALT_SVC");

    private final String option;
    private final String wire;

    Steering(String option, String wire) {
        this.option = option;
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public String option() {
        return option;
    }

    /** Accepts the short name (dns, traffic, altsvc) or the API's name (DNS, TRAFFIC_RULE, ALT_SVC), any case. */
    public static Steering parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (Steering s : values()) {
            if (s.option.equals(v) || s.wire.toLowerCase(Locale.ROOT).equals(v)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown steering '" + value + "': use dns, traffic or altsvc");
    }
}
