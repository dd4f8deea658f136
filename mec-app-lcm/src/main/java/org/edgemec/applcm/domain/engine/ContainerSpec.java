package org.edgemec.applcm.domain.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to create: the minimum the LCM sets today. {@code command} empty means the image's CMD;
 * {@code networkMode} null means the engine's default network; {@code memoryBytes}/{@code nanoCpus} null
 * means no limit (the AppD's virtualComputeDescriptor sets them).
 */
public record ContainerSpec(String name, String image, List<String> command, Map<String, String> env,
        Map<String, String> labels, String networkMode, Long memoryBytes, Long nanoCpus) {

    public ContainerSpec {
        Objects.requireNonNull(image, "image");
        command = command == null ? List.of() : List.copyOf(command);
        env = env == null ? Map.of() : Map.copyOf(env);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public ContainerSpec(String name, String image, List<String> command, Map<String, String> env,
            Map<String, String> labels, String networkMode) {
        this(name, image, command, env, labels, networkMode, null, null);
    }

    public static ContainerSpec of(String name, String image) {
        return new ContainerSpec(name, image, List.of(), Map.of(), Map.of(), null);
    }

    public ContainerSpec withCommand(List<String> newCommand) {
        return new ContainerSpec(name, image, newCommand, env, labels, networkMode, memoryBytes, nanoCpus);
    }

    public ContainerSpec withEnv(Map<String, String> newEnv) {
        return new ContainerSpec(name, image, command, newEnv, labels, networkMode, memoryBytes, nanoCpus);
    }

    public ContainerSpec withLabels(Map<String, String> newLabels) {
        return new ContainerSpec(name, image, command, env, newLabels, networkMode, memoryBytes, nanoCpus);
    }

    public ContainerSpec withNetworkMode(String newNetworkMode) {
        return new ContainerSpec(name, image, command, env, labels, newNetworkMode, memoryBytes, nanoCpus);
    }

    /** Memory limit in bytes and CPU limit in units of 10^-9 CPUs (Docker's NanoCpus). */
    public ContainerSpec withLimits(Long newMemoryBytes, Long newNanoCpus) {
        return new ContainerSpec(name, image, command, env, labels, networkMode, newMemoryBytes, newNanoCpus);
    }
}
