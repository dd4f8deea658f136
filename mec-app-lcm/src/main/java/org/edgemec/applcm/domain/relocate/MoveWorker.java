package org.edgemec.applcm.domain.relocate;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.edgemec.applcm.config.LcmConfig;
import org.edgemec.applcm.domain.engine.CheckpointCapable;
import org.edgemec.applcm.domain.engine.CheckpointOptions;
import org.edgemec.applcm.domain.engine.ContainerEngine;
import org.edgemec.applcm.domain.engine.ContainerInfo;
import org.edgemec.applcm.domain.engine.ContainerSpec;
import org.edgemec.applcm.domain.engine.CriuDumpStats;
import org.edgemec.applcm.domain.engine.EngineException;
import org.edgemec.applcm.domain.engine.ImageStore;
import org.edgemec.applcm.domain.engine.RestoreOptions;
import org.edgemec.applcm.domain.engine.Restored;
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
import org.edgemec.applcm.domain.lcm.LcmOperationRunner;
import org.edgemec.applcm.domain.pkg.PackageService;
import org.edgemec.applcm.domain.provision.PlatformProvisioning;
import org.edgemec.applcm.domain.provision.ProvisioningFailedException;
import org.edgemec.applcm.domain.relocate.MoveLedger.LostClaimException;
import org.edgemec.common.error.ConflictException;
import org.edgemec.mp1api.common.LcmOperationType;
import org.edgemec.mp1api.common.ProblemDetails;
import org.edgemec.mp1api.mec0102.appd.AppD;
import org.edgemec.mp1api.provisioning.AppEndpoint;
import org.edgemec.mp1api.provisioning.CredentialHandoff;
import org.jboss.logging.Logger;

/**
 * Does the work of a move, phase by phase, each committed through {@link MoveLedger} before the next starts; runs on
 * the LCM executor. Forward: grant on the target, image onto the target, checkpoint the source (export, checkpoint
 * kept), restore on the target (streamed), provision the target's mec-platform, probe the target endpoint; then commit
 * (AUTO) or wait (MANUAL). Compensation removes what the target got and restores the source IN PLACE from its kept
 * checkpoint (never a fresh start, except in COLD mode where there is no state to keep). Every step inspects before it
 * acts, so running it again (recovery after a crash, a repeated rollback) does no harm.
 */
@ApplicationScoped
public class MoveWorker {

    private static final Logger LOG = Logger.getLogger(MoveWorker.class);
    /** The label every LCM container carries; a target container is only ever removed when it names our instance. */
    static final String INSTANCE_LABEL = "edgemec.app-instance-id";

    private final MoveLedger ledger;
    private final MoveClaims claims;
    private final AppInstanceService instances;
    private final PackageService packages;
    private final MecHostService hosts;
    private final EngineProvider engines;
    private final GrantService grants;
    private final PlatformProvisioning provisioning;
    private final LcmConfig config;

    public MoveWorker(MoveLedger ledger, MoveClaims claims, AppInstanceService instances, PackageService packages,
            MecHostService hosts, EngineProvider engines, GrantService grants, PlatformProvisioning provisioning,
            LcmConfig config) {
        this.ledger = ledger;
        this.claims = claims;
        this.instances = instances;
        this.packages = packages;
        this.hosts = hosts;
        this.engines = engines;
        this.grants = grants;
        this.provisioning = provisioning;
        this.config = config;
    }

    /** What a step needs to know about the move; read afresh by each entry point. */
    private record Ctx(AppMove move, AppInstance inst, AppD appD, MecHost source, MecHost target, ContainerEngine from,
            ContainerEngine to) {

        String id() {
            return move.moveId();
        }

        String src() {
            return move.sourceContainerId();
        }
    }

    private Ctx ctx(String moveId) {
        AppMove m = ledger.get(moveId);
        AppInstance inst = instances.get(m.appInstanceId());
        MecHost source = hosts.get(m.sourceHost());
        MecHost target = hosts.get(m.targetHost());
        return new Ctx(m, inst, packages.get(inst.appPkgId()).appD(), source, target, engines.engineOf(source),
                engines.engineOf(target));
    }

    // ---------------------------------------------------------------- entry points (each holds the move's claim)

