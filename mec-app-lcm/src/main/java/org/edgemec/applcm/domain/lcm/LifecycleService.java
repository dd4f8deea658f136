package org.edgemec.applcm.domain.lcm;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.edgemec.applcm.domain.host.MecHost;
import org.edgemec.applcm.domain.host.MecHostService;
import org.edgemec.mp1api.provisioning.AppInstanceProvisioning;
import org.edgemec.applcm.domain.provision.PlatformProvisioning;
import org.edgemec.common.error.ConflictException;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.mp1api.common.LcmOperationType;
import org.edgemec.mp1api.common.MecHostInformation;
import org.edgemec.mp1api.mec0102.lcm.ConfigPlatformForAppRequest;
import org.edgemec.mp1api.mec0102.lcm.InstantiateAppRequest;
import org.edgemec.mp1api.mec0102.lcm.InstantiationState;
import org.edgemec.mp1api.mec0102.lcm.OperateAppRequest;
import org.edgemec.mp1api.mec0102.lcm.TerminateAppRequest;
import org.jboss.logging.Logger;

/** The LCM operations as the API sees them: checked, recorded as an op occ (STARTING), then run in the background. */
@ApplicationScoped
public class LifecycleService {

    private static final Logger LOG = Logger.getLogger(LifecycleService.class);

    private final LcmOpOccService ops;
    private final AppInstanceService instances;
    private final LcmOperationRunner runner;
    private final MecHostService hosts;
    private final PlatformProvisioning provisioning;
    private final ManagedExecutor executor;

    public LifecycleService(LcmOpOccService ops, AppInstanceService instances, LcmOperationRunner runner,
            MecHostService hosts, PlatformProvisioning provisioning, ManagedExecutor executor) {
        this.ops = ops;
        this.instances = instances;
        this.runner = runner;
        this.hosts = hosts;
        this.provisioning = provisioning;
        this.executor = executor;
    }

    public OpOcc instantiate(String appInstanceId, InstantiateAppRequest request) {
        instances.get(appInstanceId);
        MecHostInformation target = request.selectedMECHostInfo().get(0);
        if (target.hostName() != null) {
            try {
                hosts.get(target.hostName());
            } catch (NotFoundException e) {
                throw new InvalidFieldException("selectedMECHostInfo[0].hostName", "MEC host " + target.hostName()
                        + " does not exist");
            }
        }
        return started(ops.begin(appInstanceId, LcmOperationType.INSTANTIATE, request));
    }

    public OpOcc terminate(String appInstanceId, TerminateAppRequest request) {
        if (request.gracefulTerminationTimeout() != null && request.gracefulTerminationTimeout() < 0) {
            throw new InvalidFieldException("gracefulTerminationTimeout", "must not be negative");
        }
        return started(ops.begin(appInstanceId, LcmOperationType.TERMINATE, request));
    }

    public OpOcc operate(String appInstanceId, OperateAppRequest request) {
        if (request.gracefulStopTimeout() != null && request.gracefulStopTimeout() < 0) {
            throw new InvalidFieldException("gracefulStopTimeout", "must not be negative");
        }
        AppInstance inst = instances.get(appInstanceId);
        if (inst.operationalState() == request.changeStateTo()) {
            throw new ConflictException("app instance " + appInstanceId + " is already " + request.changeStateTo());
        }
        return started(ops.begin(appInstanceId, LcmOperationType.OPERATE, request));
    }

    public OpOcc retry(String opId) {
        OpOcc op = ops.retry(opId);
        runner.submit(op.id(), false);
        return op;
    }

    /** Reconfigures the host's mec-platform for a running instance (re-provisions with the given AppD parts). */
    public void configurePlatform(String appInstanceId, ConfigPlatformForAppRequest request) {
        AppInstance inst = instances.get(appInstanceId);
        if (inst.instantiationState() != InstantiationState.INSTANTIATED) {
            throw new ConflictException("app instance " + appInstanceId + " is NOT_INSTANTIATED");
        }
        MecHost host = hosts.get(inst.hostName());
        if (!host.hasPlatform()) {
            throw new ConflictException("MEC host " + host.name() + " has no mec-platform to configure");
        }
        AppInstanceProvisioning body = new AppInstanceProvisioning(inst.id(), inst.appDId(), inst.appName(),
                inst.appProvider(), inst.appSoftVersion(), null, request.appTrafficRule(), request.appDNSRule(),
                request.appServiceRequired(), request.appServiceProduced());
        executor.runAsync(() -> {
            try {
                provisioning.deprovision(host.platformUrl(), inst.id(), false);
                provisioning.provision(host.platformUrl(), body);
                LOG.infof("mec-platform of %s reconfigured for %s", host.name(), inst.id());
            } catch (RuntimeException e) {
                LOG.warnf("reconfiguring mec-platform of %s for %s failed: %s", host.name(), inst.id(), e.getMessage());
            }
        });
    }

    private OpOcc started(OpOcc op) {
        runner.submit(op.id(), true);
        return op;
    }
}
