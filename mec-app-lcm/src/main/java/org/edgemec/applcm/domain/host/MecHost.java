package org.edgemec.applcm.domain.host;

import java.net.URI;

/** One MEC host: a container engine plus (optionally) a mec-platform, with the capacity grants are checked against. */
public record MecHost(String name, EngineKind engineKind, URI engineEndpoint, URI platformUrl, String zone,
        int capacityCpu, int capacityMemoryMb, Source source) {

    public enum EngineKind { PODMAN, DOCKER }

    /** Where the host was defined: configuration hosts come back at every start and cannot be deleted. */
    public enum Source { CONFIG, API }

    public boolean hasPlatform() {
        return platformUrl != null;
    }
}
