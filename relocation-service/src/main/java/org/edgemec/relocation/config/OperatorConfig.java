package org.edgemec.relocation.config;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;

/** The operator credential: the static bearer token operators (and, for now, every AMS client) present. */
// static-init safe: the JAX-RS filter that reads it is created while the REST deployment is built
@StaticInitSafe
@ConfigMapping(prefix = "edgemec.operator")
public interface OperatorConfig {

    /** Static bearer token, the same one mec-platform and mec-app-lcm use ({@code EDGEMEC_OPERATOR_TOKEN}). */
    String token();
}
