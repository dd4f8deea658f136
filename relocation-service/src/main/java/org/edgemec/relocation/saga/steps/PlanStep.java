package org.edgemec.relocation.saga.steps;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.edgemec.relocation.api.RelocationRequest;
import org.edgemec.relocation.config.RelocationConfig;
import org.edgemec.relocation.saga.RegisteredDevices;
import org.edgemec.relocation.saga.RelocationRun;
import org.edgemec.relocation.saga.SagaContext;
import org.edgemec.relocation.saga.SagaStep;
import org.edgemec.relocation.saga.StateTransfer;
import org.edgemec.relocation.saga.StepName;
import org.edgemec.relocation.saga.StepResult;
import org.edgemec.relocation.saga.StepRetries;
import org.edgemec.relocation.saga.ports.MecSystem;
import org.edgemec.relocation.saga.ports.MecSystem.Host;
import org.edgemec.relocation.saga.ports.MecSystem.Instance;
import org.edgemec.relocation.saga.ports.PlatformSteering;
import org.edgemec.relocation.saga.ports.RemoteCallFailed;

/**
 * PLAN: where the instance runs now, where it goes (the placement policy), the platforms on both sides and the
 * endpoints, the devices concerned. Read-only: running it again gives the same plan unless the system changed. The
 * MEC 010-2 grant on the target is taken by mec-app-lcm's move (its GRANTED phase), so that the reservation and the
 * container it is for are one operation.
 */
@ApplicationScoped
public class PlanStep implements SagaStep {

    private final MecSystem system;
    private final PlatformSteering platforms;
    private final RegisteredDevices devices;
    private final RelocationConfig config;
    private final StepRetries retries;

    public PlanStep(MecSystem system, PlatformSteering platforms, RegisteredDevices devices, RelocationConfig config,
                    StepRetries retries) {
        this.system = system;
        this.platforms = platforms;
        this.devices = devices;
        this.config = config;
        this.retries = retries;
    }

    @Override
    public StepName name() {
        return StepName.PLAN;
    }

    @Override
    public StepResult run(RelocationRun run, SagaContext ctx) {
        try {
            return plan(run, ctx);
        } catch (RemoteCallFailed e) {
            return retries.retryOrFail(ctx, e);
        }
    }

    private StepResult plan(RelocationRun run, SagaContext ctx) {
        Optional<Instance> found = system.instance(run.appInstanceId());
        if (found.isEmpty() || !found.get().instantiated() || found.get().host() == null) {
            return StepResult.fail(409, "App instance not placed", "app instance " + run.appInstanceId()
                    + " is not instantiated on a MEC host (mec-app-lcm)");
        }
        Instance inst = found.get();
        if (run.stateTransfer() != StateTransfer.APPLICATION && !inst.started()) {
            return StepResult.fail(409, "App instance not running", "app instance " + run.appInstanceId()
                    + " is STOPPED; only a running instance can be checkpointed");
        }
        List<Host> hosts = system.hosts();
        Map<String, Host> byName = hosts.stream().collect(Collectors.toMap(Host::name, Function.identity(),
                (a, b) -> a));
        Host source = byName.get(inst.host());
        if (source == null) {
            return StepResult.fail(409, "Unknown MEC host", "the instance's host " + inst.host() + " is not a MEC host");
        }
        List<Instance> all = system.instances();
        Host target;
        try {
            target = target(run.request(), source, hosts, all);
        } catch (IllegalStateException e) {
            return StepResult.fail(409, "No target host", e.getMessage());
        }
        ctx.appDId = inst.appDId();
        ctx.sourceHost = source.name();
        ctx.targetHost = target.name();
        ctx.sourcePlatformUrl = source.platformUrl();
        ctx.targetPlatformUrl = target.platformUrl();
        ctx.placement = run.request().placement().policy() + (run.request().placement().zone() == null ? ""
                : " zone " + run.request().placement().zone());
        ctx.sourceEndpoint = source.platformUrl() == null ? null
                : platforms.endpoint(source.platformUrl(), run.appInstanceId()).orElse(null);
        ctx.associateId = run.request().associateId().isEmpty() ? devices.associateIds(run.appInstanceId())
                : run.request().associateId();
        if (run.stateTransfer() == StateTransfer.APPLICATION) {
            if (!devices.registered(run.appInstanceId())) {
                return StepResult.fail(409, "Not registered for application mobility", "APPLICATION state transfer "
                        + "needs the instance's MEC 021 registration (POST /amsi/v1/app_mobility_services); "
                        + run.appInstanceId() + " has none");
            }
            Optional<Instance> peer = all.stream().filter(i -> i.instantiated() && target.name().equals(i.host())
                    && inst.appDId() != null && inst.appDId().equals(i.appDId())
                    && !i.id().equals(inst.id())).findFirst();
            if (peer.isEmpty()) {
                return StepResult.fail(409, "No target instance", "APPLICATION state transfer needs an instance of "
                        + "AppD " + inst.appDId() + " on " + target.name() + "; none is instantiated there");
            }
            ctx.targetAppInstanceId = peer.get().id();
            ctx.targetEndpoint = target.platformUrl() == null ? null
                    : platforms.endpoint(target.platformUrl(), peer.get().id()).orElse(null);
        }
        return StepResult.done(ctx.sourceHost + " -> " + ctx.targetHost + " (" + ctx.placement + "), steering "
                + run.steering() + ", state transfer " + run.stateTransfer()
                + (ctx.sourceEndpoint == null ? "" : ", serving at " + ctx.sourceEndpoint.authority())
                + (ctx.associateId.isEmpty() ? "" : ", " + ctx.associateId.size() + " device(s)"));
    }

