package org.edgemec.applcm.domain.host;

import org.edgemec.applcm.domain.engine.ContainerEngine;

/** Hands out the engine client of a MEC host (cached per host and endpoint). */
public interface EngineProvider {

    ContainerEngine engineOf(MecHost host);

    /** Drops the cached client of a host that was removed or changed. */
    void forget(String hostName);
}
