package org.edgemec.applcm.domain.lcm;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.edgemec.applcm.config.LcmConfig;
import org.edgemec.applcm.domain.engine.ContainerEngine;
import org.edgemec.applcm.domain.engine.EngineException;
import org.edgemec.applcm.domain.engine.EngineProblems;
import org.edgemec.applcm.domain.grant.GrantService;
import org.edgemec.applcm.domain.host.EngineProvider;
import org.edgemec.applcm.domain.host.MecHost;
import org.edgemec.applcm.domain.host.MecHostService;
import org.edgemec.applcm.domain.pkg.AppPackage;
import org.edgemec.applcm.domain.pkg.PackageService;
import org.edgemec.applcm.domain.provision.PlatformProvisioning;
import org.edgemec.applcm.domain.provision.ProvisioningFailedException;
import org.edgemec.common.error.MecException;
import org.edgemec.common.error.ProblemStatus;
import org.edgemec.mp1api.common.ProblemDetails;
import org.edgemec.mp1api.mec0102.lcm.ConfigPlatformForAppRequest;
import org.edgemec.mp1api.mec0102.lcm.InstantiateAppRequest;
import org.edgemec.mp1api.mec0102.lcm.OperateAppRequest;
import org.edgemec.mp1api.mec0102.lcm.OperationalState;
import org.edgemec.mp1api.mec0102.lcm.StopType;
import org.edgemec.mp1api.mec0102.lcm.TerminateAppRequest;
import org.jboss.logging.Logger;

/** Runs LCM operations in the background; any failure leaves the op occ FAILED_TEMP with the reason. */
@ApplicationScoped
public class LcmOperationRunner {

    private static final Logger LOG = Logger.getLogger(LcmOperationRunner.class);
    /** Prefix of the op occ step that names the started container's IP address (its endpoint on the host). */
    public static final String ADDRESS_STEP = "container address ";

    private final LcmOpOccService ops;
    private final AppInstanceService instances;
    private final InstantiateSteps instantiate;
    private final ConfigureSteps configure;
    private final OpOccInterrupts interrupts;
    private final MecHostService hosts;
    private final EngineProvider engines;
    private final PlatformProvisioning provisioning;
    private final GrantService grants;
    private final PackageService packages;
    private final ManagedExecutor executor;
    private final ObjectMapper json;
    private final LcmConfig config;

    public LcmOperationRunner(LcmOpOccService ops, AppInstanceService instances, InstantiateSteps instantiate,
            ConfigureSteps configure, OpOccInterrupts interrupts, MecHostService hosts, EngineProvider engines, PlatformProvisioning provisioning, GrantService grants,
            PackageService packages, ManagedExecutor executor, ObjectMapper json, LcmConfig config) {
        this.ops = ops;
        this.instances = instances;
        this.instantiate = instantiate;
        this.configure = configure;
        this.interrupts = interrupts;
        this.hosts = hosts;
        this.engines = engines;
        this.provisioning = provisioning;
        this.grants = grants;
        this.packages = packages;
        this.executor = executor;
        this.json = json;
        this.config = config;
    }

    /** Runs a STARTING op occ (fresh) or one a retry put back to PROCESSING. */
    public void submit(String opId, boolean fresh) {
        executor.runAsync(() -> run(opId, fresh));
    }

    static void check(boolean notCancelled) {
        if (!notCancelled) {
            throw new Cancelled();
        }
    }

    private void run(String opId, boolean fresh) {
        try {
            if (fresh && !ops.startProcessing(opId)) {
                return;
            }
            OpOcc op = ops.get(opId);
            AppInstance inst = instances.get(op.appInstanceId());
            switch (op.operation()) {
                case INSTANTIATE -> instantiate.run(op, inst, read(op, InstantiateAppRequest.class));
                case TERMINATE -> terminate(op, inst, read(op, TerminateAppRequest.class));
                case OPERATE -> operate(op, inst, read(op, OperateAppRequest.class));
                case CONFIGURE_PLATFORM_FOR_APP -> configure.run(op, inst, read(op, ConfigPlatformForAppRequest.class));
            }
        } catch (OpOccClaims.LostClaimException lost) {
            // recovery (after this process stalled past its lease) or a retry elsewhere owns it now
            LOG.warnf("op occ %s: result dropped, %s", opId, lost.getMessage());
        } catch (Cancelled c) {
            ops.failTemp(opId, cancelled(opId, null));
        } catch (RuntimeException e) {
            LOG.debugf(e, "op occ %s failed", opId);
            // a FORCED cancel ends the call it interrupts with whatever that call throws: still a cancel
            boolean cancel = interrupts.forced(opId) || ops.get(opId).cancelPending();
            ops.failTemp(opId, cancel ? cancelled(opId, e) : problemOf(e));
        } finally {
            interrupts.done(opId);
        }
    }

    /** The op occ's error after a cancel: the mode, the last step reached and, for FORCED, the call it stopped. */
    private ProblemDetails cancelled(String opId, RuntimeException interrupted) {
        OpOcc op = ops.get(opId);
        String mode = op.cancelMode() == null ? (interrupts.forced(opId) ? "FORCED" : "GRACEFUL") : op.cancelMode();
        var steps = op.steps();
        String last = steps == null || steps.size() == 0 ? "before its first step"
                : "after the step \"" + steps.get(steps.size() - 1).path("step").asText() + "\"";
        return ProblemDetails.of(409, "Cancelled", "cancelled (" + mode + ") " + last
                + (interrupted == null ? "" : "; the call in progress was stopped: " + rootMessage(interrupted)));
    }