    /** Runs a new move (PROCESSING, STARTED, claimed by this replica) to AWAITING_COMMIT, COMMITTED or FAILED. */
    public void forward(String moveId) {
        guarded(moveId, () -> {
            doForward(moveId);
            return null;
        });
    }

    /** Commits a move claimed by {@link MoveLedger#beginCommit} (or a repeated commit of a COMMITTED one). */
    public AppMove commit(String moveId, boolean claimed) {
        return guarded(moveId, () -> claimed ? doCommit(ctx(moveId), null) : retryCommitCleanup(moveId));
    }

    /** Rolls back a move claimed by {@link MoveLedger#beginRollback}. */
    public AppMove rollback(String moveId) {
        return guarded(moveId, () -> doRollback(moveId));
    }

    /** Resolves a move claimed by recovery from its recorded phase (see {@link MoveRecovery}). */
    public AppMove recover(String moveId) {
        return guarded(moveId, () -> doRecover(moveId));
    }

    private <T> T guarded(String moveId, java.util.function.Supplier<T> work) {
        if (!claims.enter(moveId)) {
            throw new ConflictException("move " + moveId + " is being worked on");
        }
        try {
            return work.get();
        } catch (LostClaimException e) {
            LOG.warnf("move %s: stopped, %s", moveId, e.getMessage());
            throw new ConflictException(e.getMessage());
        } catch (RuntimeException e) {
            // a failure outside the compensated steps (the database, a bug): leave the move to recovery
            LOG.errorf(e, "move %s: unexpected failure; recovery resolves it after its lease", moveId);
            try {
                ledger.release(moveId);
            } catch (RuntimeException ignored) {
                // the lease runs out by itself
            }
            throw e;
        } finally {
            claims.leave(moveId);
        }
    }

    // ---------------------------------------------------------------- forward

