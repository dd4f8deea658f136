package org.edgemec.applcm.domain.lcm;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import org.edgemec.applcm.domain.engine.ContainerEngine;
import org.edgemec.applcm.domain.engine.ContainerSpec;
import org.edgemec.applcm.domain.engine.ImageStore;
import org.edgemec.applcm.domain.grant.GrantDecision;
import org.edgemec.applcm.domain.grant.GrantService;
import org.edgemec.applcm.domain.grant.ResourceNeed;
import org.edgemec.applcm.domain.host.EngineProvider;
import org.edgemec.applcm.domain.host.MecHost;
import org.edgemec.applcm.domain.host.MecHostService;
import org.edgemec.applcm.domain.pkg.AppPackage;
import org.edgemec.applcm.domain.pkg.ImageKind;
import org.edgemec.applcm.domain.pkg.PackageService;
import org.edgemec.applcm.domain.pkg.PackageStore;
import org.edgemec.applcm.domain.provision.AppInstanceProvisioning;
import org.edgemec.applcm.domain.provision.PlatformProvisioning;
import org.edgemec.mp1api.common.LcmOperationType;
import org.edgemec.mp1api.mec0102.appd.AppD;
import org.edgemec.mp1api.mec0102.appd.VirtualComputeDescriptor;
import org.edgemec.mp1api.mec0102.lcm.InstantiateAppRequest;
import org.edgemec.mp1api.mec0102.lcm.OperationalState;

/**
 * INSTANTIATE: grant (host selection), image onto the host's engine (load the package's archive when missing),
 * create and start the container with the virtualComputeDescriptor limits, provision the host's mec-platform.
 * Any failure removes what was made and releases the grant, so a retry starts clean.
 */
@ApplicationScoped
public class InstantiateSteps {

    private final LcmOpOccService ops;
    private final PackageService packages;
    private final PackageStore store;
    private final GrantService grants;
    private final MecHostService hosts;
    private final EngineProvider engines;
    private final PlatformProvisioning provisioning;

    public InstantiateSteps(LcmOpOccService ops, PackageService packages, PackageStore store, GrantService grants,
            MecHostService hosts, EngineProvider engines, PlatformProvisioning provisioning) {
        this.ops = ops;
        this.packages = packages;
        this.store = store;
        this.grants = grants;
        this.hosts = hosts;
        this.engines = engines;
        this.provisioning = provisioning;
    }

    void run(OpOcc op, AppInstance inst, InstantiateAppRequest request) {
        AppPackage pkg = packages.get(inst.appPkgId());
        AppD appD = pkg.appD();
        VirtualComputeDescriptor vcd = request.virtualComputeDescriptor() != null
                ? request.virtualComputeDescriptor() : appD.virtualComputeDescriptor();
        String preferred = request.selectedMECHostInfo().get(0).hostName();
        LcmOperationRunner.check(ops.step(op.id(), "grant requested" + (preferred == null ? "" : " on " + preferred)));
        GrantDecision grant = grants.decide(inst.id(), op.id(), inst.appDId(), LcmOperationType.INSTANTIATE,
                ResourceNeed.of(vcd), preferred);
        MecHost host = hosts.get(grant.hostName());
        ContainerEngine engine = engines.engineOf(host);
        String name = containerName(inst);
        try {
            LcmOperationRunner.check(ops.step(op.id(), "granted " + grant.grantId() + " on " + host.name()));
            ensureImage(op, engine, pkg);
            engine.remove(name, true);
            ContainerSpec spec = ContainerSpec.of(name, pkg.imageName())
                    .withLabels(Map.of("edgemec.app-instance-id", inst.id(), "edgemec.app-d-id", inst.appDId()))
                    .withEnv(Map.of("MEC_APP_INSTANCE_ID", inst.id(), "MEC_HOST", host.name()))
                    .withLimits(vcd == null ? null : (long) (vcd.virtualMemory().virtualMemSize() * 1024 * 1024),
                            vcd == null ? null : vcd.virtualCpu().numVirtualCpu() * 1_000_000_000L);
            String id = engine.create(spec);
            LcmOperationRunner.check(ops.step(op.id(), "container " + name + " created (" + id + ")"));
            engine.start(id);
            LcmOperationRunner.check(ops.step(op.id(), "container started"));
            String address = LcmOperationRunner.recordAddress(ops, op, engine, id);
            provision(op, host, inst, appD, address);
            ops.complete(op.id(), host.name(), id, name, OperationalState.STARTED);
        } catch (RuntimeException e) {
            rollback(engine, name, inst);
            throw e;
        }
    }

    private void ensureImage(OpOcc op, ContainerEngine engine, AppPackage pkg) {
        if (engine.imageId(pkg.imageName()).isPresent()) {
            LcmOperationRunner.check(ops.step(op.id(), "image " + pkg.imageName() + " present on host"));
            return;
        }
        if (!(engine instanceof ImageStore images)) {
            throw new IllegalStateException(engine.name() + " cannot load images");
        }
        try (InputStream archive = store.openEntry(pkg.id(), pkg.imageEntry())) {
            if (pkg.imageKind() == ImageKind.BARE) {
                images.importRootfs(archive, pkg.imageName());
            } else {
                images.loadImage(archive);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("reading the image archive failed: " + e.getMessage(), e);
        }
        String id = engine.imageId(pkg.imageName()).orElseThrow(() -> new IllegalStateException(
                "image " + pkg.imageName() + " is missing on " + engine.name() + " after loading the package archive"));
        LcmOperationRunner.check(ops.step(op.id(), "image " + pkg.imageName() + " loaded (" + id + ")"));
    }

    private void provision(OpOcc op, MecHost host, AppInstance inst, AppD appD, String address) {
        if (!host.hasPlatform()) {
            ops.step(op.id(), "host " + host.name() + " has no platform URL: provisioning skipped");
            return;
        }
        provisioning.provision(host.platformUrl(), new AppInstanceProvisioning(inst.id(), inst.appDId(),
                inst.appName(), inst.appProvider(), inst.appSoftVersion(),
                address == null ? null : Map.of("host", address), appD.appTrafficRule(),
                appD.appDNSRule(), appD.appServiceRequired(), appD.appServiceProduced()));
        LcmOperationRunner.check(ops.step(op.id(), "mec-platform " + host.platformUrl() + " provisioned"));
    }

    private void rollback(ContainerEngine engine, String name, AppInstance inst) {
        try {
            engine.remove(name, true);
        } catch (RuntimeException ignored) {
            // the host may be the reason we fail; nothing left to remove then
        }
        grants.release(inst.id());
    }

    static String containerName(AppInstance inst) {
        String app = inst.appName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return "mec-" + app + "-" + inst.id().substring(0, 8);
    }
}
