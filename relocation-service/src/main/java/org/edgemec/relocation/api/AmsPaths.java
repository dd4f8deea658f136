package org.edgemec.relocation.api;

/** Base path of the MEC 021 Application Mobility Service API ({@code servers} of the ETSI file). */
public final class AmsPaths {

    public static final String BASE = "/amsi/v1";
    public static final String APP_MOBILITY_SERVICES = BASE + "/app_mobility_services";
    public static final String SUBSCRIPTIONS = BASE + "/subscriptions";
    /** EdgeMEC's own operator operations around the AMS; not ETSI. */
    public static final String EXTENSION = "/ams_ext/v1";

    private AmsPaths() {
    }
}
