package org.edgemec.platform.config;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;

/** The operator (MEPM) credential for the provisioning API. */
// static-init safe: JAX-RS filters that read it are created while the REST deployment is built
@StaticInitSafe
@ConfigMapping(prefix = "edgemec.operator")
public interface OperatorConfig {

    /** Static bearer token the LCM presents on /mec_platform_mgmt/v1. */
    String token();
}
