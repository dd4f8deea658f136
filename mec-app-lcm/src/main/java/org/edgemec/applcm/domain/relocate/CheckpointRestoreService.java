package org.edgemec.applcm.domain.relocate;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.edgemec.applcm.domain.engine.CheckpointCapable;
import org.edgemec.applcm.domain.engine.CheckpointOptions;
import org.edgemec.applcm.domain.engine.ContainerEngine;
import org.edgemec.applcm.domain.engine.ContainerInfo;
import org.edgemec.applcm.domain.engine.ContainerSpec;
import org.edgemec.applcm.domain.engine.ImageStore;
import org.edgemec.applcm.domain.engine.RestoreOptions;
import org.edgemec.applcm.domain.grant.GrantDecision;
import org.edgemec.applcm.domain.grant.GrantService;
import org.edgemec.applcm.domain.grant.ResourceNeed;
import org.edgemec.applcm.domain.host.EngineProvider;
import org.edgemec.applcm.domain.host.MecHost;
import org.edgemec.applcm.domain.host.MecHostService;
import org.edgemec.applcm.domain.lcm.AppEndpoints;
import org.edgemec.applcm.domain.lcm.AppInstance;
import org.edgemec.applcm.domain.lcm.AppInstanceService;
import org.edgemec.applcm.domain.lcm.InstantiateSteps;
import org.edgemec.applcm.domain.pkg.PackageService;
import org.edgemec.applcm.domain.provision.PlatformProvisioning;
import org.edgemec.common.error.ConflictException;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.mp1api.common.LcmOperationType;
import org.edgemec.mp1api.mec0102.appd.AppD;
import org.jboss.logging.Logger;

/**
 * The relocation primitive: moves a running app instance's container to another Podman host by CRIU
 * checkpoint/restore streamed engine to engine, copying the image first when the target lacks it (same image id is
 * required by restore). The target's capacity is granted first; the old reservation is released after the move.
 */
@ApplicationScoped
public class CheckpointRestoreService {

    private static final Logger LOG = Logger.getLogger(CheckpointRestoreService.class);

    private final AppInstanceService instances;
    private final PackageService packages;
    private final MecHostService hosts;
    private final EngineProvider engines;
    private final GrantService grants;
    private final PlatformProvisioning provisioning;

    public CheckpointRestoreService(AppInstanceService instances, PackageService packages, MecHostService hosts,
            EngineProvider engines, GrantService grants, PlatformProvisioning provisioning) {
        this.instances = instances;
        this.packages = packages;
        this.hosts = hosts;
        this.engines = engines;
        this.grants = grants;
        this.provisioning = provisioning;
    }

    public RelocationRecord move(String appInstanceId, String targetHost, RelocationMode mode) {
        AppInstance inst = instances.running(appInstanceId);
        MecHost source = hosts.get(inst.hostName());
        MecHost target = target(targetHost, source);
        ContainerEngine from = engines.engineOf(source);
        ContainerEngine to = engines.engineOf(target);
        if (!(from instanceof CheckpointCapable src) || !(to instanceof CheckpointCapable dst)) {
            throw new ConflictException("checkpoint/restore between hosts needs Podman on both sides");
        }
        ResourceNeed need = ResourceNeed.of(packages.get(inst.appPkgId()).appD().virtualComputeDescriptor());
        GrantDecision grant = grants.decide(inst.id(), "relocation", inst.appDId(), LcmOperationType.INSTANTIATE,
                need, target.name());
        try {
            long start = System.nanoTime();
            String image = from.inspect(inst.containerId()).map(ContainerInfo::image)
                    .orElseThrow(() -> new ConflictException("container " + inst.containerName() + " is gone from "
                            + source.name()));
            long imageMs = copyImage(from, to, image);
            AtomicLong bytes = new AtomicLong();
            long t0 = System.nanoTime();
            String newId;
            long checkpointMs;
            if (mode == RelocationMode.COLD) {
                from.stop(inst.containerId(), java.time.Duration.ofSeconds(10));
                checkpointMs = ms(t0);
                newId = to.create(ContainerSpec.of(inst.containerName(), image)
                        .withLabels(java.util.Map.of("edgemec.app-instance-id", inst.id())));
                to.start(newId);
            } else {
                try (InputStream archive = counted(src.checkpoint(inst.containerId(),
                        new CheckpointOptions(mode == RelocationMode.KEEP_RUNNING, false, false)), bytes)) {
                    checkpointMs = ms(t0);
                    newId = dst.restore(archive, RestoreOptions.named(inst.containerName()));
                } catch (IOException e) {
                    throw new IllegalStateException("closing the checkpoint stream failed: " + e.getMessage(), e);
                }
            }
            long restoreMs = ms(t0) - checkpointMs;
            from.stop(inst.containerId(), java.time.Duration.ZERO);
            from.remove(inst.containerId(), true);
            instances.moved(inst.id(), target.name(), newId, inst.containerName());
            grants.releaseOthers(inst.id(), grant.grantId());
            String provisioned = moveProvisioning(inst, source, target, to, newId, image);
            RelocationRecord r = new RelocationRecord(inst.id(), mode, source.name(), target.name(),
                    inst.containerName(), newId, imageMs > 0, imageMs, checkpointMs, restoreMs, ms(start), bytes.get(),
                    provisioned);
            LOG.infof("relocated %s", r);
            return r;
        } catch (RuntimeException e) {
            grants.releaseGrant(grant.grantId());
            restartSource(from, inst);
            throw e;
        }
    }

