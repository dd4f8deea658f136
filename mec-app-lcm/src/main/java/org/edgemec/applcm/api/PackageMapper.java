package org.edgemec.applcm.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.edgemec.applcm.config.LcmConfig;
import org.edgemec.applcm.domain.pkg.AppPackage;
import org.edgemec.mp1api.common.Checksum;
import org.edgemec.mp1api.common.LinkType;
import org.edgemec.mp1api.common.ProblemDetails;
import org.edgemec.mp1api.mec0102.appd.SwImageDescriptor;
import org.edgemec.mp1api.mec0102.pkgm.AppPkgInfo;

/** Domain package -> AppPkgInfo. Links follow the path family the client used (V2 app_packages or V3 onboarded). */
@ApplicationScoped
public class PackageMapper {

    static final String BASE = "/app_pkgm/v1";

    private final String base;

    public PackageMapper(LcmConfig config) {
        this.base = config.baseUrl() + BASE;
    }

    public AppPkgInfo v3(AppPackage p) {
        return info(p, base + "/onboarded_app_packages/" + p.appDId());
    }

    public AppPkgInfo v2(AppPackage p) {
        return info(p, base + "/app_packages/" + p.id());
    }

    private AppPkgInfo info(AppPackage p, String self) {
        boolean onboarded = p.appD() != null;
        ProblemDetails failure = p.failure() == null ? null : new ProblemDetails(null,
                "Application package onboarding failed", 422L, p.failure(), self);
        return new AppPkgInfo(p.id(), p.appDId(), p.appProvider(), onboarded ? p.appName() : p.appPkgName(),
                onboarded ? p.appSoftVersion() : p.appPkgVersion(), onboarded ? p.appDVersion() : p.appPkgVersion(),
                new Checksum(p.checksumAlgorithm(), p.checksumHash()), null, softwareImages(p), null,
                p.onboardingState(), p.operationalState(), p.usageState(),
                onboarded ? List.of(p.appD().mecVersion()) : List.of(), p.userDefinedData(), failure,
                new AppPkgInfo.Links(new LinkType(self), new LinkType(self + "/appd"),
                        new LinkType(self + "/package_content"), null));
    }

    /** softwareImages has no structure in MEC 010-2; we show the swImageDescriptor basics. */
    private static List<JsonNode> softwareImages(AppPackage p) {
        if (p.appD() == null) {
            return List.of();
        }
        SwImageDescriptor sw = p.appD().swImageDescriptor().get(0);
        ObjectNode image = JsonNodeFactory.instance.objectNode();
        image.put("id", sw.id()).put("name", sw.name()).put("version", sw.version())
                .put("containerFormat", sw.containerFormat()).put("imagePath", p.imageEntry());
        return List.of(image);
    }
}
