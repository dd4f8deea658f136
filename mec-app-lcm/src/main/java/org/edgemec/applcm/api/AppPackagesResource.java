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

/** MEC 010-2 V2.1.1 package management paths, packages named by their id. */
@Path(PackageMapper.BASE + "/app_packages")
@Produces(MediaType.APPLICATION_JSON)
public class AppPackagesResource {

    private final PackageService packages;
    private final PackageEndpoints endpoints;
    private final PackageMapper mapper;

    public AppPackagesResource(PackageService packages, PackageEndpoints endpoints, PackageMapper mapper) {
        this.packages = packages;
        this.endpoints = endpoints;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull CreateAppPkg body) {
        return endpoints.created(packages.create(body), mapper::v2);
    }

    @GET
    public List<AppPkgInfo> list() {
        return packages.list().stream().map(mapper::v2).toList();
    }

    @GET
    @Path("/{appPkgId}")
    public AppPkgInfo get(@PathParam("appPkgId") String key) {
        return mapper.v2(find(key));
    }

    @PATCH
    @Path("/{appPkgId}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Response patch(@PathParam("appPkgId") String key, @Valid AppPkgInfoModifications body) {
        return endpoints.patch(find(key), body);
    }

    @DELETE
    @Path("/{appPkgId}")
    public Response delete(@PathParam("appPkgId") String key) {
        return endpoints.delete(find(key));
    }

    @GET
    @Path("/{appPkgId}/appd")
    @Produces({MediaType.APPLICATION_JSON, PackageEndpoints.YAML, "text/yaml"})
    public Response appD(@PathParam("appPkgId") String key, @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        return endpoints.appD(find(key), accept != null && accept.contains("yaml"));
    }

    @GET
    @Path("/{appPkgId}/package_content")
    @Produces(PackageEndpoints.ZIP)
    public Response content(@PathParam("appPkgId") String key) {
        return endpoints.content(find(key));
    }

    @PUT
    @Path("/{appPkgId}/package_content")
    @Consumes({PackageEndpoints.ZIP, MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(@PathParam("appPkgId") String key, InputStream body) {
        return endpoints.upload(find(key), body);
    }

    @POST
    @Path("/{appPkgId}/package_content/upload_from_uri")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response uploadFromUri(@PathParam("appPkgId") String key, @Valid UploadFromUriRequest body) {
        return endpoints.uploadFromUri(find(key), body);
    }

    private AppPackage find(String key) {
        return packages.get(key);
    }
}
