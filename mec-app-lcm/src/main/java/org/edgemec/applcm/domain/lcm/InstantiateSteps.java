package org.edgemec.applcm.domain.lcm;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.util.LinkedHashMap;
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
import org.edgemec.applcm.domain.provision.PlatformProvisioning;
import org.edgemec.mp1api.common.LcmOperationType;
import org.edgemec.mp1api.mec0102.appd.AppD;
import org.edgemec.mp1api.mec0102.appd.VirtualComputeDescriptor;
import org.edgemec.mp1api.mec0102.lcm.InstantiateAppRequest;
import org.edgemec.mp1api.mec0102.lcm.OperationalState;
import org.edgemec.mp1api.provisioning.AppEndpoint;
import org.edgemec.mp1api.provisioning.AppInstanceCredentials;
import org.edgemec.mp1api.provisioning.AppInstanceProvisioning;
import org.jboss.logging.Logger;

/**
 * INSTANTIATE: grant (host selection), image onto the host's engine (load the package's archive when missing),
 * provision the host's mec-platform (the app's rules; its Mp1 client credentials come back), create and start the
 * container with the virtualComputeDescriptor limits and those credentials in its environment, then tell the
 * platform where the instance serves. Any failure removes what was made (container, provisioning) and releases the
 * grant, so a retry starts clean.
 */
@ApplicationScoped
public class InstantiateSteps {

    private static final Logger LOG = Logger.getLogger(InstantiateSteps.class);

    private final LcmOpOccService ops;
    private final PackageService packages;
    private final PackageStore store;
    private final GrantService grants;
    private final MecHostService hosts;
    private final EngineProvider engines;
    private final PlatformProvisioning provisioning;
    private final OpOccInterrupts interrupts;

