package org.edgemec.applcm.domain.pkg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.edgemec.applcm.persistence.AppInstanceRepository;
import org.edgemec.applcm.domain.FieldLimits;
import org.edgemec.applcm.persistence.AppPackageEntity;
import org.edgemec.applcm.persistence.AppPackageRepository;
import org.edgemec.common.error.ConflictException;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.mp1api.mec0102.appd.AppD;
import org.edgemec.mp1api.mec0102.pkgm.CreateAppPkg;
import org.edgemec.mp1api.mec0102.pkgm.OnboardingState;
import org.edgemec.mp1api.mec0102.pkgm.OperationalState;
import org.edgemec.mp1api.mec0102.pkgm.UsageState;
import org.jboss.logging.Logger;

/**
 * Package records and their state machine: CREATED -> UPLOADING -> PROCESSING -> ONBOARDED. A failed upload or
 * processing returns to CREATED with onboardingFailureDetails (MEC 010-2 has no ERROR state), so it can be retried.
 */
@ApplicationScoped
@Transactional
public class PackageService {

    private static final Logger LOG = Logger.getLogger(PackageService.class);

    private final AppPackageRepository packages;
    private final AppInstanceRepository instances;
    private final PackageNotifier notifier;
    private final ObjectMapper json;

    public PackageService(AppPackageRepository packages, AppInstanceRepository instances, PackageNotifier notifier,
            ObjectMapper json) {
        this.packages = packages;
        this.instances = instances;
        this.notifier = notifier;
        this.json = json;
    }

