package org.edgemec.applcm.domain.pkg;

import java.util.Map;
import org.edgemec.mp1api.mec0102.appd.AppD;
import org.edgemec.mp1api.mec0102.pkgm.OnboardingState;
import org.edgemec.mp1api.mec0102.pkgm.OperationalState;
import org.edgemec.mp1api.mec0102.pkgm.UsageState;

/** A package as the domain hands it out. {@code appD} is null until onboarded; {@code failure} after a failed try. */
public record AppPackage(String id, String appDId, String appPkgName, String appPkgVersion, String appProvider,
        String appName, String appSoftVersion, String appDVersion, String checksumAlgorithm, String checksumHash,
        Map<String, Object> userDefinedData, OnboardingState onboardingState, OperationalState operationalState,
        UsageState usageState, String failure, AppD appD, String imageName, String imageEntry, ImageKind imageKind) {
}
