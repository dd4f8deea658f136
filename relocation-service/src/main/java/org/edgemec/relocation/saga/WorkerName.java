package org.edgemec.relocation.saga;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The name a saga worker writes into the leases it takes: the instance name plus the machine's host name. Replicas
 * deployed with one instance name (the pods of one Deployment) still differ by host name (a pod's is its own name),
 * so a replica starting up frees only the leases it held itself before it stopped, never those of a live replica;
 * the same process started again on the same machine keeps its name and resumes its relocations at once.
 */
final class WorkerName {

    /** lease_owner's column length */
    static final int MAX = 128;
    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private WorkerName() {
    }

    static String of(String instanceName, Optional<String> host) {
        String name = host.map(String::strip).filter(h -> !h.isEmpty()).map(h -> instanceName + "@" + h)
                .orElse(instanceName);
        return name.length() > MAX ? name.substring(0, MAX) : name;
    }

    /** The host name of this machine (what gethostname answers, read without a DNS look-up), if it can be read. */
    static Optional<String> machine() {
        try {
            return Optional.of(Files.readString(KERNEL_HOSTNAME));
        } catch (IOException | SecurityException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME"));
        }
    }
}