    public AppPackage create(CreateAppPkg request) {
        FieldLimits.max("appPkgName", request.appPkgName(), 255);
        FieldLimits.max("appPkgVersion", request.appPkgVersion(), 255);
        FieldLimits.max("appPkgPath", request.appPkgPath(), 2048);
        FieldLimits.max("appProvider", request.appProvider(), 255);
        FieldLimits.max("checksum.hash", request.checksum().hash(), 256);
        AppPackageEntity e = new AppPackageEntity();
        e.id = UUID.randomUUID().toString();
        e.appDId = e.id;
        e.appPkgName = request.appPkgName();
        e.appPkgVersion = request.appPkgVersion();
        e.appPkgPath = request.appPkgPath();
        e.appProvider = request.appProvider();
        e.checksumAlgorithm = algorithm(request.checksum().algorithm());
        e.checksumHash = request.checksum().hash().toLowerCase(Locale.ROOT);
        e.userDefinedData = write(request.userDefinedData());
        e.onboardingState = OnboardingState.CREATED.name();
        e.operationalState = OperationalState.DISABLED.name();
        e.usageState = UsageState.NOT_IN_USE.name();
        e.createdAt = OffsetDateTime.now();
        e.updatedAt = e.createdAt;
        packages.persist(e);
        LOG.infof("package %s created (%s %s)", e.id, e.appPkgName, e.appPkgVersion);
        return view(e);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AppPackage> list() {
        return packages.list("order by createdAt").stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AppPackage get(String id) {
        return view(entity(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AppPackage getByAppDId(String appDId) {
        return view(packages.findByAppDId(appDId)
                .orElseThrow(() -> new NotFoundException("no application package with appDId " + appDId)));
    }

    /** The onboarded, enabled package of an AppD, for instantiation and granting. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AppPackage usable(String appDId, String field) {
        AppPackageEntity e = packages.findOnboarded(appDId)
                .orElseThrow(() -> new InvalidFieldException(field, "no onboarded package has appDId " + appDId));
        if (!OperationalState.ENABLED.name().equals(e.operationalState)) {
            throw new ConflictException("application package " + e.id + " of appDId " + appDId + " is DISABLED");
        }
        return view(e);
    }

    public void beginUpload(String id) {
        AppPackageEntity e = entity(id);
        if (!OnboardingState.CREATED.name().equals(e.onboardingState)) {
            throw new ConflictException("package " + id + " is " + e.onboardingState
                    + "; content can only be uploaded while CREATED");
        }
        state(e, OnboardingState.UPLOADING);
        e.failureDetail = null;
    }

    /** Upload done: PROCESSING when the checksum matches, else back to CREATED with the reason. */
    public boolean uploaded(String id, long size, String sha256, String sha512) {
        AppPackageEntity e = entity(id);
        e.contentSize = size;
        String actual = "SHA-512".equals(e.checksumAlgorithm) ? sha512 : sha256;
        if (!actual.equals(e.checksumHash)) {
            fail(e, "checksum mismatch: the content's " + e.checksumAlgorithm + " is " + actual
                    + ", the package was created with " + e.checksumHash);
            return false;
        }
        state(e, OnboardingState.PROCESSING);
        return true;
    }

    public void failed(String id, String reason) {
        AppPackageEntity e = packages.findById(id);
        if (e != null) {
            fail(e, reason);
        }
    }

    public void onboarded(String id, ParsedPackage parsed) {
        AppPackageEntity e = entity(id);
        AppD d = parsed.appD();
        // what the AppD brings must fit its columns (else the commit fails with a database error)
        fits("appDId", d.appDId(), 255);
        fits("appProvider", d.appProvider(), 255);
        fits("appName", d.appName(), 255);
        fits("appSoftVersion", d.appSoftVersion(), 255);
        fits("appDVersion", d.appDVersion(), 255);
        fits("swImageDescriptor[0].name", parsed.imageName(), 512);
        fits("swImageDescriptor[0].swImage.name", parsed.imageEntry(), 512);
        packages.findOnboarded(d.appDId()).filter(other -> !other.id.equals(id)).ifPresent(other -> {
            throw new InvalidPackageException("appDId " + d.appDId() + " is already onboarded as package " + other.id);
        });
        e.appDId = d.appDId();
        e.appProvider = d.appProvider();
        e.appName = d.appName();
        e.appSoftVersion = d.appSoftVersion();
        e.appDVersion = d.appDVersion();
        e.appdJson = parsed.appDJson();
        e.imageName = parsed.imageName();
        e.imageEntry = parsed.imageEntry();
        e.imageKind = parsed.imageKind().name();
        e.operationalState = OperationalState.ENABLED.name();
        state(e, OnboardingState.ONBOARDED);
        notifier.notify(e, "AppPackageOnBoarded", usage(e));
    }

    public AppPackage changeOperationalState(String id, OperationalState wanted) {
        AppPackageEntity e = entity(id);
        if (!OnboardingState.ONBOARDED.name().equals(e.onboardingState)) {
            throw new ConflictException("package " + id + " is " + e.onboardingState + ", not ONBOARDED");
        }
        if (wanted.name().equals(e.operationalState)) {
            throw new ConflictException("package " + id + " is already " + wanted);
        }
        e.operationalState = wanted.name();
        e.updatedAt = OffsetDateTime.now();
        LOG.infof("package %s %s", id, wanted);
        notifier.notify(e, wanted == OperationalState.ENABLED ? "AppPackageEnabled" : "AppPackageDisabled", usage(e));
        return view(e);
    }

    public void delete(String id) {
        AppPackageEntity e = entity(id);
        if (OperationalState.ENABLED.name().equals(e.operationalState)) {
            throw new ConflictException("package " + id + " is ENABLED; disable it first");
        }
        if (UsageState.IN_USE.name().equals(usage(e))) {
            throw new ConflictException("package " + id + " is IN_USE by application instances");
        }
        if (OnboardingState.UPLOADING.name().equals(e.onboardingState)
                || OnboardingState.PROCESSING.name().equals(e.onboardingState)) {
            throw new ConflictException("package " + id + " is " + e.onboardingState + "; wait for it to end");
        }
        if (OnboardingState.ONBOARDED.name().equals(e.onboardingState)) {
            notifier.notify(e, "AppPackageDeleted", usage(e));
        }
        packages.delete(e);
        LOG.infof("package %s deleted", id);
    }

    private void fail(AppPackageEntity e, String reason) {
        e.failureDetail = reason;
        state(e, OnboardingState.CREATED);
        LOG.warnf("package %s onboarding failed: %s", e.id, reason);
    }

    private void state(AppPackageEntity e, OnboardingState s) {
        e.onboardingState = s.name();
        e.updatedAt = OffsetDateTime.now();
        LOG.infof("package %s %s", e.id, s);
    }

    private AppPackageEntity entity(String id) {
        AppPackageEntity e = packages.findById(id);
        if (e == null) {
            throw new NotFoundException("application package " + id + " does not exist");
        }
        return e;
    }

    private String usage(AppPackageEntity e) {
        return instances.count("appPkgId", e.id) > 0 ? UsageState.IN_USE.name() : UsageState.NOT_IN_USE.name();
    }

    private static void fits(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidPackageException("AppD " + field + " has " + value.length() + " characters; at most "
                    + max + " are accepted");
        }
    }

    private static String algorithm(String value) {
        String a = value.trim().toUpperCase(Locale.ROOT).replace("_", "-");
        return switch (a) {
            case "SHA-256", "SHA256" -> "SHA-256";
            case "SHA-512", "SHA512" -> "SHA-512";
            default -> throw new InvalidFieldException("checksum.algorithm", "must be SHA-256 or SHA-512");
        };
    }

    private String write(Map<String, Object> data) {
        try {
            return data == null ? null : json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new InvalidFieldException("userDefinedData", "cannot be stored");
        }
    }

    private AppPackage view(AppPackageEntity e) {
        try {
            Map<String, Object> udd = e.userDefinedData == null ? null
                    : json.readValue(e.userDefinedData, new TypeReference<Map<String, Object>>() { });
            AppD appD = e.appdJson == null ? null : json.readValue(e.appdJson, AppD.class);
            return new AppPackage(e.id, e.appDId, e.appPkgName, e.appPkgVersion, e.appProvider, e.appName,
                    e.appSoftVersion, e.appDVersion, e.checksumAlgorithm, e.checksumHash, udd,
                    OnboardingState.valueOf(e.onboardingState), OperationalState.valueOf(e.operationalState),
                    UsageState.valueOf(usage(e)), e.failureDetail, appD, e.imageName, e.imageEntry,
                    e.imageKind == null ? null : ImageKind.valueOf(e.imageKind));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored package " + e.id + " is unreadable", ex);
        }
    }
}
