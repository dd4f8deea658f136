package org.edgemec.applcm.domain.engine;

import java.io.InputStream;

/** Moving images without a registry: load an image archive, import a root file system, export for another host. */
public interface ImageStore {

    /** Loads a {@code podman save}/{@code docker save} archive (POST /images/load). */
    void loadImage(InputStream archive);

    /** Imports a root file system tar as image {@code reference} (POST /images/create?fromSrc=-). */
    void importRootfs(InputStream tar, String reference);

    /** Exports an image as a docker-archive tar stream the caller closes (GET /images/{name}/get). */
    InputStream exportImage(String image);
}
