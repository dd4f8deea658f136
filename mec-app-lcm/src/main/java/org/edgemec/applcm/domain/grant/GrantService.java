package org.edgemec.applcm.domain.grant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.edgemec.applcm.persistence.GrantEntity;
import org.edgemec.applcm.persistence.GrantRepository;
import org.edgemec.applcm.persistence.MecHostEntity;
import org.edgemec.applcm.persistence.MecHostRepository;
import org.edgemec.common.error.ForbiddenException;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.mp1api.common.LcmOperationType;
import org.edgemec.mp1api.mec0102.grant.Grant;
import org.edgemec.mp1api.mec0102.grant.GrantInfo;
import org.edgemec.mp1api.mec0102.grant.GrantRequest;
import org.edgemec.mp1api.mec0102.grant.ZoneInfo;
import org.jboss.logging.Logger;

/**
 * Synchronous granting: INSTANTIATE reserves the AppD's CPU and memory on one host (the requested one or the one
 * with most free memory) when its capacity minus the active grants allows, else it is refused (403). TERMINATE
 * releases the instance's reservations. The host row is locked while checking so concurrent grants never overbook.
 */
@ApplicationScoped
@Transactional
public class GrantService {

    private static final Logger LOG = Logger.getLogger(GrantService.class);

    private final GrantRepository grants;
    private final MecHostRepository hosts;
    private final ObjectMapper json;

    public GrantService(GrantRepository grants, MecHostRepository hosts, ObjectMapper json) {
        this.grants = grants;
        this.hosts = hosts;
        this.json = json;
    }

    /** Grants a request; {@code need} is what the AppD asks for the request's compute resources. */
    public Grant grant(GrantRequest request, ResourceNeed need, String preferredHost) {
        GrantDecision d = decide(request.appInstanceId(), request.appLcmOpOccId(), request.appDId(),
                request.operation(), need, preferredHost);
        List<GrantInfo> added = request.addResources() == null ? null : request.addResources().stream()
                .map(r -> new GrantInfo(r.id(), d.hostName(), "zone-" + d.hostName(), null, null, null)).toList();
        List<GrantInfo> removed = request.removeResources() == null ? null : request.removeResources().stream()
                .map(r -> new GrantInfo(r.id(), null, null, null, null, null)).toList();
        Grant grant = new Grant(d.grantId(), request.appInstanceId(), request.appLcmOpOccId(), null, zones(d), null,
                added, null, removed, null, null, null,
                d.hostName() == null ? null : Map.of("mecHostName", d.hostName()), request.links());
        GrantEntity e = grants.findById(d.grantId());
        e.bodyJson = write(grant);
        return grant;
    }

    /** The decision alone, for the LCM's own operations. */
    public GrantDecision decide(String appInstanceId, String opOccId, String appDId, LcmOperationType operation,
            ResourceNeed need, String preferredHost) {
        String host = null;
        if (operation == LcmOperationType.INSTANTIATE) {
            host = preferredHost == null ? bestHost(need) : checkedHost(preferredHost, need);
        } else if (operation == LcmOperationType.TERMINATE) {
            release(appInstanceId);
        }
        GrantEntity e = new GrantEntity();
        e.id = UUID.randomUUID().toString();
        e.appInstanceId = appInstanceId;
        e.appLcmOpOccId = opOccId;
        e.appDId = appDId;
        e.operation = operation.name();
        e.hostName = host;
        e.cpu = host == null ? 0 : need.cpu();
        e.memoryMb = host == null ? 0 : need.memoryMb();
        e.active = host != null;
        e.bodyJson = "{}";
        e.createdAt = OffsetDateTime.now();
        grants.persist(e);
        LOG.infof("grant %s: %s of %s on %s (%d cpu, %d MB)", e.id, operation, appInstanceId, host, e.cpu, e.memoryMb);
        return new GrantDecision(e.id, host, need);
    }

    public void release(String appInstanceId) {
        for (GrantEntity g : grants.activeFor(appInstanceId)) {
            g.active = false;
        }
    }

    /** Releases one grant (a reservation that was not used). */
    public void releaseGrant(String grantId) {
        GrantEntity g = grants.findById(grantId);
        if (g != null) {
            g.active = false;
        }
    }

    /** After a move: the instance keeps only the reservation on its new host. */
    public void releaseOthers(String appInstanceId, String keepGrantId) {
        grants.activeFor(appInstanceId).stream().filter(g -> !g.id.equals(keepGrantId)).forEach(g -> g.active = false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Grant get(String grantId) {
        GrantEntity e = grants.findById(grantId);
        if (e == null || "{}".equals(e.bodyJson)) {
            throw new NotFoundException("grant " + grantId + " does not exist");
        }
        try {
            return json.readValue(e.bodyJson, Grant.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored grant " + grantId + " is unreadable", ex);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ResourceNeed allocated(String hostName) {
        return grants.activeOn(hostName).stream().map(g -> new ResourceNeed(g.cpu, g.memoryMb))
                .reduce(ResourceNeed.NONE, ResourceNeed::plus);
    }

    private String checkedHost(String name, ResourceNeed need) {
        MecHostEntity host = hosts.findById(name, LockModeType.PESSIMISTIC_WRITE);
        if (host == null) {
            throw new InvalidFieldException("mecHostName", "MEC host " + name + " does not exist");
        }
        ResourceNeed free = free(host);
        if (free.cpu() < need.cpu() || free.memoryMb() < need.memoryMb()) {
            throw new ForbiddenException("insufficient resources on MEC host " + name + ": needs " + need.cpu()
                    + " vCPU and " + need.memoryMb() + " MB, free " + free.cpu() + " vCPU and " + free.memoryMb() + " MB");
        }
        return name;
    }

    private String bestHost(ResourceNeed need) {
        return hosts.listAll().stream().map(h -> Map.entry(h.name, free(h)))
                .filter(f -> f.getValue().cpu() >= need.cpu() && f.getValue().memoryMb() >= need.memoryMb())
                .max(Comparator.comparingInt((Map.Entry<String, ResourceNeed> f) -> f.getValue().memoryMb())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(f -> checkedHost(f.getKey(), need))
                .orElseThrow(() -> new ForbiddenException("no MEC host has " + need.cpu() + " vCPU and "
                        + need.memoryMb() + " MB free"));
    }

    private ResourceNeed free(MecHostEntity host) {
        ResourceNeed used = allocated(host.name);
        return new ResourceNeed(host.capacityCpu - used.cpu(), host.capacityMemoryMb - used.memoryMb());
    }

    private List<ZoneInfo> zones(GrantDecision d) {
        return d.hostName() == null ? null
                : List.of(new ZoneInfo("zone-" + d.hostName(), hosts.findById(d.hostName()).zone, d.hostName()));
    }

    private String write(Grant grant) {
        try {
            return json.writeValueAsString(grant);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("grant cannot be stored", e);
        }
    }
}
