package org.edgemec.applcm.domain.pkg;

import java.io.InputStream;
import java.net.URI;

/** Fetches package content from a URI (upload_from_uri); the caller closes the stream. */
public interface PackageFetcher {

    InputStream open(URI uri, String userName, String password);
}