    private void doForward(String moveId) {
        long start = System.nanoTime();
        Ctx c = ctx(moveId);
        LOG.infof("move %s: %s of app instance %s from %s to %s (%s, commit %s) started", moveId,
                c.inst().containerName(), c.inst().id(), c.source().name(), c.target().name(), c.move().mode(),
                c.move().commit());
        String image;
        try {
            long t = System.nanoTime();
            GrantDecision grant = grants.decide(c.inst().id(), "move " + moveId, c.inst().appDId(),
                    LcmOperationType.INSTANTIATE, ResourceNeed.of(c.appD().virtualComputeDescriptor()),
                    c.target().name());
            long grantMs = ms(t);
            ledger.phase(moveId, MovePhase.GRANTED, e -> {
                e.grantId = grant.grantId();
                e.timings = ledger.write(ledger.timings(e).withGrantMs(grantMs));
            });
            logPhase(c, MovePhase.GRANTED, grantMs, "grant " + grant.grantId() + " on " + c.target().name());

            t = System.nanoTime();
            ContainerInfo info = c.from().inspect(c.src()).orElseThrow(() -> new ConflictException("source container "
                    + c.inst().containerName() + " is gone from MEC host " + c.source().name()));
            if (!info.running()) {
                throw new ConflictException("source container " + c.inst().containerName() + " is not running on MEC "
                        + "host " + c.source().name() + " (" + info.state() + ")");
            }
            image = info.image();
            long copyMs = copyImage(c, image);
            AppEndpoint sourceEndpoint = endpointOf(c.from(), c.src(), c.appD(), image);
            ledger.phase(moveId, MovePhase.IMAGE_READY, e -> {
                e.timings = ledger.write(ledger.timings(e).withImageCopyMs(copyMs));
                e.sourceEndpoint = sourceEndpoint == null ? null : ledger.write(sourceEndpoint);
            });
            logPhase(c, MovePhase.IMAGE_READY, ms(t), copyMs == 0 ? image + " present on " + c.target().name()
                    : image + " copied to " + c.target().name() + " in " + copyMs + " ms");
        } catch (LostClaimException e) {
            throw e;
        } catch (RuntimeException e) {
            failed(moveId, e, false);
            return;
        }

        long freeze = System.nanoTime();
        ArchiveMeter archive = null;
        ContainerSpec coldSpec = null;
        RelocationMode mode = c.move().mode();
        try {
            if (mode == RelocationMode.COLD) {
                coldSpec = c.from().specOf(c.src()).orElseThrow(() -> new ConflictException("source container "
                        + c.inst().containerName() + " is gone from MEC host " + c.source().name()));
                c.from().stop(c.src(), config.engine().defaultStopTimeout());
            } else {
                archive = new ArchiveMeter(((CheckpointCapable) c.from()).checkpoint(c.src(),
                        CheckpointOptions.keptForRollback(mode == RelocationMode.KEEP_RUNNING)));
            }
            long dumpMs = ms(freeze);
            ledger.phase(moveId, MovePhase.DUMPED, e -> e.timings = ledger.write(ledger.timings(e)
                    .withFreezeDumpMs(dumpMs)));
            logPhase(c, MovePhase.DUMPED, dumpMs, mode == RelocationMode.COLD ? "source stopped"
                    : mode == RelocationMode.KEEP_RUNNING ? "source dumped, still running"
                    : "source frozen, checkpoint kept on " + c.source().name());
        } catch (LostClaimException e) {
            close(archive);
            throw e;
        } catch (RuntimeException e) {
            close(archive);
            // the checkpoint may have frozen the source before failing: compensation looks (and restores in place)
            failed(moveId, e, false);
            return;
        }

        try {
            long t = System.nanoTime();
            String newId;
            AtomicLong sent = new AtomicLong();
            Restored restored = null;
            if (mode == RelocationMode.COLD) {
                newId = c.to().create(coldSpec);
                c.to().start(newId);
            } else {
                try (InputStream in = archive) {
                    restored = ((CheckpointCapable) c.to()).restore(in, RestoreOptions.named(c.inst().containerName()),
                            () -> sent.set(System.nanoTime()));
                } catch (IOException e) {
                    throw new IllegalStateException("closing the checkpoint stream failed: " + e.getMessage(), e);
                }
                newId = restored.containerId();
            }
            long answered = System.nanoTime();
            long restoreMs = ms(t);
            long downtimeMs = (answered - freeze) / 1_000_000;
            Long transferMs = sent.get() == 0 ? null : (sent.get() - t) / 1_000_000;
            Long afterSentMs = sent.get() == 0 ? null : (answered - sent.get()) / 1_000_000;
            AppMove.Criu criu = restored == null ? null : criuOf(archive.dumpStats().orElse(null), restored);
            AppEndpoint targetEndpoint = endpointOf(c.to(), newId, c.appD(), image);
            Long archiveBytes = mode == RelocationMode.COLD ? null : archive.bytes();
            ledger.phase(moveId, MovePhase.RESTORED, e -> {
                e.targetContainerId = newId;
                e.targetEndpoint = targetEndpoint == null ? null : ledger.write(targetEndpoint);
                e.archiveBytes = archiveBytes;
                e.timings = ledger.write(ledger.timings(e).withRestoreSplit(restoreMs, transferMs, afterSentMs,
                        downtimeMs, criu));
            });
            logPhase(c, MovePhase.RESTORED, restoreMs, "target container " + newId + " runs on " + c.target().name()
                    + (targetEndpoint == null ? "" : " at " + targetEndpoint.authority())
                    + (archiveBytes == null ? "" : ", archive " + archiveBytes + " bytes")
                    + (transferMs == null ? "" : ", transfer " + transferMs + " ms, restore " + afterSentMs + " ms")
                    + ", down " + downtimeMs + " ms since the freeze");
            provisionTarget(c, targetEndpoint);
            if (targetEndpoint != null && targetEndpoint.port() != null) {
                Long first = firstResponse(targetEndpoint, freeze);
                if (first != null) {
                    ledger.update(moveId, e -> e.timings = ledger.write(ledger.timings(e).withFirstResponseMs(first)));
                    LOG.infof("move %s: target %s accepted a TCP connection %d ms after the freeze", moveId,
                            targetEndpoint.authority(), first);
                } else {
                    LOG.warnf("move %s: target %s accepted no TCP connection within %s", moveId,
                            targetEndpoint.authority(), config.move().firstResponseTimeout());
                }
            }
        } catch (LostClaimException e) {
            close(archive);
            throw e;
        } catch (RuntimeException e) {
            close(archive);
            failed(moveId, e, true);
            return;
        }

        if (c.move().commit() == CommitMode.AUTO) {
            doCommit(ctx(moveId), start);
        } else {
            long totalMs = ms(start);
            ledger.settle(moveId, MoveState.AWAITING_COMMIT, null,
                    e -> e.timings = ledger.write(ledger.timings(e).withTotalMs(totalMs)));
            LOG.infof("move %s: AWAITING_COMMIT after %d ms (source frozen on %s, target runs on %s)", moveId,
                    totalMs, c.source().name(), c.target().name());
        }
    }

