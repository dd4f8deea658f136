package org.edgemec.applcm.domain.pkg;

/**
 * How the container image travels in the package, from swImageDescriptor.containerFormat: DOCKER = an image
 * archive ({@code podman save} / {@code docker save}), BARE = a root file system tar imported as the image.
 */
public enum ImageKind { DOCKER, BARE }
