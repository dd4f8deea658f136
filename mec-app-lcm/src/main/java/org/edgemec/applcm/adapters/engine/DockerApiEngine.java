package org.edgemec.applcm.adapters.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.edgemec.applcm.domain.engine.ContainerEngine;
import org.edgemec.applcm.domain.engine.ContainerInfo;
import org.edgemec.applcm.domain.engine.ContainerSpec;
import org.edgemec.applcm.domain.engine.ContainerState;
import org.edgemec.applcm.domain.engine.EngineException;
import org.edgemec.applcm.domain.engine.EngineUnavailableException;
import org.edgemec.applcm.domain.engine.ImageStore;
import java.io.InputStream;

/**
 * Container lifecycle over the Docker Engine API, which Docker serves natively and Podman serves
 * as its "compat" API; docker-java covers all of it. Subclasses add what differs per engine:
 * checkpoint/restore, which docker-java lacks and which they send raw via {@link #raw}.
 */
public abstract class DockerApiEngine implements ContainerEngine, ImageStore {

    private static final Duration LOG_TIMEOUT = Duration.ofSeconds(30);

    protected final EngineSettings settings;
    protected final DockerClient client;
    protected final RawApi raw;
    protected final EngineErrors errors;
    private final DockerHttpClient http;

    protected DockerApiEngine(EngineSettings settings) {
        this.settings = settings;
        this.errors = new EngineErrors(settings.name(), settings.endpoint(), settings.tls() != null);
        // No API version: unversioned paths work on Docker 20.10 and Podman 4's compat API alike.
        // TLS is the transport's (sslConfig), which carries every request, docker-java's and RawApi's; the config's
        // own TLS stays off so a DOCKER_TLS_VERIFY/DOCKER_CERT_PATH in the environment has no say in a host's.
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(settings.transportEndpoint().toString())
                .withDockerTlsVerify(false)
                .build();
        ZerodepDockerHttpClient.Builder transport = new ZerodepDockerHttpClient.Builder()
                .dockerHost(settings.transportEndpoint())
                .connectionTimeout(settings.connectTimeout())
                .responseTimeout(settings.responseTimeout())
                .maxConnections(16);
        if (settings.tls() != null) {
            SSLContext context = settings.tls().sslContext();
            transport.sslConfig(() -> context);
        }
        this.http = transport.build();
        this.client = DockerClientImpl.getInstance(config, http);
        this.raw = new RawApi(http, settings.name(), errors);
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public URI endpoint() {
        return settings.endpoint();
    }

    @Override
    public void ping() {
        try {
            client.pingCmd().exec();
        } catch (RuntimeException e) {
            EngineException translated = errors.translate("ping", e);
            // A ping that gets no answer at all means the host is gone, whatever the cause.
            throw translated.status() == 0 && !(translated instanceof EngineUnavailableException)
                    ? errors.unavailable("ping", e) : translated;
        }
    }

    @Override
    public String create(ContainerSpec spec) {
        return call("create " + spec.name(), () -> {
            CreateContainerCmd cmd = client.createContainerCmd(spec.image());
            if (spec.name() != null) {
                cmd.withName(spec.name());
            }
            if (!spec.command().isEmpty()) {
                cmd.withCmd(spec.command());
            }
            if (!spec.env().isEmpty()) {
                cmd.withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
            }
            if (!spec.labels().isEmpty()) {
                cmd.withLabels(spec.labels());
            }
            HostConfig host = HostConfig.newHostConfig();
            if (spec.networkMode() != null) {
                host.withNetworkMode(spec.networkMode());
            }
            if (spec.memoryBytes() != null) {
                host.withMemory(spec.memoryBytes());
            }
            if (spec.nanoCpus() != null) {
                host.withNanoCPUs(spec.nanoCpus());
            }
            cmd.withHostConfig(host);
            return cmd.exec().getId();
        });
    }

    @Override
    public void start(String container) {
        run("start " + container, () -> client.startContainerCmd(container).exec());
    }

    @Override
    public void stop(String container, Duration timeout) {
        run("stop " + container, () -> {
            try {
                client.stopContainerCmd(container).withTimeout((int) Math.max(0, timeout.toSeconds())).exec();
            } catch (NotModifiedException alreadyStopped) {
                // 304: not running, which is what the caller wants
            }
        });
    }

    @Override
    public void remove(String container, boolean force) {
        run("remove " + container, () -> {
            try {
                client.removeContainerCmd(container).withForce(force).withRemoveVolumes(true).exec();
            } catch (NotFoundException gone) {
                // idempotent cleanup
            }
        });
    }

    @Override
    public Optional<ContainerInfo> inspect(String container) {
        return call("inspect " + container, () -> {
            try {
                InspectContainerResponse r = client.inspectContainerCmd(container).exec();
                String name = r.getName() != null && r.getName().startsWith("/") ? r.getName().substring(1) : r.getName();
                InspectContainerResponse.ContainerState s = r.getState();
                Long exit = s == null ? null : s.getExitCodeLong();
                return Optional.of(new ContainerInfo(r.getId(), name,
                        r.getConfig() == null ? null : r.getConfig().getImage(), stripDigestPrefix(r.getImageId()),
                        ContainerState.parse(s == null ? null : s.getStatus()), exit == null ? null : exit.intValue()));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * What the container was created with, from its inspect: name, image, environment (without the per-container
     * {@code HOSTNAME}), labels, memory and CPU limits. The command is left to the image (the LCM never sets one).
     */
    @Override
    public Optional<ContainerSpec> specOf(String container) {
        return call("inspect " + container, () -> {
            try {
                InspectContainerResponse r = client.inspectContainerCmd(container).exec();
                String name = r.getName() != null && r.getName().startsWith("/") ? r.getName().substring(1) : r.getName();
                var config = r.getConfig();
                Map<String, String> env = new LinkedHashMap<>();
                if (config != null && config.getEnv() != null) {
                    for (String kv : config.getEnv()) {
                        int eq = kv.indexOf('=');
                        String key = eq < 0 ? kv : kv.substring(0, eq);
                        if (!"HOSTNAME".equals(key)) {
                            env.put(key, eq < 0 ? "" : kv.substring(eq + 1));
                        }
                    }
                }
                Map<String, String> labels = config == null || config.getLabels() == null ? Map.of() : config.getLabels();
                HostConfig host = r.getHostConfig();
                Long memory = host == null || host.getMemory() == null || host.getMemory() <= 0 ? null : host.getMemory();
                Long nanoCpus = host == null || host.getNanoCPUs() == null || host.getNanoCPUs() <= 0 ? null
                        : host.getNanoCPUs();
                return Optional.of(ContainerSpec.of(name, config == null ? null : config.getImage()).withEnv(env)
                        .withLabels(labels).withLimits(memory, nanoCpus));
            } catch (NotFoundException e) {
                return Optional.<ContainerSpec>empty();
            }
        });
    }

    @Override
    public Optional<String> ipAddress(String container) {
        return call("inspect " + container, () -> {
            try {
                var net = client.inspectContainerCmd(container).exec().getNetworkSettings();
                if (net == null) {
                    return Optional.<String>empty();
                }
                if (net.getIpAddress() != null && !net.getIpAddress().isBlank()) {
                    return Optional.of(net.getIpAddress());
                }
                // Podman leaves the top-level field empty for some networks; take the first network's address.
                return net.getNetworks() == null ? Optional.<String>empty() : net.getNetworks().values().stream()
                        .map(n -> n.getIpAddress()).filter(ip -> ip != null && !ip.isBlank()).findFirst();
            } catch (NotFoundException e) {
                return Optional.<String>empty();
            }
        });
    }

    @Override
    public List<String> logs(String container, int tail) {
        return call("logs " + container, () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var cmd = client.logContainerCmd(container).withStdOut(true).withStdErr(true).withFollowStream(false);
            cmd = tail > 0 ? cmd.withTail(tail) : cmd.withTailAll();
            try (ResultCallback.Adapter<Frame> callback = cmd.exec(new ResultCallback.Adapter<>() {
                @Override
                public void onNext(Frame frame) {
                    out.writeBytes(frame.getPayload());
                }
            })) {
                if (!callback.awaitCompletion(LOG_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new EngineException(name() + ": logs of " + container + " not complete after " + LOG_TIMEOUT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException(name() + ": interrupted reading logs of " + container);
            } catch (IOException e) {
                throw new EngineException(name() + ": closing the log stream of " + container + " failed", 0, e);
            }
            String text = out.toString(StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : Arrays.asList(text.split("\r?\n"));
        });
    }

    @Override
    public List<Integer> exposedTcpPorts(String image) {
        return call("inspect image " + image, () -> {
            try {
                var config = client.inspectImageCmd(image).exec().getConfig();
                if (config == null || config.getExposedPorts() == null) {
                    return List.<Integer>of();
                }
                return Arrays.stream(config.getExposedPorts())
                        .filter(p -> p.getProtocol() == InternetProtocol.TCP)
                        .map(ExposedPort::getPort).sorted().distinct().toList();
            } catch (NotFoundException e) {
                return List.<Integer>of();
            }
        });
    }

    @Override
    public Optional<String> imageId(String image) {
        return call("inspect image " + image, () -> {
            try {
                return Optional.ofNullable(stripDigestPrefix(client.inspectImageCmd(image).exec().getId()));
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void loadImage(InputStream archive) {
        run("load image", () -> client.loadImageCmd(archive).exec());
    }

    @Override
    public void importRootfs(InputStream tar, String reference) {
        int colon = reference.lastIndexOf(':');
        boolean tagged = colon > reference.lastIndexOf('/');
        String repo = tagged ? reference.substring(0, colon) : reference;
        String tag = tagged ? reference.substring(colon + 1) : "latest";
        raw.sendForText("POST", "/images/create?fromSrc=-&repo=" + RawApi.enc(repo) + "&tag=" + RawApi.enc(tag),
                "application/x-tar", tar);
    }

    @Override
    public InputStream exportImage(String image) {
        return call("export image " + image, () -> client.saveImageCmd(image).exec());
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // nothing to recover: the pool is being dropped anyway
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name() + " " + endpoint() + "]";
    }

    /** Docker reports image ids as "sha256:<hex>", Podman's libpod API as "<hex>": compare the hex. */
    protected static String stripDigestPrefix(String id) {
        return id != null && id.startsWith("sha256:") ? id.substring("sha256:".length()) : id;
    }

    protected <T> T call(String what, Supplier<T> op) {
        try {
            return op.get();
        } catch (RuntimeException e) {
            throw errors.translate(what, e);
        }
    }

    protected void run(String what, Runnable op) {
        call(what, () -> {
            op.run();
            return null;
        });
    }
}
