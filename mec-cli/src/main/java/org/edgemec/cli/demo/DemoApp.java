package org.edgemec.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.edgemec.cli.CliException;
import org.edgemec.cli.api.ServiceClient;

/**
 * The demo's app through mec-app-lcm's public API (MEC 010-2): a package of the stateful counter (test image
 * {@code localhost/edgemec/counter-http}, built onto every engine by scripts/setup-engines.sh, so the package's image
 * archive names it and carries no layers), onboarded, instantiated on a host, and removed again. Names are unique per
 * run so that runs never collide with each other or with other users' apps.
 */
public final class DemoApp {

    public static final String IMAGE = "localhost/edgemec/counter-http:latest";
    private static final Duration WAIT = Duration.ofSeconds(120);

    private final ServiceClient lcm;
    private final String appDId;
    private final String dnsName;
    private String instanceId;
    private boolean onboarded;

    public DemoApp(ServiceClient lcm, String run) {
        this.lcm = lcm;
        this.appDId = "demo-counter-" + run;
        this.dnsName = "counter-" + run + ".demo.mec.example";
    }

    public String appDId() {
        return appDId;
    }

    public String dnsName() {
        return dnsName;
    }

    public String instanceId() {
        return instanceId;
    }

    public void onboard() {
        String appD = resource("/demo/counter-http-appd.json").replace("${appDId}", appDId)
                .replace("${dnsName}", dnsName);
        byte[] zip = zip(Map.of("appd.json", appD.getBytes(StandardCharsets.UTF_8),
                "images/image.tar", ImageArchive.manifestOnly(IMAGE)));
        String id = lcm.post("/app_pkgm/v1/onboarded_app_packages", Map.of("appPkgName", appDId,
                "appPkgVersion", "1.0", "appPkgPath", appDId + ".zip", "appProvider", "edgemec",
                "checksum", Map.of("algorithm", "SHA-256", "hash", sha256(zip)))).path("id").asText();
        onboarded = true;
        lcm.send("PUT", "/app_pkgm/v1/onboarded_app_packages/" + id + "/package_content", "application/zip", zip)
                .ok();
        JsonNode pkg = until(() -> lcm.get("/app_pkgm/v1/app_packages/" + id), // the V3 path names it by appDId only once onboarded
                p -> !"CREATED".equals(p.path("onboardingState").asText())
                        && !"UPLOADING".equals(p.path("onboardingState").asText())
                        && !"PROCESSING".equals(p.path("onboardingState").asText()), "package " + id + " onboarded");
        if (!"ONBOARDED".equals(pkg.path("onboardingState").asText())) {
            throw new CliException(CliException.FAILED, "the demo package was not onboarded: " + pkg);
        }
    }

    /** Creates the instance and instantiates it on {@code host}; a failure names the op occ's error. */
    public void instantiate(String host) {
        instanceId = lcm.post("/app_lcm/v1/app_instances", Map.of("appDId", appDId, "appInstanceName", appDId))
                .path("id").asText();
        JsonNode op = task("instantiate", Map.of("selectedMECHostInfo",
                List.of(Map.of("hostName", host, "hostId", Map.of("name", host)))));
        if (!"COMPLETED".equals(op.path("operationState").asText())) {
            String error = op.path("error").toString();
            String hint = error.contains("image") || error.contains("counter-http")
                    ? " (is the image " + IMAGE + " on the engines? scripts/setup-engines.sh builds it, as root)" : "";
            throw new CliException(CliException.FAILED, "instantiating the demo app on " + host + " ended "
                    + op.path("operationState").asText() + ": " + error + hint);
        }
    }

    /** Terminates and deletes the instance, disables and deletes the package; what fails is returned, not thrown. */
    public List<String> remove() {
        List<String> problems = new java.util.ArrayList<>();
        try {
            if (instanceId != null) {
                JsonNode i = lcm.get("/app_lcm/v1/app_instances/" + instanceId);
                if ("INSTANTIATED".equals(i.path("instantiationState").asText())) {
                    JsonNode op = task("terminate", Map.of("terminationType", "FORCEFUL"));
                    if (!"COMPLETED".equals(op.path("operationState").asText())) {
                        problems.add("terminate of " + instanceId + ": " + op.path("error"));
                    }
                }
                lcm.send("DELETE", "/app_lcm/v1/app_instances/" + instanceId, null, null).ok();
            }
            if (onboarded) {
                String pkg = "/app_pkgm/v1/onboarded_app_packages/" + appDId;
                lcm.send("PATCH", pkg, "application/json", "{\"operationalState\":\"DISABLED\"}".getBytes()).ok();
                lcm.send("DELETE", pkg, null, null).ok();
            }
        } catch (CliException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    private JsonNode task(String task, Object body) {
        ServiceClient.Answer started = lcm.send("POST", "/app_lcm/v1/app_instances/" + instanceId + "/" + task,
                "application/json", ServiceClient.write(body)).ok();
        String location = started.header("Location");
        String opId = location.substring(location.lastIndexOf('/') + 1);
        until(() -> lcm.get("/app_lcm/v1/app_lcm_op_occs/" + opId),
                j -> List.of("COMPLETED", "FAILED_TEMP", "FAILED").contains(j.path("operationState").asText()),
                task + " op occ " + opId + " ends");
        return lcm.get("/app_lcm_ext/v1/app_lcm_op_occs/" + opId);
    }

    static <T> T until(java.util.function.Supplier<T> probe, Predicate<T> done, String what) {
        Instant end = Instant.now().plus(WAIT);
        T last = probe.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(end)) {
                throw new CliException(CliException.FAILED, "not within " + WAIT.toSeconds() + " s: " + what
                        + "; last seen: " + last);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(CliException.FAILED, "interrupted");
            }
            last = probe.get();
        }
        return last;
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : new java.util.TreeSet<>(entries.keySet())) {
                z.putNextEntry(new ZipEntry(name));
                z.write(entries.get(name));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String resource(String path) {
        try (InputStream in = DemoApp.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
