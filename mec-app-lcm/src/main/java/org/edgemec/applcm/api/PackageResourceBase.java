package org.edgemec.applcm.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.edgemec.applcm.domain.pkg.AppPackage;
import org.edgemec.applcm.domain.pkg.PackageService;
import org.edgemec.mp1api.mec0102.pkgm.AppPkgInfo;
import org.edgemec.mp1api.mec0102.pkgm.AppPkgInfoModifications;
import org.edgemec.mp1api.mec0102.pkgm.CreateAppPkg;

/**
 * The package management operations, written once for both ETSI path families: V3.1.1 names a package by its appDId
 * ({@code onboarded_app_packages}), V2.1.1 by its package id ({@code app_packages}). A subclass chooses the family.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class PackageResourceBase {

    protected final PackageService packages;
    private final PackageEndpoints endpoints;
    protected final PackageMapper mapper;

    protected PackageResourceBase(PackageService packages, PackageEndpoints endpoints, PackageMapper mapper) {
        this.packages = packages;
        this.endpoints = endpoints;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull CreateAppPkg body) {
        return endpoints.create(body, this::toApi);
    }

    @GET
    public List<AppPkgInfo> list(@QueryParam("filter") String filter) {
        return endpoints.filter(packages.list().stream().map(this::toApi).toList(), filter);
    }

    @GET
    @Path("/{pkgKey}")
    public AppPkgInfo get(@PathParam("pkgKey") String key) {
        return toApi(find(key));
    }

    @PATCH
    @Path("/{pkgKey}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Response patch(@PathParam("pkgKey") String key, @Valid AppPkgInfoModifications body) {
        return endpoints.patch(find(key), body);
    }

    @DELETE
    @Path("/{pkgKey}")
    public Response delete(@PathParam("pkgKey") String key) {
        return endpoints.delete(find(key));
    }

    @GET
    @Path("/{pkgKey}/appd")
    @Produces({MediaType.APPLICATION_JSON, PackageEndpoints.YAML, "text/yaml"})
    public Response appD(@PathParam("pkgKey") String key, @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        return endpoints.appD(find(key), accept != null && accept.contains("yaml"));
    }

    @GET
    @Path("/{pkgKey}/package_content")
    @Produces(PackageEndpoints.ZIP)
    public Response content(@PathParam("pkgKey") String key) {
        return endpoints.content(find(key));
    }

    @PUT
    @Path("/{pkgKey}/package_content")
    @Consumes({PackageEndpoints.ZIP, MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(@PathParam("pkgKey") String key, InputStream body) {
        return endpoints.upload(find(key), body);
    }

    @POST
    @Path("/{pkgKey}/package_content/upload_from_uri")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response uploadFromUri(@PathParam("pkgKey") String key, @Valid UploadFromUriRequest body) {
        return endpoints.uploadFromUri(find(key), body);
    }

    /** The package a path key names: by appDId (V3.1.1) or by package id (V2.1.1). */
    protected abstract AppPackage find(String key);

    /** The AppPkgInfo of the path family (its links use the same family). */
    protected abstract AppPkgInfo toApi(AppPackage pkg);
}