    /**
     * Provisions the target's platform with the AppD's rules and the Mp1 identity the instance has at the source (the
     * restored process keeps the credentials and tokens in its memory and environment), then tells it the target
     * endpoint.
     */
    private void provisionTarget(Ctx c, AppEndpoint targetEndpoint) {
        if (!c.target().hasPlatform()) {
            LOG.infof("move %s: MEC host %s has no platform URL: provisioning skipped", c.id(), c.target().name());
            return;
        }
        long t = System.nanoTime();
        try {
            provisioning.provision(c.target().platformUrl(), InstantiateSteps.provisioningOf(c.inst(), c.appD())
                    .withCredentials(sourceIdentity(c)));
            ledger.update(c.id(), e -> e.targetProvisioned = true);
            if (targetEndpoint != null) {
                provisioning.updateEndpoint(c.target().platformUrl(), c.inst().id(), targetEndpoint);
            }
        } catch (ProvisioningFailedException e) {
            throw onPlatform(c.target(), e);
        }
        LOG.infof("move %s: mec-platform of %s provisioned%s in %d ms", c.id(), c.target().name(),
                targetEndpoint == null ? "" : " with endpoint " + targetEndpoint.authority(), ms(t));
    }

    /** The source's handoff; none (fresh credentials at the target, logged) when the source platform has none. */
    private CredentialHandoff sourceIdentity(Ctx c) {
        if (!c.source().hasPlatform()) {
            return null;
        }
        CredentialHandoff handoff = provisioning.credentialHandoff(c.source().platformUrl(), c.inst().id())
                .orElse(null);
        if (handoff == null) {
            LOG.warnf("move %s: mec-platform of %s has no Mp1 identity of %s: the target gives it fresh credentials, "
                    + "which the moved process does not know", c.id(), c.source().name(), c.inst().id());
        }
        return handoff;
    }

    // ---------------------------------------------------------------- commit

    /**
     * SOURCE_REMOVED first (the point of no return, in one transaction with the instance naming the target and the
     * source grant released), then the source container and its kept checkpoint are removed and the source platform
     * deprovisioned; a failure of these two is the COMMITTED move's {@code error} and a repeated commit retries them.
     */
    private AppMove doCommit(Ctx c, Long startNanos) {
        long t = System.nanoTime();
        ledger.phase(c.id(), MovePhase.SOURCE_REMOVED, e -> {
            instances.moved(c.inst().id(), c.target().name(), e.targetContainerId, e.containerName);
            grants.releaseOthers(c.inst().id(), e.grantId);
        });
        Cleanup cleanup = cleanupSource(c, ledger.get(c.id()));
        logPhase(c, MovePhase.SOURCE_REMOVED, ms(t), "instance now on " + c.target().name()
                + (cleanup.problem == null ? "" : "; " + cleanup.problem.detail()));
        AppMove done = ledger.settle(c.id(), MoveState.COMMITTED, MovePhase.COMMITTED, e -> {
            e.sourceDeprovisioned |= cleanup.deprovisioned;
            e.error = cleanup.problem == null ? null : ledger.write(cleanup.problem);
            if (startNanos != null) {
                e.timings = ledger.write(ledger.timings(e).withTotalMs(ms(startNanos)));
            }
        });
        logPhase(c, MovePhase.COMMITTED, ms(t), "app instance " + c.inst().id() + " runs on " + c.target().name());
        return done;
    }

    private record Cleanup(boolean deprovisioned, ProblemDetails problem) {
    }

