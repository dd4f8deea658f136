package org.edgemec.applcm.domain.pkg;

import java.io.InputStream;
import java.nio.file.Path;

/** Where package zips live (a directory per package); metadata stays in PostgreSQL. */
public interface PackageStore {

    /** Stores the content, refusing more than {@code maxBytes}; returns size and SHA-256/512 digests. */
    Stored write(String packageId, InputStream content, long maxBytes);

    /** The stored zip, or throws when there is none. */
    Path zip(String packageId);

    boolean exists(String packageId);

    void delete(String packageId);

    /** Opens one entry of the stored zip as a stream the caller closes. */
    InputStream openEntry(String packageId, String entry);

    record Stored(long size, String sha256, String sha512) {
    }
}
