package org.edgemec.applcm.api;

import jakarta.ws.rs.Path;
import org.edgemec.applcm.domain.pkg.AppPackage;
import org.edgemec.applcm.domain.pkg.PackageService;
import org.edgemec.mp1api.mec0102.pkgm.AppPkgInfo;

/** MEC 010-2 V3.1.1 package management, packages named by appDId (before onboarding the appDId is the package id). */
@Path(PackageMapper.BASE + "/onboarded_app_packages")
public class OnboardedAppPackagesResource extends PackageResourceBase {

    public OnboardedAppPackagesResource(PackageService packages, PackageEndpoints endpoints, PackageMapper mapper) {
        super(packages, endpoints, mapper);
    }

    @Override
    protected AppPackage find(String appDId) {
        return packages.getByAppDId(appDId);
    }

    @Override
    protected AppPkgInfo toApi(AppPackage pkg) {
        return mapper.v3(pkg);
    }
}