    private Cleanup cleanupSource(Ctx c, AppMove m) {
        List<String> failures = new ArrayList<>();
        RuntimeException first = null;
        try {
            c.from().remove(c.src(), true);
        } catch (RuntimeException e) {
            first = e;
            failures.add("source container " + c.src() + " not removed from " + c.source().name() + ": "
                    + e.getMessage());
        }
        boolean deprovisioned = false;
        if (deprovisionPending(c, m)) {
            try {
                if (c.target().hasPlatform()) {
                    provisioning.deprovisionMoved(c.source().platformUrl(), c.inst().id(), c.target().platformUrl());
                } else {
                    provisioning.deprovision(c.source().platformUrl(), c.inst().id(), false);
                }
                deprovisioned = true;
            } catch (RuntimeException e) {
                first = first == null ? e : first;
                failures.add("mec-platform of " + c.source().name() + " not deprovisioned: " + e.getMessage());
            }
        }
        return new Cleanup(deprovisioned, first == null ? null : problem(first, String.join("; ", failures)
                + "; commit again to retry"));
    }

    private boolean deprovisionPending(Ctx c, AppMove m) {
        return c.source().hasPlatform() && ledger.deprovisionPending(m.moveId());
    }

    private AppMove retryCommitCleanup(String moveId) {
        Ctx c = ctx(moveId);
        if (c.move().error() == null) {
            return c.move();
        }
        Cleanup cleanup = cleanupSource(c, c.move());
        return ledger.amend(moveId, e -> {
            e.sourceDeprovisioned |= cleanup.deprovisioned;
            e.error = cleanup.problem == null ? null : ledger.write(cleanup.problem);
        });
    }

    // ---------------------------------------------------------------- compensation

    /**
     * A forward step failed: compensate and end FAILED with the error, phase ROLLED_BACK when the source had been
     * dumped and runs again. When the source cannot be restored but the target could be resumed, the move waits in
     * AWAITING_COMMIT with the error (the app runs on the target: commit, or retry the rollback); when compensation
     * stopped half-way, FAILED in the failed phase (a rollback retries it).
     */
    private void failed(String moveId, RuntimeException cause, boolean afterDump) {
        AppMove m = ledger.get(moveId);
        ProblemDetails problem = problem(cause, null);
        LOG.warnf("move %s: failed after phase %s: %s; compensating", moveId, m.phase(), problem.detail());
        Undo undo = undo(ctx(moveId), afterDump);
        if (undo.complete()) {
            ledger.settle(moveId, MoveState.FAILED, afterDump ? MovePhase.ROLLED_BACK : null,
                    e -> e.error = ledger.write(problem));
            LOG.infof("move %s: FAILED, %s", moveId, afterDump ? "rolled back: the source runs again with its state"
                    : "source untouched");
            return;
        }
        ProblemDetails worse = withDetail(problem, problem.detail() + "; compensation incomplete: " + undo.text());
        if (undo.targetResumed()) {
            ledger.settle(moveId, MoveState.AWAITING_COMMIT, null, e -> e.error = ledger.write(worse));
            LOG.errorf("move %s: the source cannot run again, the target was resumed: AWAITING_COMMIT (%s)", moveId,
                    worse.detail());
        } else {
            ledger.settle(moveId, MoveState.FAILED, null, e -> e.error = ledger.write(worse));
            LOG.errorf("move %s: FAILED and not fully compensated: %s", moveId, worse.detail());
        }
    }

    /**
     * Rollback: the same compensation; ROLLED_BACK when complete; AWAITING_COMMIT with the error when the source could
     * not be restored and the target was resumed instead; else ROLLING_BACK with the error, retried by recovery and by
     * a repeated rollback.
     */
    private AppMove doRollback(String moveId) {
        long t = System.nanoTime();
        Ctx c = ctx(moveId);
        Undo undo = undo(c, true);
        if (undo.complete()) {
            AppMove done = ledger.settle(moveId, MoveState.ROLLED_BACK, MovePhase.ROLLED_BACK, e -> {
            });
            logPhase(c, MovePhase.ROLLED_BACK, ms(t), "source " + c.src() + " runs again on " + c.source().name());
            return done;
        }
        ProblemDetails problem = problem(undo.first(), "rollback incomplete: " + undo.text());
        if (undo.targetResumed()) {
            LOG.errorf("move %s: %s; the target runs again (AWAITING_COMMIT)", moveId, problem.detail());
            return ledger.settle(moveId, MoveState.AWAITING_COMMIT, null, e -> e.error = ledger.write(problem));
        }
        ledger.update(moveId, e -> e.error = ledger.write(problem));
        ledger.release(moveId);
        LOG.errorf("move %s: %s (stays ROLLING_BACK; recovery and a repeated rollback retry it)", moveId,
                problem.detail());
        return ledger.get(moveId);
    }

