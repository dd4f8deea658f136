package org.edgemec.relocation.saga.ports;

import java.util.List;
import java.util.Optional;

/** What mec-app-lcm knows of the MEC system: its hosts and the app instances placed on them. */
public interface MecSystem {

    /** A MEC host: its zone, its mec-platform (null when it has none) and its declared capacity. */
    record Host(String name, String zone, String platformUrl, Integer capacityCpu, Integer capacityMemoryMb) {
    }

    /** An app instance: its AppD, the host it runs on (null when not instantiated), whether it is started. */
    record Instance(String id, String appDId, String host, boolean instantiated, boolean started) {
    }

    List<Host> hosts();

    List<Instance> instances();

    Optional<Instance> instance(String appInstanceId);
}
