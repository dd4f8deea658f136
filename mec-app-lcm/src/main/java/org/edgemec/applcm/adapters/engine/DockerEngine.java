package org.edgemec.applcm.adapters.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.edgemec.applcm.domain.engine.EngineException;
import org.edgemec.applcm.domain.engine.LocalCheckpointCapable;

/**
 * A Docker engine (20.10, started with {@code --experimental}, which enables the checkpoint
 * endpoints). Lifecycle goes through docker-java; checkpoint and restore in place are sent raw
 * because docker-java has no commands for them.
 *
 * <p>Docker can restore only into the container that was checkpointed (its API refuses a custom
 * checkpoint dir), so this adapter offers in-place checkpoints, not portable archives.
 */
public class DockerEngine extends DockerApiEngine implements LocalCheckpointCapable {

    /** A restore right after a checkpoint sometimes fails while containerd still holds the content. */
    private static final Duration RESTORE_RETRY_DELAY = Duration.ofSeconds(1);

    public DockerEngine(EngineSettings settings) {
        super(settings);
    }

    /** {@code POST /containers/{id}/checkpoints {"CheckpointID":..,"Exit":..}}. */
    @Override
    public void checkpointInPlace(String container, String checkpointName, boolean exit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("CheckpointID", checkpointName);
        body.put("Exit", exit);
        raw.sendForText("POST", "/containers/" + RawApi.enc(container) + "/checkpoints", "application/json",
                new ByteArrayInputStream(json(body)));
    }

    /**
     * {@code POST /containers/{id}/start?checkpoint=NAME}. Retried once after 1 s when containerd
     * reports "content ... already exists", a transient race measured on Docker 20.10.
     */
    @Override
    public void restoreInPlace(String container, String checkpointName) {
        String path = "/containers/" + RawApi.enc(container) + "/start?checkpoint=" + RawApi.enc(checkpointName);
        try {
            raw.sendForText("POST", path, null, null);
        } catch (EngineException e) {
            if (e.getMessage() == null || !e.getMessage().contains("already exists")) {
                throw e;
            }
            sleep(RESTORE_RETRY_DELAY);
            raw.sendForText("POST", path, null, null);
        }
    }

    /**
     * {@code DELETE /containers/{id}/checkpoints/{name}}. Docker 20.10 answers a missing checkpoint
     * with 500 "checkpoint ... does not exist" (not 404): both mean already gone.
     */
    @Override
    public void deleteCheckpoint(String container, String checkpointName) {
        try {
            raw.sendForText("DELETE", "/containers/" + RawApi.enc(container) + "/checkpoints/"
                    + RawApi.enc(checkpointName), null, null);
        } catch (EngineException e) {
            if (e.status() != 404 && (e.getMessage() == null || !e.getMessage().contains("does not exist"))) {
                throw e;
            }
        }
    }

    private static byte[] json(Object value) {
        try {
            return RawApi.JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting to retry a restore");
        }
    }
}
