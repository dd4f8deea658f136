package org.edgemec.applcm.domain.grant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.edgemec.applcm.domain.pkg.PackageService;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.mp1api.common.LcmOperationType;
import org.edgemec.mp1api.mec0102.appd.AppD;
import org.edgemec.mp1api.mec0102.grant.Grant;
import org.edgemec.mp1api.mec0102.grant.GrantRequest;
import org.edgemec.mp1api.mec0102.grant.ResourceDefinition;

/**
 * POST /grants: resolves what a GrantRequest asks for. Each COMPUTE or OSCONTAINER addResource names the AppD's
 * virtualComputeDescId in resourceTemplateId; an INSTANTIATE without addResources asks for that descriptor once.
 * {@code additionalParams.mecHostName} picks the host (extension), otherwise the LCM chooses.
 */
@ApplicationScoped
@Transactional
public class Granting {

    private final GrantService grants;
    private final PackageService packages;

    public Granting(GrantService grants, PackageService packages) {
        this.grants = grants;
        this.packages = packages;
    }

    public Grant grant(GrantRequest request) {
        AppD appD = packages.usable(request.appDId(), "appDId").appD();
        ResourceNeed need = request.operation() == LcmOperationType.INSTANTIATE ? need(appD, request.addResources())
                : ResourceNeed.NONE;
        return grants.grant(request, need, preferredHost(request));
    }

    private static ResourceNeed need(AppD appD, List<ResourceDefinition> resources) {
        ResourceNeed one = ResourceNeed.of(appD.virtualComputeDescriptor());
        if (resources == null || resources.isEmpty()) {
            return one;
        }
        String vcdId = appD.virtualComputeDescriptor() == null ? null
                : appD.virtualComputeDescriptor().virtualComputeDescId();
        ResourceNeed total = ResourceNeed.NONE;
        for (int i = 0; i < resources.size(); i++) {
            ResourceDefinition r = resources.get(i);
            if (r.type() != ResourceDefinition.Type.COMPUTE && r.type() != ResourceDefinition.Type.OSCONTAINER) {
                continue;
            }
            if (vcdId == null || !r.resourceTemplateId().contains(vcdId)) {
                throw new InvalidFieldException("addResources[" + i + "].resourceTemplateId",
                        "must name the AppD's virtualComputeDescId " + vcdId);
            }
            total = total.plus(one);
        }
        return total;
    }

    private static String preferredHost(GrantRequest request) {
        Object host = request.additionalParams() == null ? null : request.additionalParams().get("mecHostName");
        if (host != null && !(host instanceof String)) {
            throw new InvalidFieldException("additionalParams.mecHostName", "must be a string");
        }
        return (String) host;
    }
}