    /** What a compensation did: its first failure, every failure's text, and whether the target was resumed. */
    private record Undo(RuntimeException first, List<String> failures, boolean targetResumed) {

        boolean complete() {
            return failures.isEmpty();
        }

        String text() {
            return String.join("; ", failures);
        }
    }

    /**
     * Undoes a move that did not commit, each step inspecting first. A target that runs is frozen first (in place,
     * checkpoint kept) so that never two copies run and it can resume should the source not come back. Then the source
     * is brought back (running already: nothing; frozen with a kept checkpoint: restored in place; COLD: started); if
     * that fails the frozen target is resumed and nothing else is undone. Otherwise the target container is removed
     * (only one that names our instance), the target platform deprovisioned if it was provisioned, the target grant
     * released, and the source platform told the source endpoint again.
     */
    private Undo undo(Ctx c, boolean afterDump) {
        AppMove m = ledger.get(c.id());
        List<String> failures = new ArrayList<>();
        String running = null;
        if (afterDump && m.targetContainerId() != null) {
            try {
                if (c.to().inspect(m.targetContainerId()).map(ContainerInfo::running).orElse(false)) {
                    ((CheckpointCapable) c.to()).checkpointKept(m.targetContainerId());
                    running = m.targetContainerId();
                    LOG.infof("move %s: target %s frozen on %s before the source comes back", c.id(),
                            m.targetContainerId(), c.target().name());
                }
            } catch (RuntimeException e) {
                // it may still run: bringing the source back now could make two copies
                failures.add("target " + m.targetContainerId() + " on " + c.target().name() + " not frozen: "
                        + e.getMessage());
                return new Undo(e, failures, false);
            }
        }
        try {
            ensureSourceRuns(c);
        } catch (LostClaimException e) {
            throw e;
        } catch (RuntimeException e) {
            failures.add("source not restored on " + c.source().name() + ": " + e.getMessage());
            if (running != null) {
                try {
                    ((CheckpointCapable) c.to()).restoreKept(running);
                    failures.add("the target " + running + " on " + c.target().name() + " runs again");
                    return new Undo(e, failures, true);
                } catch (RuntimeException again) {
                    failures.add("the target could not be resumed either: " + again.getMessage());
                }
            }
            return new Undo(e, failures, false);
        }
        RuntimeException first = null;
        if (afterDump) {
            first = step(first, failures, "target container not removed from " + c.target().name(),
                    () -> removeTarget(c, m));
        }
        if (m.targetProvisioned()) {
            first = step(first, failures, "mec-platform of " + c.target().name() + " not deprovisioned", () -> {
                provisioning.deprovision(c.target().platformUrl(), c.inst().id(), false);
                ledger.update(c.id(), e -> e.targetProvisioned = false);
            });
        }
        first = step(first, failures, "target grant not released", () -> ledger.releaseGrant(c.id()));
        if (afterDump && c.source().hasPlatform()) {
            first = step(first, failures, "source endpoint not reported to the mec-platform of "
                    + c.source().name(), () -> reportSource(c));
        }
        return new Undo(first, failures, false);
    }

    private static RuntimeException step(RuntimeException first, List<String> failures, String what, Runnable op) {
        try {
            op.run();
            return first;
        } catch (LostClaimException e) {
            throw e;
        } catch (RuntimeException e) {
            failures.add(what + ": " + e.getMessage());
            return first == null ? e : first;
        }
    }

    private void removeTarget(Ctx c, AppMove m) {
        if (m.targetContainerId() != null) {
            c.to().remove(m.targetContainerId(), true);
            LOG.infof("move %s: target container %s removed from %s", c.id(), m.targetContainerId(), c.target().name());
            return;
        }
        // the restore may have created it without our knowing its id: look it up by name, remove it only if it is ours
        String name = c.inst().containerName();
        c.to().specOf(name).filter(s -> c.inst().id().equals(s.labels().get(INSTANCE_LABEL))).ifPresent(s -> {
            c.to().remove(name, true);
            LOG.infof("move %s: partial target container %s removed from %s", c.id(), name, c.target().name());
        });
    }

