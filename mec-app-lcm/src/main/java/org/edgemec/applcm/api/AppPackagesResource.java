package org.edgemec.applcm.api;

import jakarta.ws.rs.Path;
import org.edgemec.applcm.domain.pkg.AppPackage;
import org.edgemec.applcm.domain.pkg.PackageService;
import org.edgemec.mp1api.mec0102.pkgm.AppPkgInfo;

/** MEC 010-2 V2.1.1 package management paths, packages named by their id. */
@Path(PackageMapper.BASE + "/app_packages")
public class AppPackagesResource extends PackageResourceBase {

    public AppPackagesResource(PackageService packages, PackageEndpoints endpoints, PackageMapper mapper) {
        super(packages, endpoints, mapper);
    }

    @Override
    protected AppPackage find(String appPkgId) {
        return packages.get(appPkgId);
    }

    @Override
    protected AppPkgInfo toApi(AppPackage pkg) {
        return mapper.v2(pkg);
    }
}
