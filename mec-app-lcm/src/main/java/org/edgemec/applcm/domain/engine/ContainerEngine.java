package org.edgemec.applcm.domain.engine;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The container lifecycle operations the application LCM needs from one engine (one edge host).
 * Implementations talk to a remote engine API; every method may throw
 * {@link EngineUnavailableException} when the engine cannot be reached and {@link EngineException}
 * when it rejects a request. Containers are addressed by id or name.
 */
public interface ContainerEngine extends AutoCloseable {

    /** A short, human-readable name for logs and errors, e.g. "podman edge1". */
    String name();

    /** The engine's API endpoint, {@code unix:///path/to.sock} or {@code tcp://host:port}. */
    URI endpoint();

    /** Checks that the engine answers; throws {@link EngineUnavailableException} if not. */
    void ping();

    /** Creates (does not start) a container and returns its id. */
    String create(ContainerSpec spec);

    void start(String container);

    /** Stops a container, killing it after {@code timeout}; a no-op when it is not running. */
    void stop(String container, Duration timeout);

    /** Removes a container; a no-op when it does not exist (so cleanup can be repeated). */
    void remove(String container, boolean force);

    /** The container's current state, or empty when it does not exist. */
    Optional<ContainerInfo> inspect(String container);

    /**
     * What the container was created with (name, image, environment, labels, resource limits), read from the engine;
     * empty when it does not exist. A container made from it is a fresh copy: same settings, no process state.
     */
    default Optional<ContainerSpec> specOf(String container) {
        return Optional.empty();
    }

    /** The container's stdout and stderr lines, oldest first; {@code tail <= 0} means all. */
    List<String> logs(String container, int tail);

    /**
     * The container's IP address on the engine's default bridge network, reachable from the engine's machine; empty
     * when the container does not exist, is not running or has no such address. An engine may assign a new address on
     * each start, so callers read it after every start.
     */
    default Optional<String> ipAddress(String container) {
        return Optional.empty();
    }

    /**
     * The TCP ports a local image declares ({@code EXPOSE}, the image config's {@code ExposedPorts}), ascending; empty
     * when it declares none or the engine does not have it.
     */
    default List<Integer> exposedTcpPorts(String image) {
        return List.of();
    }

    /** The id of a local image, or empty when the engine does not have it. */
    Optional<String> imageId(String image);

    /** Releases the connection pool; does not touch containers. */
    @Override
    void close();
}
