package org.edgemec.relocation.api;

/** Base path of the MEC 021 Application Mobility Service API ({@code servers} of the ETSI file). */
public final class AmsPaths {

    public static final String BASE = "/amsi/v1";
    public static final String APP_MOBILITY_SERVICES = BASE + "/app_mobility_services";

    private AmsPaths() {
    }
}