    /** Interceptors wrap what the call threw ("Error invoking subclass method"): the innermost cause says it. */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t
                && !(t instanceof java.util.concurrent.CancellationException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /**
     * The op occ's error for a failure: a platform's refusal keeps the platform's own status and detail; an engine
     * that cannot be reached is 503, one that refused 502, one that timed out 504; anything else 500.
     */
    public static ProblemDetails problemOf(RuntimeException e) {
        String detail = e.getMessage() == null ? e.toString() : e.getMessage();
        if (e instanceof ProvisioningFailedException p && p.problem() != null) {
            ProblemDetails platform = p.problem();
            return new ProblemDetails(platform.type(), platform.title() == null ? "mec-platform refused"
                    : platform.title(), platform.status(), platform.detail() == null ? detail : platform.detail(),
                    platform.instance());
        }
        if (e instanceof EngineException engine) {
            return EngineProblems.of(engine, null);
        }
        if (e instanceof MecException m) {
            return ProblemDetails.of(ProblemStatus.of(m), "LCM operation failed", detail);
        }
        return ProblemDetails.of(500, "LCM operation failed", detail);
    }

    private void terminate(OpOcc op, AppInstance inst, TerminateAppRequest request) {
        MecHost host = hosts.get(inst.hostName());
        boolean graceful = request.terminationType() == StopType.GRACEFUL;
        if (host.hasPlatform()) {
            interrupts.run(op.id(), () -> provisioning.deprovision(host.platformUrl(), inst.id(), graceful));
            check(ops.step(op.id(), "mec-platform " + host.platformUrl() + " deprovisioned"));
        }
        forgetEarlierHosts(op, inst);
        ContainerEngine engine = engines.engineOf(host);
        Duration timeout = stopTimeout(request.terminationType(), request.gracefulTerminationTimeout());
        interrupts.run(op.id(), () -> engine.stop(inst.containerId(), timeout));
        check(ops.step(op.id(), "container stopped (" + request.terminationType() + ", timeout " + timeout + ")"));
        interrupts.run(op.id(), () -> engine.remove(inst.containerId(), true));
        ops.step(op.id(), "container removed");
        grants.release(inst.id());
        ops.complete(op.id(), null, null, null, null);
    }

    /**
     * Hosts the instance was relocated away from keep a record that serves its process on (tokens, a redirect of its
     * Mp1 calls); the instance ends, so do they. Best effort: a platform that is down keeps a record nobody uses.
     */
    private void forgetEarlierHosts(OpOcc op, AppInstance inst) {
        for (MecHost other : hosts.list()) {
            if (other.hasPlatform() && !other.name().equals(inst.hostName())) {
                try {
                    provisioning.deprovision(other.platformUrl(), inst.id(), false);
                } catch (RuntimeException e) {
                    LOG.warnf("terminate %s: the record of its earlier stay on %s is not removed: %s", inst.id(),
                            other.name(), e.getMessage());
                }
            }
        }
    }

    private void operate(OpOcc op, AppInstance inst, OperateAppRequest request) {
        MecHost host = hosts.get(inst.hostName());
        ContainerEngine engine = engines.engineOf(host);
        if (request.changeStateTo() == OperationalState.STARTED) {
            interrupts.run(op.id(), () -> engine.start(inst.containerId()));
            check(ops.step(op.id(), "container started"));
            String address = recordAddress(ops, op, engine, inst.containerId());
            if (host.hasPlatform()) {
                AppPackage pkg = packages.get(inst.appPkgId());
                InstantiateSteps.reportEndpoint(ops, provisioning, op, host, inst.id(),
                        AppEndpoints.of(address, pkg.appD(), () -> engine.exposedTcpPorts(pkg.imageName())).orElse(null));
            }
        } else {
            Duration timeout = stopTimeout(request.stopType(), request.gracefulStopTimeout());
            interrupts.run(op.id(), () -> engine.stop(inst.containerId(), timeout));
            ops.step(op.id(), "container stopped (" + request.stopType() + ", timeout " + timeout + ")");
        }
        ops.complete(op.id(), null, null, null, request.changeStateTo());
    }

    /**
     * Reads the started container's IP address (the engine may assign a new one on each start) and records it as a
     * step of the op occ, the instance's endpoint on its host; null when the engine reports none.
     */
    static String recordAddress(LcmOpOccService ops, OpOcc op, ContainerEngine engine, String container) {
        String address = engine.ipAddress(container).orElse(null);
        ops.step(op.id(), address == null ? "container has no IP address" : ADDRESS_STEP + address);
        return address;
    }

    private Duration stopTimeout(StopType type, Integer seconds) {
        if (type == StopType.FORCEFUL) {
            return Duration.ZERO;
        }
        return seconds == null ? config.engine().defaultStopTimeout() : Duration.ofSeconds(seconds);
    }

    private <T> T read(OpOcc op, Class<T> type) {
        try {
            return json.readValue(op.paramsJson(), type);
        } catch (IOException e) {
            throw new IllegalStateException("stored parameters of " + op.id() + " are unreadable", e);
        }
    }

    /** A cancel request was seen between two steps. */
    public static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }
}