    /** Never a fresh start of a checkpointed source: its state would be lost (COLD has none to lose). */
    private void ensureSourceRuns(Ctx c) {
        ContainerInfo info = c.from().inspect(c.src()).orElseThrow(() -> new IllegalStateException("source container "
                + c.src() + " is gone from MEC host " + c.source().name()));
        if (info.running()) {
            return;
        }
        long t = System.nanoTime();
        if (c.move().mode() == RelocationMode.COLD) {
            c.from().start(c.src());
            LOG.infof("move %s: COLD source %s started again on %s in %d ms", c.id(), c.src(), c.source().name(), ms(t));
            return;
        }
        CheckpointCapable engine = (CheckpointCapable) c.from();
        if (!engine.hasKeptCheckpoint(c.src())) {
            throw new IllegalStateException("source container " + c.src() + " on " + c.source().name() + " is "
                    + info.state() + " without a kept checkpoint; it is not started fresh (its state would be lost)");
        }
        engine.restoreKept(c.src());
        LOG.infof("move %s: source %s restored in place on %s from its kept checkpoint in %d ms", c.id(), c.src(),
                c.source().name(), ms(t));
    }

    private void reportSource(Ctx c) {
        String image = c.from().inspect(c.src()).map(ContainerInfo::image).orElse(null);
        AppEndpoint endpoint = endpointOf(c.from(), c.src(), c.appD(), image);
        if (endpoint == null) {
            return;
        }
        try {
            provisioning.updateEndpoint(c.source().platformUrl(), c.inst().id(), endpoint);
        } catch (ProvisioningFailedException e) {
            throw onPlatform(c.source(), e);
        }
        ledger.update(c.id(), e -> e.sourceEndpoint = ledger.write(endpoint));
        LOG.infof("move %s: source endpoint %s reported to the mec-platform of %s again", c.id(), endpoint.authority(),
                c.source().name());
    }

    // ---------------------------------------------------------------- recovery

    /**
     * A move this replica claimed after its previous owner stopped: ROLLING_BACK finishes the rollback; PROCESSING is
     * resolved from its phase: before DUMPED compensated (FAILED); DUMPED compensated with the source restored in
     * place (FAILED, ROLLED_BACK); RESTORED with the target running: AUTO commits, MANUAL waits (AWAITING_COMMIT);
     * SOURCE_REMOVED completes the commit.
     */
    private AppMove doRecover(String moveId) {
        AppMove m = ledger.get(moveId);
        LOG.infof("move %s: recovering (%s, phase %s)", moveId, m.state(), m.phase());
        if (m.state() == MoveState.ROLLING_BACK) {
            return doRollback(moveId);
        }
        RuntimeException interrupted = new IllegalStateException("move interrupted at phase " + m.phase()
                + " (mec-app-lcm stopped while working on it)");
        switch (m.phase()) {
            case STARTED, GRANTED, IMAGE_READY -> failed(moveId, interrupted, false);
            case DUMPED -> failed(moveId, interrupted, true);
            case RESTORED -> {
                Ctx c = ctx(moveId);
                boolean runs;
                try {
                    runs = m.targetContainerId() != null
                            && c.to().inspect(m.targetContainerId()).map(ContainerInfo::running).orElse(false);
                } catch (EngineException e) {
                    // cannot tell whether the target runs: never risk two copies, try again later
                    LOG.warnf("move %s: cannot inspect the target on %s (%s); retried after the lease", moveId,
                            c.target().name(), e.getMessage());
                    ledger.release(moveId);
                    return ledger.get(moveId);
                }
                if (!runs) {
                    failed(moveId, new IllegalStateException("target container " + m.targetContainerId()
                            + " no longer runs on " + c.target().name() + " after an interruption"), true);
                    return ledger.get(moveId);
                }
                try {
                    if (!m.targetProvisioned()) {
                        provisionTarget(c, m.targetEndpoint());
                    }
                } catch (LostClaimException e) {
                    throw e;
                } catch (RuntimeException e) {
                    failed(moveId, e, true);
                    return ledger.get(moveId);
                }
                if (m.commit() == CommitMode.AUTO) {
                    return doCommit(ctx(moveId), null);
                }
                ledger.settle(moveId, MoveState.AWAITING_COMMIT, null, e -> {
                });
            }
            case SOURCE_REMOVED -> {
                Ctx c = ctx(moveId);
                Cleanup cleanup = cleanupSource(c, m);
                ledger.settle(moveId, MoveState.COMMITTED, MovePhase.COMMITTED, e -> {
                    e.sourceDeprovisioned |= cleanup.deprovisioned;
                    e.error = cleanup.problem == null ? null : ledger.write(cleanup.problem);
                });
            }
            case COMMITTED -> ledger.settle(moveId, MoveState.COMMITTED, null, e -> {
            });
            case ROLLED_BACK -> ledger.settle(moveId, MoveState.FAILED, null, e -> {
            });
        }
        AppMove after = ledger.get(moveId);
        LOG.infof("move %s: recovered to %s (phase %s)", moveId, after.state(), after.phase());
        return after;
    }

