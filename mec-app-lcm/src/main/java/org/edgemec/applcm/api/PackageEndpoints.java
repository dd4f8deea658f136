package org.edgemec.applcm.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;
import org.edgemec.mp1api.mec0102.pkgm.CreateAppPkg;
import org.edgemec.applcm.domain.pkg.AppPackage;
import org.edgemec.applcm.domain.pkg.PackageOnboarding;
import org.edgemec.applcm.domain.pkg.PackageService;
import org.edgemec.applcm.domain.pkg.PackageStore;
import org.edgemec.common.error.ConflictException;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.mp1api.Json;
import org.edgemec.mp1api.mec0102.pkgm.AppPkgInfo;
import org.edgemec.mp1api.mec0102.pkgm.AppPkgInfoModifications;
import org.edgemec.mp1api.mec0102.pkgm.OnboardingState;

/** What the V2 (by package id) and V3 (by appDId) package resources share once they know the package. */
@ApplicationScoped
public class PackageEndpoints {

    static final String YAML = "application/yaml";
    static final String ZIP = "application/zip";

    private final PackageService packages;
    private final PackageOnboarding onboarding;
    private final PackageStore store;
    private final ObjectMapper yaml = Json.configure(new ObjectMapper(new YAMLFactory()));

    private final ObjectMapper json;

    public PackageEndpoints(PackageService packages, PackageOnboarding onboarding, PackageStore store,
                            ObjectMapper json) {
        this.json = json;
        this.packages = packages;
        this.onboarding = onboarding;
        this.store = store;
    }

    /** The ETSI attribute-based {@code filter} over the package representations. */
    List<AppPkgInfo> filter(List<AppPkgInfo> all, String filter) {
        return AttributeFilter.apply(all, filter, json);
    }

    Response patch(AppPackage p, AppPkgInfoModifications body) {
        if (body == null) {
            throw new InvalidFieldException("operationalState", "is required");
        }
        packages.changeOperationalState(p.id(), body.operationalState());
        return Response.ok(body).build();
    }

    Response appD(AppPackage p, boolean asYaml) {
        onboardedOnly(p);
        if (!asYaml) {
            return Response.ok(p.appD()).build();
        }
        try {
            return Response.ok(yaml.writeValueAsString(p.appD()), YAML).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("AppD of " + p.id() + " cannot be written as YAML", e);
        }
    }

    Response content(AppPackage p) {
        onboardedOnly(p);
        return Response.ok(store.zip(p.id()).toFile(), ZIP)
                .header("Content-Disposition", "attachment; filename=\"" + p.id() + ".zip\"").build();
    }

    Response upload(AppPackage p, InputStream body) {
        onboarding.upload(p.id(), body);
        return Response.accepted().build();
    }

    Response uploadFromUri(AppPackage p, UploadFromUriRequest body) {
        if (body == null) {
            throw new InvalidFieldException("addressInformation", "is required");
        }
        onboarding.uploadFromUri(p.id(), body.addressInformation(), body.userName(), body.password());
        return Response.accepted().build();
    }

    /** POST: the package is created; with an http(s) {@code appPkgPath} it is fetched from there and onboarded. */
    Response create(CreateAppPkg body, Function<AppPackage, AppPkgInfo> mapper) {
        java.util.Optional<java.net.URI> source = onboarding.creationSource(body.appPkgPath());
        AppPackage p = packages.create(body);
        source.ifPresent(uri -> onboarding.fetch(p.id(), uri, null, null));
        return created(p, mapper);
    }

    Response delete(AppPackage p) {
        onboarding.delete(p.id());
        return Response.noContent().build();
    }

    Response created(AppPackage p, Function<AppPackage, AppPkgInfo> mapper) {
        AppPkgInfo info = mapper.apply(p);
        return Response.created(java.net.URI.create(info.links().self().href())).entity(info).build();
    }

    private static void onboardedOnly(AppPackage p) {
        if (p.onboardingState() != OnboardingState.ONBOARDED) {
            throw new ConflictException("package " + p.id() + " is " + p.onboardingState() + ", not ONBOARDED");
        }
    }
}
