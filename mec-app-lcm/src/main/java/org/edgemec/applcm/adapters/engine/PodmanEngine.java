package org.edgemec.applcm.adapters.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import org.edgemec.applcm.domain.engine.CheckpointCapable;
import org.edgemec.applcm.domain.engine.CheckpointOptions;
import org.edgemec.applcm.domain.engine.ContainerInfo;
import org.edgemec.applcm.domain.engine.EngineException;
import org.edgemec.applcm.domain.engine.RestoreOptions;
import org.edgemec.applcm.domain.engine.Restored;

/**
 * A Podman host (4.x) reached through {@code podman system service}. Lifecycle goes through the
 * Docker-compatible API (docker-java); checkpoint export and import use the libpod API, the only
 * one with those operations (the compat API has no checkpoint endpoint).
 *
 * <p>Requirements learnt on the target hosts: runc (not crun) with a CRIU that passes
 * {@code criu check}, and the SAME image id on source and target (copy images with save/load).
 */
public class PodmanEngine extends DockerApiEngine implements CheckpointCapable {

    /** Podman 4.x answers this version prefix for all libpod calls used here. */
    private static final String LIBPOD = "/v4.0.0/libpod";

    /** Null for an engine reached over TLS: {@link ArchiveTransport} speaks plain HTTP only, docker-java's does TLS. */
    private final ArchiveTransport archives;

    public PodmanEngine(EngineSettings settings) {
        super(settings);
        this.archives = settings.tls() == null ? new ArchiveTransport(settings, errors) : null;
    }

    /**
     * {@code POST /libpod/containers/{name}/checkpoint?export=true}: the answer body is the archive (an uncompressed
     * tar), streamed to the caller through {@link ArchiveTransport}; the connection is closed on close. Podman 4.3
     * writes the whole archive to a file in its {@code TMPDIR} first and sends the first byte only then, so the answer
     * arrives when the source is dumped and the archive is complete. With {@code keep=true} the checkpoint also stays
     * in the container's userdata on this host. ({@code printStats} cannot be used here: with {@code export=true}
     * libpod answers the archive and drops the report that holds the statistics; the archive carries CRIU's own
     * {@code stats-dump} file instead.)
     */
    @Override
    public InputStream checkpoint(String container, CheckpointOptions options) {
        String path = LIBPOD + "/containers/" + RawApi.enc(container) + "/checkpoint?export=true"
                + "&leaveRunning=" + options.leaveRunning()
                + "&tcpEstablished=" + options.tcpEstablished()
                + "&ignoreRootFS=" + options.ignoreRootFs()
                + "&keep=" + options.keep();
        return archives != null ? archives.download(path) : RawApi.bodyOf(raw.send("POST", path, null, null));
    }

    /**
     * {@code POST /libpod/containers/{name}/restore?import=true&name=NEW&printStats=true} with the archive as the
     * chunked request body (1 MiB chunks, {@link ArchiveTransport}). Podman 4.3 answers 405 without a container
     * segment, so the new name fills it; with import=true the segment is not looked up. Podman saves the whole body to
     * a file in its {@code TMPDIR} before it unpacks and restores; its answer carries {@code criu_statistics}
     * ({@code restore_time}, {@code forking_time}, microseconds) with {@code printStats=true}.
     */
    @Override
    public Restored restore(InputStream archive, RestoreOptions options, Runnable sent) {
        String name = RawApi.enc(options.newName());
        String path = LIBPOD + "/containers/" + name + "/restore?import=true&name=" + name
                + "&tcpEstablished=" + options.tcpEstablished()
                + "&ignoreStaticIP=" + options.ignoreStaticIp()
                + "&ignoreStaticMAC=" + options.ignoreStaticMac()
                + "&printStats=true";
        String answer = archives != null ? archives.upload(path, "application/x-tar", archive, sent)
                : raw.sendForText("POST", path, "application/x-tar", RawApi.onEnd(archive, sent));
        JsonNode report = reportOf(answer);
        String id = report != null && report.hasNonNull("Id") ? report.get("Id").asText() : null;
        if (id == null) {
            // Older answers carry no id: find the container by the name we gave it.
            id = inspect(options.newName()).map(ContainerInfo::id)
                    .orElseThrow(() -> new EngineException(name() + ": restored " + options.newName()
                            + " but cannot find it; answer was: " + answer));
        }
        JsonNode criu = report == null ? null : report.path("criu_statistics");
        return new Restored(id, micros(criu, "restore_time"), micros(criu, "forking_time"));
    }

    /**
     * {@code POST /libpod/containers/{name}/restore?keep=true} without import: the container is restored in place
     * from the checkpoint a {@code keep} checkpoint left (measured here: 0.33-0.60 s for the counter), memory state
     * continuing, its address kept.
     */
    @Override
    public void restoreKept(String container) {
        raw.sendForText("POST", LIBPOD + "/containers/" + RawApi.enc(container) + "/restore?keep=true", null, null);
    }

    /** {@code POST /libpod/containers/{name}/checkpoint?keep=true} without export (measured here: 0.56 s). */
    @Override
    public void checkpointKept(String container) {
        raw.sendForText("POST", LIBPOD + "/containers/" + RawApi.enc(container) + "/checkpoint?keep=true", null, null);
    }

    /** {@code GET /libpod/containers/{name}/json}: {@code State.Checkpointed} is true only while it can be restored. */
    @Override
    public boolean hasKeptCheckpoint(String container) {
        JsonNode state;
        try {
            state = RawApi.JSON.readTree(raw.sendForText("GET", LIBPOD + "/containers/" + RawApi.enc(container)
                    + "/json", null, null)).path("State");
        } catch (EngineException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        } catch (IOException e) {
            throw new EngineException(name() + ": unreadable inspect answer for " + container, 0, e);
        }
        return state.path("Checkpointed").asBoolean(false) && !state.path("Running").asBoolean(false);
    }

    private static JsonNode reportOf(String answer) {
        try {
            JsonNode node = RawApi.JSON.readTree(answer);
            if (node != null && node.isArray() && !node.isEmpty()) {
                node = node.get(0);
            }
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Long micros(JsonNode stats, String field) {
        return stats != null && stats.path(field).isNumber() ? stats.get(field).asLong() : null;
    }
}
