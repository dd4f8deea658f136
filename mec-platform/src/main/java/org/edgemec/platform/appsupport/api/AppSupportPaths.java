package org.edgemec.platform.appsupport.api;

/** MEC 011 V3 serves application support at /mec_app_support/v2; /v1 (the V3.1.1 file's server) is an alias. */
final class AppSupportPaths {

    static final String BASE = "/mec_app_support/{apiVersion: v1|v2}";

    private AppSupportPaths() {
    }
}
