package org.edgemec.applcm.domain.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to create: the minimum the LCM sets today. {@code command} empty means the image's CMD;
 * {@code networkMode} null means the engine's default network.
 */
public record ContainerSpec(String name, String image, List<String> command, Map<String, String> env,
        Map<String, String> labels, String networkMode) {

    public ContainerSpec {
        Objects.requireNonNull(image, "image");
        command = command == null ? List.of() : List.copyOf(command);
        env = env == null ? Map.of() : Map.copyOf(env);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public static ContainerSpec of(String name, String image) {
        return new ContainerSpec(name, image, List.of(), Map.of(), Map.of(), null);
    }

    public ContainerSpec withCommand(List<String> newCommand) {
        return new ContainerSpec(name, image, newCommand, env, labels, networkMode);
    }

    public ContainerSpec withEnv(Map<String, String> newEnv) {
        return new ContainerSpec(name, image, command, newEnv, labels, networkMode);
    }

    public ContainerSpec withLabels(Map<String, String> newLabels) {
        return new ContainerSpec(name, image, command, env, newLabels, networkMode);
    }

    public ContainerSpec withNetworkMode(String newNetworkMode) {
        return new ContainerSpec(name, image, command, env, labels, newNetworkMode);
    }
}
