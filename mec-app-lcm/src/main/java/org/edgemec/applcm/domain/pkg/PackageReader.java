package org.edgemec.applcm.domain.pkg;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.edgemec.mp1api.Json;
import org.edgemec.mp1api.mec0102.appd.AppD;
import org.edgemec.mp1api.mec0102.appd.SwImageDescriptor;

/**
 * Reads and checks a package zip: exactly one AppD ({@code appd.json}, {@code appd.yaml} or {@code appd.yml} at any
 * depth, name case-insensitive), valid against the MEC 010-2 AppD; its first swImageDescriptor names the image
 * ({@code name}) and the archive inside the zip ({@code swImage.name}); a DOCKER archive must be an image archive
 * holding that image, a BARE one a non-empty root file system tar.
 */
@ApplicationScoped
public class PackageReader {

    private final ObjectMapper jsonMapper;
    private final ObjectMapper yamlMapper;
    private final Validator validator;

    public PackageReader(Validator validator) {
        this.validator = validator;
        this.jsonMapper = Json.newMapper();
        this.yamlMapper = Json.configure(new ObjectMapper(new YAMLFactory()));
    }

    public ParsedPackage read(Path zipPath) {
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            ZipEntry appdEntry = findAppD(zip);
            AppD appD = parseAppD(zip, appdEntry);
            SwImageDescriptor sw = appD.swImageDescriptor().get(0);
            ImageKind kind = imageKind(sw.containerFormat());
            String archive = sw.swImage() == null ? null : sw.swImage().name();
            if (archive == null || archive.isBlank()) {
                throw new InvalidPackageException("swImageDescriptor[0].swImage.name must name the image archive "
                        + "inside the package");
            }
            ZipEntry imageEntry = zip.getEntry(archive);
            if (imageEntry == null || imageEntry.isDirectory()) {
                throw new InvalidPackageException("image archive " + archive + " named by swImageDescriptor[0]"
                        + ".swImage.name is not in the package");
            }
            try (InputStream in = zip.getInputStream(imageEntry)) {
                checkArchive(in, kind, sw.name(), archive);
            }
            return new ParsedPackage(appD, jsonMapper.writeValueAsString(appD), sw.name(), archive, kind);
        } catch (ZipException e) {
            throw new InvalidPackageException("package is not a zip file: " + e.getMessage());
        } catch (IOException e) {
            throw new InvalidPackageException("package cannot be read: " + e.getMessage());
        }
    }

    private static ZipEntry findAppD(ZipFile zip) {
        ZipEntry found = null;
        for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
            ZipEntry e = en.nextElement();
            String base = e.getName().substring(e.getName().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (!e.isDirectory() && base.matches("appd\\.(json|ya?ml)")) {
                if (found != null) {
                    throw new InvalidPackageException("package holds two AppDs: " + found.getName() + " and "
                            + e.getName());
                }
                found = e;
            }
        }
        if (found == null) {
            throw new InvalidPackageException("package holds no AppD (appd.json, appd.yaml or appd.yml)");
        }
        return found;
    }

    private AppD parseAppD(ZipFile zip, ZipEntry entry) throws IOException {
        ObjectMapper mapper = entry.getName().toLowerCase(Locale.ROOT).endsWith(".json") ? jsonMapper : yamlMapper;
        AppD appD;
        try (InputStream in = zip.getInputStream(entry)) {
            JsonNode tree = mapper.readTree(in);
            appD = jsonMapper.treeToValue(tree, AppD.class);
        } catch (JacksonException e) {
            throw new InvalidPackageException("AppD " + entry.getName() + " is invalid: " + e.getOriginalMessage()
                    + pathOf(e));
        }
        if (appD == null) {
            throw new InvalidPackageException("AppD " + entry.getName() + " is empty");
        }
        Set<ConstraintViolation<AppD>> violations = validator.validate(appD);
        if (!violations.isEmpty()) {
            ConstraintViolation<AppD> v = violations.iterator().next();
            throw new InvalidPackageException("AppD " + entry.getName() + ": " + v.getPropertyPath() + " "
                    + v.getMessage());
        }
        return appD;
    }

    private static String pathOf(JacksonException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder(" (at ");
            m.getPath().forEach(r -> sb.append(r.getFieldName() != null ? "/" + r.getFieldName() : "/" + r.getIndex()));
            return sb.append(')').toString();
        }
        return "";
    }

    private static ImageKind imageKind(String containerFormat) {
        try {
            return ImageKind.valueOf(containerFormat.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidPackageException("swImageDescriptor[0].containerFormat " + containerFormat
                    + " is not supported: use DOCKER (image archive) or BARE (root file system tar)");
        }
    }

    private void checkArchive(InputStream in, ImageKind kind, String imageName, String archive) throws IOException {
        boolean any = false;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                any = true;
                if (kind == ImageKind.DOCKER && "manifest.json".equals(e.getName())) {
                    JsonNode manifest = jsonMapper.readTree(tar.readAllBytes());
                    for (JsonNode image : manifest) {
                        for (JsonNode tag : image.path("RepoTags")) {
                            if (tag.asText().equals(imageName)) {
                                return;
                            }
                        }
                    }
                    throw new InvalidPackageException("image archive " + archive + " does not hold image "
                            + imageName + " (swImageDescriptor[0].name); its manifest.json lists " + manifest);
                }
            }
        } catch (IOException e) {
            throw new InvalidPackageException("image archive " + archive + " is not a tar: " + e.getMessage());
        }
        if (kind == ImageKind.DOCKER) {
            throw new InvalidPackageException("image archive " + archive + " has no manifest.json: not an image "
                    + "archive from podman save / docker save");
        }
        if (!any) {
            throw new InvalidPackageException("root file system tar " + archive + " is empty");
        }
    }
}