    // ---------------------------------------------------------------- helpers

    /** podman save on the source, podman load on the target, streamed; 0 when the target has the same image id. */
    private static long copyImage(Ctx c, String image) {
        String id = c.from().imageId(image).orElseThrow(() -> new ConflictException("image " + image
                + " is gone from MEC host " + c.source().name()));
        if (c.to().imageId(image).filter(id::equals).isPresent()) {
            return 0;
        }
        long t0 = System.nanoTime();
        try (InputStream archive = ((ImageStore) c.from()).exportImage(image)) {
            ((ImageStore) c.to()).loadImage(archive);
        } catch (IOException e) {
            throw new IllegalStateException("copying image " + image + " failed: " + e.getMessage(), e);
        }
        if (c.to().imageId(image).filter(id::equals).isEmpty()) {
            throw new IllegalStateException("image " + image + " on MEC host " + c.target().name()
                    + " does not have the source's id " + id + " after the copy");
        }
        return Math.max(1, ms(t0));
    }

    private static AppEndpoint endpointOf(ContainerEngine engine, String container, AppD appD, String image) {
        return AppEndpoints.of(engine.ipAddress(container).orElse(null), appD,
                () -> image == null ? List.of() : engine.exposedTcpPorts(image)).orElse(null);
    }

    /**
     * Milliseconds from the freeze to the first TCP connection the endpoint accepted (connect only, nothing sent: the
     * app's state is not touched), or null when none within the configured bound.
     */
    private Long firstResponse(AppEndpoint endpoint, long freezeNanos) {
        long deadline = System.nanoTime() + config.move().firstResponseTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), 200);
                return ms(freezeNanos);
            } catch (IOException refused) {
                sleep(Duration.ofMillis(20));
            }
        }
        return null;
    }

    private void logPhase(Ctx c, MovePhase phase, long ms, String what) {
        LOG.infof("move %s: %s in %d ms (%s)", c.id(), phase, ms, what);
    }

    /** The recorded error of a failure: engine 502/503/504, the platform's own answer, other domain errors. */
    static ProblemDetails problem(RuntimeException e, String detail) {
        ProblemDetails p = LcmOperationRunner.problemOf(e);
        return detail == null ? p : withDetail(p, detail);
    }

    private static ProblemDetails withDetail(ProblemDetails p, String detail) {
        return new ProblemDetails(p.type(), p.title(), p.status(), detail, p.instance());
    }

    private static ProvisioningFailedException onPlatform(MecHost host, ProvisioningFailedException e) {
        ProblemDetails p = e.problem() == null ? ProblemDetails.of(502, "mec-platform refused", e.getMessage())
                : e.problem();
        String detail = "mec-platform of MEC host " + host.name() + " (" + host.platformUrl() + "): "
                + (p.detail() == null ? e.getMessage() : p.detail());
        return new ProvisioningFailedException(detail, withDetail(p, detail));
    }

    private static void close(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException | RuntimeException ignored) {
                // the stream's connection is dropped either way
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** CRIU's figures of both sides; null when neither engine reported any. */
    private static AppMove.Criu criuOf(CriuDumpStats dump, Restored restored) {
        if (dump == null && restored.criuRestoreUs() == null && restored.criuForkingUs() == null) {
            return null;
        }
        return new AppMove.Criu(dump == null ? null : dump.freezingUs(), dump == null ? null : dump.frozenUs(),
                dump == null ? null : dump.memdumpUs(), dump == null ? null : dump.memwriteUs(),
                restored.criuRestoreUs(), restored.criuForkingUs());
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
