package org.edgemec.applcm.domain.pkg;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.edgemec.applcm.config.LcmConfig;
import org.edgemec.common.error.InvalidFieldException;
import org.jboss.logging.Logger;

/**
 * Onboarding: content is stored (UPLOADING), checked against the checksum given at creation, then processed in the
 * background (PROCESSING -> ONBOARDED, or back to CREATED with the reason). Each state change is its own transaction.
 */
@ApplicationScoped
public class PackageOnboarding {

    private static final Logger LOG = Logger.getLogger(PackageOnboarding.class);

    private final PackageService packages;
    private final PackageStore store;
    private final PackageReader reader;
    private final PackageFetcher fetcher;
    private final ManagedExecutor executor;
    private final LcmConfig config;

    public PackageOnboarding(PackageService packages, PackageStore store, PackageReader reader,
            PackageFetcher fetcher, ManagedExecutor executor, LcmConfig config) {
        this.packages = packages;
        this.store = store;
        this.reader = reader;
        this.fetcher = fetcher;
        this.executor = executor;
        this.config = config;
    }

    /** PUT package_content: stores the body now, processes it in the background. */
    public void upload(String packageId, InputStream content) {
        packages.beginUpload(packageId);
        if (storeContent(packageId, () -> content)) {
            refuseBomb(packageId);
            executor.runAsync(() -> process(packageId));
        }
    }

    /**
     * An archive that would unpack to more than allowed (a zip bomb) is refused in the answer to the upload, from its
     * directory alone: 400 naming package_content, the package back to CREATED with the reason, the bytes removed.
     */
    private void refuseBomb(String packageId) {
        try {
            reader.checkLimits(store.zip(packageId));
        } catch (PackageReader.TooLarge e) {
            packages.failed(packageId, e.getMessage());
            store.delete(packageId);
            throw new InvalidFieldException("package_content", e.getMessage());
        } catch (InvalidPackageException e) {
            // not a zip, unreadable: processing reports it as before (202, then CREATED with the reason)
        }
    }

    /** upload_from_uri: validates the address now, fetches and processes in the background. */
    public void uploadFromUri(String packageId, String address, String userName, String password) {
        fetch(packageId, allowed(address, "addressInformation"), userName, password);
    }

    /**
     * Where a package created with {@code appPkgPath} is fetched from: an http(s) URI (host allowed like
     * upload_from_uri, else 400 naming {@code appPkgPath}); empty for any other value (a file name, as in the
     * package's own metadata), and the package then waits for its content to be uploaded.
     */
    public Optional<URI> creationSource(String appPkgPath) {
        if (appPkgPath == null) {
            return Optional.empty();
        }
        String trimmed = appPkgPath.trim();
        String lower = trimmed.toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return Optional.empty();
        }
        return Optional.of(allowed(trimmed, "appPkgPath"));
    }

    /** Fetches the package content from {@code uri} and processes it, in the background. */
    public void fetch(String packageId, URI uri, String userName, String password) {
        packages.beginUpload(packageId);
        executor.runAsync(() -> {
            if (storeContent(packageId, () -> fetcher.open(uri, userName, password))) {
                process(packageId);
            }
        });
    }

    /** Deletes the record (ETSI rules checked there), then the stored bytes. */
    public void delete(String packageId) {
        packages.delete(packageId);
        store.delete(packageId);
    }

    private boolean storeContent(String packageId, Supplier<InputStream> content) {
        try {
            PackageStore.Stored stored = store.write(packageId, content.get(), config.maxPackageBytes());
            return packages.uploaded(packageId, stored.size(), stored.sha256(), stored.sha512());
        } catch (RuntimeException e) {
            LOG.debugf(e, "upload of package %s failed", packageId);
            packages.failed(packageId, "upload failed: " + e.getMessage());
            return false;
        }
    }

    private void process(String packageId) {
        try {
            ParsedPackage parsed = reader.read(store.zip(packageId));
            packages.onboarded(packageId, parsed);
        } catch (InvalidPackageException e) {
            packages.failed(packageId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "processing package %s failed", packageId);
            packages.failed(packageId, "processing failed: " + e.getMessage());
        }
    }

    private URI allowed(String address, String field) {
        URI uri;
        try {
            uri = URI.create(address == null ? "" : address.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "is not a URI");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new InvalidFieldException(field, "must be an http or https URI");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().replace("[", "").replace("]", "");
        if (uri.getUserInfo() != null || !config.uploadAllowedHosts().contains(host)) {
            throw new InvalidFieldException(field, "host " + host + " is not allowed; allowed: "
                    + config.uploadAllowedHosts());
        }
        return uri;
    }
}
