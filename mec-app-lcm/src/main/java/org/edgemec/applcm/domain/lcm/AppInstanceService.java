package org.edgemec.applcm.domain.lcm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.edgemec.applcm.domain.FieldLimits;
import org.edgemec.applcm.domain.pkg.AppPackage;
import org.edgemec.applcm.domain.pkg.PackageService;
import org.edgemec.applcm.persistence.AppInstanceEntity;
import org.edgemec.applcm.persistence.AppInstanceRepository;
import org.edgemec.applcm.persistence.LcmOpOccRepository;
import org.edgemec.common.error.ConflictException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.mp1api.mec0102.lcm.CreateAppInstanceRequest;
import org.edgemec.mp1api.mec0102.lcm.InstantiationState;
import org.edgemec.mp1api.mec0102.lcm.OperationalState;
import org.jboss.logging.Logger;

/** Application instance identifiers: created NOT_INSTANTIATED from an onboarded, enabled package. */
@ApplicationScoped
@Transactional
public class AppInstanceService {

    private static final Logger LOG = Logger.getLogger(AppInstanceService.class);

    private final AppInstanceRepository instances;
    private final LcmOpOccRepository ops;
    private final PackageService packages;
    private final LcmNotifier notifier;

    public AppInstanceService(AppInstanceRepository instances, LcmOpOccRepository ops, PackageService packages,
            LcmNotifier notifier) {
        this.instances = instances;
        this.ops = ops;
        this.packages = packages;
        this.notifier = notifier;
    }

    public AppInstance create(CreateAppInstanceRequest request) {
        FieldLimits.max("appDId", request.appDId(), 255);
        FieldLimits.max("appInstanceName", request.appInstanceName(), 255);
        FieldLimits.max("appPlacementInfo.mepId", request.appPlacementInfo() == null ? null
                : request.appPlacementInfo().mepId(), 255);
        AppPackage pkg = packages.usable(request.appDId(), "appDId");
        AppInstanceEntity e = new AppInstanceEntity();
        e.id = UUID.randomUUID().toString();
        e.appDId = pkg.appDId();
        e.appPkgId = pkg.id();
        e.name = request.appInstanceName();
        e.description = request.appInstanceDescription();
        e.appProvider = pkg.appProvider();
        e.appName = pkg.appName();
        e.appSoftVersion = pkg.appSoftVersion();
        e.appDVersion = pkg.appDVersion();
        e.placementMepId = request.appPlacementInfo() == null ? null : request.appPlacementInfo().mepId();
        e.instantiationState = InstantiationState.NOT_INSTANTIATED.name();
        e.createdAt = OffsetDateTime.now();
        e.updatedAt = e.createdAt;
        instances.persist(e);
        notifier.identifier(e, true);
        LOG.infof("app instance %s created from package %s", e.id, e.appPkgId);
        return view(e);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AppInstance> list() {
        return instances.list("order by createdAt").stream().map(AppInstanceService::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AppInstance get(String id) {
        return view(entity(id));
    }

    public void delete(String id) {
        AppInstanceEntity e = entity(id);
        if (InstantiationState.INSTANTIATED.name().equals(e.instantiationState)) {
            throw new ConflictException("app instance " + id + " is INSTANTIATED; terminate it first");
        }
        if (ops.hasOpenOperation(id)) {
            throw new ConflictException("app instance " + id + " has an LCM operation in progress or FAILED_TEMP");
        }
        notifier.identifier(e, false);
        instances.delete(e);
        LOG.infof("app instance %s deleted", id);
    }

    /** The instance now runs as {@code containerId} on {@code hostName} (after a checkpoint/restore move). */
    public AppInstance moved(String id, String hostName, String containerId, String containerName) {
        AppInstanceEntity e = entity(id);
        e.hostName = hostName;
        e.containerId = containerId;
        e.containerName = containerName;
        e.operationalState = OperationalState.STARTED.name();
        e.updatedAt = OffsetDateTime.now();
        notifier.instanceStateChanged(e, org.edgemec.mp1api.mec0102.lcm.AppInstanceState.STARTED);
        LOG.infof("app instance %s moved to %s as %s", id, hostName, containerName);
        return view(e);
    }

    /** Throws 409 unless the instance runs and no LCM operation is open. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AppInstance running(String id) {
        AppInstanceEntity e = entity(id);
        if (!OperationalState.STARTED.name().equals(e.operationalState)) {
            throw new ConflictException("app instance " + id + " is not INSTANTIATED and STARTED");
        }
        if (ops.hasOpenOperation(id)) {
            throw new ConflictException("app instance " + id + " has an LCM operation in progress or FAILED_TEMP");
        }
        return view(e);
    }

    private AppInstanceEntity entity(String id) {
        AppInstanceEntity e = instances.findById(id);
        if (e == null) {
            throw new NotFoundException("app instance " + id + " does not exist");
        }
        return e;
    }

    static AppInstance view(AppInstanceEntity e) {
        return new AppInstance(e.id, e.name, e.description, e.appDId, e.appPkgId, e.appProvider, e.appName,
                e.appSoftVersion, e.appDVersion, e.placementMepId, InstantiationState.valueOf(e.instantiationState),
                e.operationalState == null ? null : OperationalState.valueOf(e.operationalState), e.hostName,
                e.containerId, e.containerName);
    }
}