    private Host target(RelocationRequest request, Host source, List<Host> hosts, List<Instance> all) {
        RelocationRequest.Placement p = request.placement();
        List<Host> others = hosts.stream().filter(h -> !h.name().equals(source.name())).toList();
        return switch (p.policy()) {
            case NAMED -> others.stream().filter(h -> h.name().equals(request.targetHost())).findFirst()
                    .orElseThrow(() -> new IllegalStateException(request.targetHost().equals(source.name())
                            ? "the instance already runs on " + source.name()
                            : "MEC host " + request.targetHost() + " does not exist"));
            case NEAREST -> {
                String zone = p.zone() != null ? p.zone() : nearestZone(p.position(), hosts);
                if (zone.equals(source.zone())) {
                    throw new IllegalStateException("the instance already runs in zone " + zone + " (on "
                            + source.name() + ")");
                }
                yield leastLoaded(others.stream().filter(h -> zone.equals(h.zone())).toList(), all)
                        .orElseThrow(() -> new IllegalStateException("no MEC host in zone " + zone));
            }
            case LEAST_LOADED -> leastLoaded(others, all)
                    .orElseThrow(() -> new IllegalStateException("no other MEC host than " + source.name()));
        };
    }

    /** The zone (with a host) nearest to the position, by great-circle distance from edgemec.relocation.zones. */
    private String nearestZone(RelocationRequest.Position position, List<Host> hosts) {
        return config.zones().entrySet().stream()
                .filter(z -> hosts.stream().anyMatch(h -> z.getKey().equals(h.zone())))
                .min(Comparator.comparingDouble(z -> distanceKm(position, z.getValue())))
                .map(Map.Entry::getKey)
                .orElseThrow(() -> new IllegalStateException("no zone with a known position has a MEC host "
                        + "(edgemec.relocation.zones.<zone>.latitude/longitude)"));
    }

    /** Fewest instantiated app instances per declared vCPU (hosts without a declared capacity count as 1). */
    private static Optional<Host> leastLoaded(List<Host> candidates, List<Instance> all) {
        return candidates.stream().min(Comparator.comparingDouble((Host h) -> all.stream()
                .filter(i -> i.instantiated() && h.name().equals(i.host())).count()
                / (double) Math.max(1, h.capacityCpu() == null ? 1 : h.capacityCpu())).thenComparing(Host::name));
    }

    static double distanceKm(RelocationRequest.Position p, RelocationConfig.ZonePosition z) {
        double lat1 = Math.toRadians(p.latitude());
        double lat2 = Math.toRadians(z.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(z.longitude() - p.longitude());
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
