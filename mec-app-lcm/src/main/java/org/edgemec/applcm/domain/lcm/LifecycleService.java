package org.edgemec.applcm.domain.lcm;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.edgemec.applcm.domain.host.MecHost;
import org.edgemec.applcm.domain.host.MecHostService;
import org.edgemec.common.error.ConflictException;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.mp1api.common.MecHostInformation;
import org.edgemec.mp1api.mec0102.lcm.ConfigPlatformForAppRequest;
import org.edgemec.mp1api.mec0102.lcm.InstantiateAppRequest;
import org.edgemec.mp1api.mec0102.lcm.InstantiationState;
import org.edgemec.mp1api.mec0102.lcm.OperateAppRequest;
import org.edgemec.mp1api.mec0102.lcm.TerminateAppRequest;

/** The LCM operations as the API sees them: checked, recorded as an op occ (STARTING), then run in the background. */
@ApplicationScoped
public class LifecycleService {

    private final LcmOpOccService ops;
    private final AppInstanceService instances;
    private final LcmOperationRunner runner;
    private final MecHostService hosts;
    private final OpOccInterrupts interrupts;

    public LifecycleService(LcmOpOccService ops, AppInstanceService instances, LcmOperationRunner runner,
            MecHostService hosts, OpOccInterrupts interrupts) {
        this.interrupts = interrupts;
        this.ops = ops;
        this.instances = instances;
        this.runner = runner;
        this.hosts = hosts;
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
        return started(ops.begin(appInstanceId, LcmOperation.INSTANTIATE, request));
    }

    public OpOcc terminate(String appInstanceId, TerminateAppRequest request) {
        if (request.gracefulTerminationTimeout() != null && request.gracefulTerminationTimeout() < 0) {
            throw new InvalidFieldException("gracefulTerminationTimeout", "must not be negative");
        }
        return started(ops.begin(appInstanceId, LcmOperation.TERMINATE, request));
    }

    public OpOcc operate(String appInstanceId, OperateAppRequest request) {
        if (request.gracefulStopTimeout() != null && request.gracefulStopTimeout() < 0) {
            throw new InvalidFieldException("gracefulStopTimeout", "must not be negative");
        }
        AppInstance inst = instances.get(appInstanceId);
        if (inst.operationalState() == request.changeStateTo()) {
            throw new ConflictException("app instance " + appInstanceId + " is already " + request.changeStateTo());
        }
        return started(ops.begin(appInstanceId, LcmOperation.OPERATE, request));
    }

    /**
     * Records the cancel (the runner stops at its next step boundary); FORCED also stops the remote call the operation
     * is waiting for, when this process runs it (otherwise the heartbeat of the process that does).
     */
    public OpOcc cancel(String opId, String mode) {
        OpOcc op = ops.cancel(opId, mode);
        if ("FORCED".equals(mode)) {
            interrupts.interrupt(opId);
        }
        return op;
    }

    public OpOcc retry(String opId) {
        OpOcc op = ops.retry(opId);
        interrupts.done(opId); // a FORCED cancel of the earlier run must not stop this one
        runner.submit(op.id(), false);
        return op;
    }

    /**
     * Records a CONFIGURE_PLATFORM_FOR_APP op occ for an instantiated instance on a host with a mec-platform; the
     * runner replaces the platform's configuration keeping the instance's Mp1 identity and endpoint
     * ({@link ConfigureSteps}). Duplicate rule ids are refused here, before anything is recorded or sent.
     */
    public OpOcc configurePlatform(String appInstanceId, ConfigPlatformForAppRequest request) {
        AppInstance inst = instances.get(appInstanceId);
        if (inst.instantiationState() != InstantiationState.INSTANTIATED) {
            throw new ConflictException("app instance " + appInstanceId + " is NOT_INSTANTIATED");
        }
        MecHost host = hosts.get(inst.hostName());
        if (!host.hasPlatform()) {
            throw new ConflictException("MEC host " + host.name() + " has no mec-platform to configure");
        }
        unique("appTrafficRule", request.appTrafficRule(), r -> r.trafficRuleId(), "trafficRuleId");
        unique("appDNSRule", request.appDNSRule(), r -> r.dnsRuleId(), "dnsRuleId");
        return started(ops.begin(appInstanceId, LcmOperation.CONFIGURE_PLATFORM_FOR_APP, request));
    }

    private static <T> void unique(String field, List<T> items, Function<T, String> id, String idName) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            if (!seen.add(id.apply(items.get(i)))) {
                throw new InvalidFieldException(field + "[" + i + "]." + idName, "duplicate id " + id.apply(items.get(i)));
            }
        }
    }

    private OpOcc started(OpOcc op) {
        runner.submit(op.id(), true);
        return op;
    }
}
