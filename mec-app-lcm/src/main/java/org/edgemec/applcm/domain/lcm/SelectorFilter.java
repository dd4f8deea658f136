package org.edgemec.applcm.domain.lcm;

import org.edgemec.applcm.persistence.AppInstanceEntity;
import org.edgemec.mp1api.mec0102.lcm.AppInstanceSubscriptionFilter;

/** AppInstanceSubscriptionFilter: which app instances a subscription is about (appInstSelectorType). */
final class SelectorFilter {

    private SelectorFilter() {
    }

    static boolean matches(AppInstanceSubscriptionFilter f, AppInstanceEntity inst) {
        if (f == null) {
            return true;
        }
        return switch (f.appInstSelectorType()) {
            case VOID -> true;
            case APP_IDENTITY -> f.appInstances() != null && f.appInstances().contains(inst.id);
            case APP_NAME -> f.appInstances() != null && f.appInstances().contains(inst.appName);
            case APP_D_ID -> f.appInstances() != null && f.appInstances().contains(inst.appDId);
            case APP_FROM_PROVIDER -> f.appsFromProviders() != null && f.appsFromProviders().stream()
                    .anyMatch(p -> p.appProvider().equals(inst.appProvider) && (p.appProducts() == null
                            || p.appProducts().isEmpty()
                            || p.appProducts().stream().anyMatch(a -> a.appName().equals(inst.appName))));
        };
    }
}
