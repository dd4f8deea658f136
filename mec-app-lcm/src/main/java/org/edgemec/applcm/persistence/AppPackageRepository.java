package org.edgemec.applcm.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class AppPackageRepository implements PanacheRepositoryBase<AppPackageEntity, String> {

    /** An onboarded package by its AppD id (unique among onboarded packages). */
    public Optional<AppPackageEntity> findOnboarded(String appDId) {
        return find("appDId = ?1 and onboardingState = 'ONBOARDED'", appDId).firstResultOptional();
    }

    /** The V3 paths name packages by appDId; before onboarding the AppD id is the package id. */
    public Optional<AppPackageEntity> findByAppDId(String appDId) {
        Optional<AppPackageEntity> onboarded = findOnboarded(appDId);
        return onboarded.isPresent() ? onboarded : find("appDId", appDId).firstResultOptional();
    }
}