    /**
     * The instance now runs on the target: the target's platform gets its rules and its new endpoint, the source's
     * forgets it. The platform issues new client credentials that the restored process does not have (its
     * environment still names the source platform): following the app's Mp1 session across platforms is the
     * relocation saga's job. A failure here leaves the moved container running and is reported in the record.
     */
    private String moveProvisioning(AppInstance inst, MecHost source, MecHost target, ContainerEngine to,
            String newId, String image) {
        try {
            if (target.hasPlatform()) {
                AppD appD = packages.get(inst.appPkgId()).appD();
                provisioning.provision(target.platformUrl(), InstantiateSteps.provisioningOf(inst, appD));
                AppEndpoints.of(to.ipAddress(newId).orElse(null), appD, () -> to.exposedTcpPorts(image))
                        .ifPresent(e -> provisioning.updateEndpoint(target.platformUrl(), inst.id(), e));
            }
            if (source.hasPlatform()) {
                provisioning.deprovision(source.platformUrl(), inst.id(), false);
            }
            return target.hasPlatform() ? "provisioned on " + target.name() : "target has no platform";
        } catch (RuntimeException e) {
            LOG.warnf("relocated %s, but moving its provisioning from %s to %s failed: %s", inst.id(), source.name(),
                    target.name(), e.getMessage());
            return "failed: " + e.getMessage();
        }
    }

    /** After a failed move the instance must still run somewhere: start the source again (fresh if it was dumped). */
    private static void restartSource(ContainerEngine from, AppInstance inst) {
        try {
            if (from.inspect(inst.containerId()).filter(c -> !c.running()).isPresent()) {
                from.start(inst.containerId());
            }
        } catch (RuntimeException e) {
            LOG.warnf("source container %s of %s could not be restarted: %s", inst.containerName(), inst.id(),
                    e.getMessage());
        }
    }

    private MecHost target(String name, MecHost source) {
        if (name == null || name.isBlank()) {
            throw new InvalidFieldException("targetHost", "is required");
        }
        MecHost target;
        try {
            target = hosts.get(name);
        } catch (org.edgemec.common.error.NotFoundException e) {
            throw new InvalidFieldException("targetHost", "MEC host " + name + " does not exist");
        }
        if (target.name().equals(source.name())) {
            throw new InvalidFieldException("targetHost", "is the instance's current host");
        }
        return target;
    }

    /** podman save on the source, podman load on the target, streamed; 0 when the target has the same image id. */
    private static long copyImage(ContainerEngine from, ContainerEngine to, String image) {
        String id = from.imageId(image).orElseThrow(() -> new ConflictException("image " + image + " is gone"));
        if (to.imageId(image).filter(id::equals).isPresent()) {
            return 0;
        }
        long t0 = System.nanoTime();
        try (InputStream archive = ((ImageStore) from).exportImage(image)) {
            ((ImageStore) to).loadImage(archive);
        } catch (IOException e) {
            throw new IllegalStateException("copying image " + image + " failed: " + e.getMessage(), e);
        }
        return Math.max(1, ms(t0));
    }

    private static InputStream counted(InputStream in, AtomicLong bytes) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytes.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    bytes.addAndGet(n);
                }
                return n;
            }
        };
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
