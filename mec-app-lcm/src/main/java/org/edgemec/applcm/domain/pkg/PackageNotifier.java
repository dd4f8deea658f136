package org.edgemec.applcm.domain.pkg;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.edgemec.applcm.config.LcmConfig;
import org.edgemec.applcm.persistence.AppPackageEntity;
import org.edgemec.applcm.persistence.PkgSubscriptionEntity;
import org.edgemec.applcm.persistence.PkgSubscriptionRepository;
import org.edgemec.common.outbox.NotificationOutbox;
import org.edgemec.mp1api.common.LinkType;
import org.edgemec.mp1api.common.SubscriptionLinks;
import org.edgemec.mp1api.common.TimeStamp;
import org.edgemec.mp1api.mec0102.pkgm.AppPkgFilter;
import org.edgemec.mp1api.mec0102.pkgm.AppPkgNotification;
import org.edgemec.mp1api.mec0102.pkgm.AppPkgSubscriptionType;
import org.edgemec.mp1api.mec0102.pkgm.OperationalState;

/** Queues an AppPkgNotification for every subscription whose type and filters match a package change. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PackageNotifier {

    private final PkgSubscriptionRepository subscriptions;
    private final NotificationOutbox outbox;
    private final ObjectMapper json;
    private final String base;

    public PackageNotifier(PkgSubscriptionRepository subscriptions, NotificationOutbox outbox, ObjectMapper json,
            LcmConfig config) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.json = json;
        this.base = config.baseUrl();
    }

    /** notificationType: AppPackageOnBoarded, AppPackageEnabled, AppPackageDisabled or AppPackageDeleted. */
    public void notify(AppPackageEntity pkg, String notificationType, String usageState) {
        AppPkgSubscriptionType type = switch (notificationType) {
            case "AppPackageOnBoarded" -> AppPkgSubscriptionType.AppPackageOnBoardingSubscription;
            case "AppPackageDeleted" -> AppPkgSubscriptionType.AppPackageDeletionSubscription;
            default -> AppPkgSubscriptionType.AppPackageChangeSubscription;
        };
        String notificationId = UUID.randomUUID().toString();
        for (PkgSubscriptionEntity s : subscriptions.list("subscriptionType", type.name())) {
            if (matches(s, pkg, usageState)) {
                SubscriptionLinks links = new SubscriptionLinks(
                        new LinkType(base + "/app_pkgm/v1/subscriptions/" + s.id));
                outbox.enqueue(s.id, s.callbackUri, new AppPkgNotification(notificationId, notificationType, s.id,
                        TimeStamp.now(), pkg.id, pkg.appDId, OperationalState.valueOf(pkg.operationalState), links));
            }
        }
    }

    private boolean matches(PkgSubscriptionEntity s, AppPackageEntity p, String usageState) {
        if (s.filterJson == null) {
            return true;
        }
        try {
            List<AppPkgFilter> filters = List.of(json.readValue(s.filterJson, AppPkgFilter[].class));
            return filters.isEmpty() || filters.stream().anyMatch(f -> matches(f, p, usageState));
        } catch (java.io.IOException e) {
            return true;
        }
    }

    /** All attributes present in one filter must match (AND); several filters are alternatives (OR). */
    private static boolean matches(AppPkgFilter f, AppPackageEntity p, String usageState) {
        return eq(f.appPkgInfoId(), p.id) && eq(f.appDId(), p.appDId) && eq(f.appProvider(), p.appProvider)
                && eq(f.appName(), p.appName) && eq(f.appSoftwareVersion(), p.appSoftVersion)
                && eq(f.appDVersion(), p.appDVersion)
                && eq(f.operationalState() == null ? null : f.operationalState().name(), p.operationalState)
                && eq(f.usageState() == null ? null : f.usageState().name(), usageState);
    }

    private static boolean eq(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }
}