    public InstantiateSteps(LcmOpOccService ops, PackageService packages, PackageStore store, GrantService grants,
            MecHostService hosts, EngineProvider engines, PlatformProvisioning provisioning,
            OpOccInterrupts interrupts) {
        this.interrupts = interrupts;
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
        boolean provisioned = false;
        try {
            LcmOperationRunner.check(ops.step(op.id(), "granted " + grant.grantId() + " on " + host.name()));
            ensureImage(op, engine, pkg);
            engine.remove(name, true);
            Map<String, String> env = new LinkedHashMap<>();
            env.put("MEC_APP_INSTANCE_ID", inst.id());
            env.put("MEC_HOST", host.name());
            if (host.hasPlatform()) {
                provisioned = true;
                env.putAll(credentialsEnv(provision(op, host, inst, appD), host));
            } else {
                ops.step(op.id(), "host " + host.name() + " has no platform URL: provisioning skipped");
            }
            ContainerSpec spec = ContainerSpec.of(name, pkg.imageName())
                    .withLabels(Map.of("edgemec.app-instance-id", inst.id(), "edgemec.app-d-id", inst.appDId()))
                    .withEnv(env)
                    .withLimits(vcd == null ? null : (long) (vcd.virtualMemory().virtualMemSize() * 1024 * 1024),
                            vcd == null ? null : vcd.virtualCpu().numVirtualCpu() * 1_000_000_000L);
            String id = interrupts.call(op.id(), () -> engine.create(spec));
            LcmOperationRunner.check(ops.step(op.id(), "container " + name + " created (" + id + ")"));
            interrupts.run(op.id(), () -> engine.start(id));
            LcmOperationRunner.check(ops.step(op.id(), "container started"));
            String address = LcmOperationRunner.recordAddress(ops, op, engine, id);
            if (host.hasPlatform()) {
                reportEndpoint(ops, provisioning, op, host, inst.id(),
                        AppEndpoints.of(address, appD, () -> engine.exposedTcpPorts(pkg.imageName())).orElse(null));
            }
            ops.complete(op.id(), host.name(), id, name, OperationalState.STARTED);
        } catch (RuntimeException e) {
            rollback(engine, name, inst, provisioned ? host : null);
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
        try (InputStream archive = interruptible(store.openEntry(pkg.id(), pkg.imageEntry()))) {
            interrupts.run(op.id(), () -> {
                if (pkg.imageKind() == ImageKind.BARE) {
                    images.importRootfs(archive, pkg.imageName());
                } else {
                    images.loadImage(archive);
                }
            });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("reading the image archive failed: " + e.getMessage(), e);
        }
        String id = engine.imageId(pkg.imageName()).orElseThrow(() -> new IllegalStateException(
                "image " + pkg.imageName() + " is missing on " + engine.name() + " after loading the package archive"));
        LcmOperationRunner.check(ops.step(op.id(), "image " + pkg.imageName() + " loaded (" + id + ")"));
    }

    private AppInstanceCredentials provision(OpOcc op, MecHost host, AppInstance inst, AppD appD) {
        AppInstanceCredentials credentials = interrupts.call(op.id(),
                () -> provisioning.provision(host.platformUrl(), provisioningOf(inst, appD)));
        LcmOperationRunner.check(ops.step(op.id(), "mec-platform " + host.platformUrl() + " provisioned (client id "
                + credentials.clientId() + ")"));
        return credentials;
    }

    /**
     * The image archive as the engine reads it: a file read does not notice an interrupt, so each read checks for one
     * (a FORCED cancel) and ends the upload, which the engine then discards.
     */
    private static InputStream interruptible(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public int read() throws java.io.IOException {
                stopIfInterrupted();
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                stopIfInterrupted();
                return super.read(b, off, len);
            }

            private void stopIfInterrupted() throws java.io.InterruptedIOException {
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.io.InterruptedIOException("image upload stopped by a FORCED cancel");
                }
            }
        };
    }

    /** The provisioning of an instance before its container runs: its AppD's rules and services, no endpoint. */
    public static AppInstanceProvisioning provisioningOf(AppInstance inst, AppD appD) {
        return new AppInstanceProvisioning(inst.id(), inst.appDId(), inst.appName(), inst.appProvider(),
                inst.appSoftVersion(), null, appD.appTrafficRule(), appD.appDNSRule(), appD.appServiceRequired(),
                appD.appServiceProduced());
    }

    /**
     * What the app finds in its environment to reach its platform over Mp1: the Mp1 base URL and its OAuth 2.0 client
     * credentials for the token endpoint (client credentials grant).
     */
    static Map<String, String> credentialsEnv(AppInstanceCredentials c, MecHost host) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MEC_PLATFORM_URL", host.platformUrl().toString());
        env.put("MEC_OAUTH_TOKEN_URL", c.tokenEndpoint());
        env.put("MEC_OAUTH_CLIENT_ID", c.clientId());
        env.put("MEC_OAUTH_CLIENT_SECRET", c.clientSecret());
        return env;
    }

    /** Tells the platform where the started instance serves (nothing to tell when the engine gave no address). */
    static void reportEndpoint(LcmOpOccService ops, PlatformProvisioning provisioning, OpOcc op, MecHost host,
            String appInstanceId, AppEndpoint endpoint) {
        if (endpoint == null) {
            ops.step(op.id(), "no endpoint to report to mec-platform " + host.platformUrl());
            return;
        }
        provisioning.updateEndpoint(host.platformUrl(), appInstanceId, endpoint);
        ops.step(op.id(), "endpoint " + endpoint.authority() + " reported to mec-platform " + host.platformUrl());
    }

    private void rollback(ContainerEngine engine, String name, AppInstance inst, MecHost provisionedOn) {
        try {
            engine.remove(name, true);
        } catch (RuntimeException ignored) {
            // the host may be the reason we fail; nothing left to remove then
        }
        if (provisionedOn != null) {
            try {
                provisioning.deprovision(provisionedOn.platformUrl(), inst.id(), false);
            } catch (RuntimeException e) {
                LOG.warnf("deprovisioning %s at %s after a failed instantiation failed: %s", inst.id(),
                        provisionedOn.platformUrl(), e.getMessage());
            }
        }
        grants.release(inst.id());
    }

    static String containerName(AppInstance inst) {
        String app = inst.appName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return "mec-" + app + "-" + inst.id().substring(0, 8);
    }
}
