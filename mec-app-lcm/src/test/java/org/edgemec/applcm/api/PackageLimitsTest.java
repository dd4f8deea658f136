package org.edgemec.applcm.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.edgemec.applcm.support.TestPackages;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

/**
 * Bad input to package and instance creation is a 400 naming the field, with nothing written: strings longer than
 * their columns, and package archives that would exhaust memory (zip bombs, generated here): more bytes unpacked than
 * {@code edgemec.lcm.max-package-uncompressed-bytes} (256 MiB in tests), more entries than
 * {@code edgemec.lcm.max-package-entries}, an AppD bigger than 4 MiB.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PackageLimitsTest {

    static final String V2 = PackagesResourceTest.V2;

    static Map<String, Object> pkg(String name, String version, String path, String hash) {
        return Map.of("appPkgName", name, "appPkgVersion", version, "appPkgPath", path, "appProvider", "edgemec",
                "checksum", Map.of("algorithm", "SHA-256", "hash", hash));
    }

    @Test
    void shouldRefuseOverLongStringsNamingTheFieldAndWriteNothing() {
        String tooLong = "n".repeat(256);
        given().contentType(ContentType.JSON).body(pkg(tooLong, "1", "p.zip", "ab")).post(V2).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("appPkgName"))
                .body("detail", containsString("255"));
        given().contentType(ContentType.JSON).body(pkg("a", tooLong, "p.zip", "ab")).post(PackagesResourceTest.V3)
                .then().statusCode(400).body("detail", containsString("appPkgVersion"));
        given().contentType(ContentType.JSON).body(pkg("a", "1", "p".repeat(2049), "ab")).post(V2).then()
                .statusCode(400).body("detail", containsString("appPkgPath"));
        given().contentType(ContentType.JSON).body(pkg("a", "1", "p.zip", "a".repeat(257))).post(V2).then()
                .statusCode(400).body("detail", containsString("checksum.hash"));
        Map<String, Object> provider = new HashMap<>(pkg("a", "1", "p.zip", "ab"));
        provider.put("appProvider", tooLong);
        given().contentType(ContentType.JSON).body(provider).post(V2).then().statusCode(400)
                .body("detail", containsString("appProvider"));
        given().queryParam("filter", "(eq,appPkgName," + tooLong + ")").get(V2).then().statusCode(200)
                .body("$", hasSize(0));

        String appDId = AppLcmResourceTest.onboardedAppD();
        given().contentType(ContentType.JSON).body(Map.of("appDId", appDId, "appInstanceName", tooLong))
                .post(AppLcmResourceTest.INSTANCES).then().statusCode(400)
                .body("detail", containsString("appInstanceName"));
        given().contentType(ContentType.JSON).body(Map.of("appDId", "d".repeat(256)))
                .post(AppLcmResourceTest.INSTANCES).then().statusCode(400).body("detail", containsString("appDId"));
        given().contentType(ContentType.JSON).body(Map.of("appDId", appDId, "appPlacementInfo",
                        Map.of("mepId", tooLong))).post(AppLcmResourceTest.INSTANCES).then().statusCode(400)
                .body("detail", containsString("appPlacementInfo.mepId"));
        given().queryParam("filter", "(eq,appDId," + appDId + ")").get(AppLcmResourceTest.INSTANCES).then()
                .statusCode(200).body("$", hasSize(0));
    }

    @Test
    void shouldFailOnboardingOfAnAppDWhoseStringsDoNotFitNamingTheField() {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("appd.json", TestPackages.appD(TestPackages.newAppDId(), PackagesResourceTest.IMAGE, "DOCKER", 64, 1)
                .replace("\"appName\": \"counter\"", "\"appName\": \"" + "c".repeat(300) + "\"")
                .getBytes(StandardCharsets.UTF_8));
        entries.put("images/app.tar", TestPackages.fakeImageArchive(PackagesResourceTest.IMAGE));
        byte[] zip = TestPackages.zip(entries);
        String id = PackagesResourceTest.create(V2, zip).getString("id");
        given().contentType("application/zip").body(zip).put(V2 + "/" + id + "/package_content").then()
                .statusCode(202);
        PackagesResourceTest.awaitState(V2 + "/" + id, "CREATED");
        given().get(V2 + "/" + id).then().body("onboardingFailureDetails.detail", containsString("appName"));
    }

    @Test
    void shouldAnswer409NotAServerErrorToConcurrentCreatesOfOneMecHost() throws Exception {
        String name = "dup" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = Map.of("name", name, "engineKind", "PODMAN", "engineEndpoint", "tcp://127.0.0.1:1");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return given().contentType(ContentType.JSON).body(body).post("/app_lcm_ext/v1/mec_hosts")
                            .then().extract().statusCode();
                }));
            }
            go.countDown();
            java.util.List<Integer> codes = new java.util.ArrayList<>();
            for (var a : answers) {
                codes.add(a.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            org.junit.jupiter.api.Assertions.assertEquals(1, codes.stream().filter(c -> c == 201).count(),
                    "one create wins: " + codes);
            org.junit.jupiter.api.Assertions.assertTrue(codes.stream().allMatch(c -> c == 201 || c == 409),
                    "the others answer 409: " + codes);
        } finally {
            pool.shutdownNow();
        }
        given().delete("/app_lcm_ext/v1/mec_hosts/" + name).then().statusCode(204);
    }

    /** A zip whose {@code images/app.tar} is {@code bytes} zeros: a few hundred KiB that unpack to all of them. */
    static byte[] bomb(String appDId, long bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("appd.json"));
            zip.write(TestPackages.appD(appDId, "localhost/edgemec/bomb:1", "DOCKER", 64, 1)
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("images/app.tar"));
            byte[] zeros = new byte[1 << 20];
            for (long left = bytes; left > 0; left -= zeros.length) {
                zip.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static void refused(byte[] zip, String why) {
        String id = PackagesResourceTest.create(V2, zip).getString("id");
        given().contentType("application/zip").body(zip).put(V2 + "/" + id + "/package_content").then()
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("package_content")).body("detail", containsString(why));
        given().get(V2 + "/" + id).then().statusCode(200).body("onboardingState", equalTo("CREATED"))
                .body("onboardingFailureDetails.detail", containsString(why));
        given().get(V2 + "/" + id + "/package_content").then().statusCode(409);
    }

    @Test
    void shouldRefuseAZipBombFromItsDirectoryBeforeUnpackingIt() throws IOException {
        refused(bomb(TestPackages.newAppDId(), 300L * 1024 * 1024), "package archive unpacks to more than 268435456");
    }

    @Test
    void shouldRefuseTooManyEntriesAndAnOversizedAppD() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i <= 10_000; i++) {
                zip.putNextEntry(new ZipEntry("f/" + i));
                zip.closeEntry();
            }
        }
        refused(out.toByteArray(), "package archive has 10001 entries");

        out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("appd.json"));
            zip.write(" ".repeat(5 * 1024 * 1024).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        refused(out.toByteArray(), "AppD appd.json is 5242880 bytes");
    }
}
