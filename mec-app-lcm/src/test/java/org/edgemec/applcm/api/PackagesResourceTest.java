package org.edgemec.applcm.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.edgemec.applcm.support.CallbackRecorder;
import org.edgemec.applcm.support.Poll;
import org.edgemec.applcm.support.TestPackages;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PackagesResourceTest {

    static final String V3 = "/app_pkgm/v1/onboarded_app_packages";
    static final String V2 = "/app_pkgm/v1/app_packages";
    static final String IMAGE = "localhost/edgemec/counter:latest";
    static final Duration WAIT = Duration.ofSeconds(20);

    static JsonPath create(String base, byte[] zip) {
        return given().contentType(ContentType.JSON).body(Map.of("appPkgName", "counter", "appPkgVersion", "1.0",
                        "appPkgPath", "counter.zip", "checksum", Map.of("algorithm", "SHA-256",
                                "hash", TestPackages.sha256(zip))))
                .post(base).then().statusCode(201).header("Location", notNullValue())
                .body("onboardingState", equalTo("CREATED")).body("operationalState", equalTo("DISABLED"))
                .extract().jsonPath();
    }

    static JsonPath awaitState(String url, String state) {
        return Poll.until(() -> given().get(url).then().statusCode(200).extract().jsonPath(),
                j -> state.equals(j.getString("onboardingState")) && (!"CREATED".equals(state)
                        || j.get("onboardingFailureDetails") != null), WAIT, url + " " + state);
    }

    /** Creates, uploads and waits for ONBOARDED; returns the V2 URL of the package. */
    static String onboard(byte[] zip) {
        String id = create(V2, zip).getString("id");
        given().contentType("application/zip").body(zip).put(V2 + "/" + id + "/package_content").then().statusCode(202);
        awaitState(V2 + "/" + id, "ONBOARDED");
        return V2 + "/" + id;
    }

    @Test
    void shouldOnboardPatchAndDeleteWhenUsingV3PathsWithNotifications() {
        try (CallbackRecorder subscriber = new CallbackRecorder()) {
            for (String type : new String[] {"AppPackageOnBoardingSubscription", "AppPackageChangeSubscription",
                    "AppPackageDeletionSubscription"}) {
                given().contentType(ContentType.JSON).body(Map.of("callbackUri", subscriber.url("/pkg"),
                        "subscriptionType", type)).post("/app_pkgm/v1/subscriptions").then().statusCode(201);
            }
            String appDId = TestPackages.newAppDId();
            byte[] zip = TestPackages.packageZip(appDId, IMAGE);
            JsonPath created = create(V3, zip);
            String tmpKey = created.getString("appDId");
            given().contentType("application/zip").body(zip).put(V3 + "/" + tmpKey + "/package_content")
                    .then().statusCode(202);
            JsonPath onboarded = awaitState(V2 + "/" + created.getString("id"), "ONBOARDED");
            given().get(V3 + "/" + appDId).then().statusCode(200).body("onboardingState", equalTo("ONBOARDED"))
                    .body("operationalState", equalTo("ENABLED")).body("appName", equalTo("counter"))
                    .body("mecInfo[0]", equalTo("3.1.1")).body("softwareImages[0].name", equalTo(IMAGE))
                    .body("_links.self.href", containsString(appDId));
            subscriber.await(b -> b.contains("AppPackageOnBoarded") && b.contains(appDId), WAIT);

            given().accept(ContentType.JSON).get(V3 + "/" + appDId + "/appd").then().statusCode(200)
                    .body("appDId", equalTo(appDId)).body("virtualComputeDescriptor.virtualCpu.numVirtualCpu", equalTo(1));
            given().accept("application/yaml").get(V3 + "/" + appDId + "/appd").then().statusCode(200)
                    .contentType(containsString("yaml")).body(containsString("appDId: \"" + appDId + "\""));
            byte[] content = given().get(V3 + "/" + appDId + "/package_content").then().statusCode(200)
                    .contentType("application/zip").extract().asByteArray();
            assertArrayEquals(zip, content);

            given().contentType(ContentType.JSON).delete(V3 + "/" + appDId).then().statusCode(409);
            given().contentType(ContentType.JSON).body(Map.of("operationalState", "DISABLED"))
                    .patch(V3 + "/" + appDId).then().statusCode(200).body("operationalState", equalTo("DISABLED"));
            subscriber.await(b -> b.contains("AppPackageDisabled") && b.contains(appDId), WAIT);
            given().contentType(ContentType.JSON).body(Map.of("operationalState", "DISABLED"))
                    .patch(V3 + "/" + appDId).then().statusCode(409);
            given().delete(V3 + "/" + appDId).then().statusCode(204);
            subscriber.await(b -> b.contains("AppPackageDeleted") && b.contains(appDId), WAIT);
            given().get(V3 + "/" + appDId).then().statusCode(404).contentType("application/problem+json");
            given().get(V3 + "/" + onboarded.getString("id")).then().statusCode(404);
        }
    }

    @Test
    void shouldServeV2PathsByPackageId() {
        String appDId = TestPackages.newAppDId();
        String url = onboard(TestPackages.packageZip(appDId, IMAGE));
        given().get(url).then().statusCode(200).body("appDId", equalTo(appDId))
                .body("_links.self.href", containsString(url));
        given().get(url + "/appd").then().statusCode(200).body("appName", equalTo("counter"));
        given().get(V2).then().statusCode(200).body("find { it.appDId == '" + appDId + "' }.id", notNullValue());
        // the ETSI attribute filter on both path families; an unknown parameter or a malformed filter is a 400
        for (String base : new String[] {V2, V3}) {
            given().queryParam("filter", "(eq,appDId," + appDId + ")").get(base).then().statusCode(200)
                    .body("size()", equalTo(1)).body("[0].appDId", equalTo(appDId));
            given().queryParam("filter", "(eq,appDId,no-such-" + appDId + ")").get(base).then().statusCode(200)
                    .body("size()", equalTo(0));
            given().queryParam("filter", "appDId=" + appDId).get(base).then().statusCode(400)
                    .body("detail", containsString("filter"));
            given().queryParam("appDId", appDId).get(base).then().statusCode(400)
                    .body("detail", containsString("appDId"));
        }
    }

    @Test
    void shouldAnswer404ForAnUnknownPackageWhateverTheClientAccepts() {
        for (String accept : new String[] {"application/json", "application/zip", "text/plain", "*/*"}) {
            for (String path : new String[] {V2 + "/no-such-package", V2 + "/no-such-package/package_content",
                    V2 + "/no-such-package/appd", V3 + "/no-such-appd/appd", V3 + "/no-such-appd"}) {
                given().accept(accept).get(path).then().statusCode(404)
                        .contentType("application/problem+json").body("status", equalTo(404));
            }
        }
        // a package that exists still gets 406 for a representation its route does not produce
        String url = onboard(TestPackages.packageZip(TestPackages.newAppDId(), IMAGE));
        given().accept("text/plain").get(url).then().statusCode(406).body("status", equalTo(406));
    }

    @Test
    void shouldOnboardWhenAppDIsYaml() throws Exception {
        String appDId = TestPackages.newAppDId();
        com.fasterxml.jackson.databind.JsonNode tree = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(TestPackages.appD(appDId, IMAGE, "DOCKER", 64, 1));
        String yaml = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).writeValueAsString(tree);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("Definitions/AppD.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        entries.put("images/app.tar", TestPackages.fakeImageArchive(IMAGE));
        String url = onboard(TestPackages.zip(entries));
        given().get(url).then().body("appDId", equalTo(appDId)).body("appName", equalTo("counter"));
    }

    @Test
    void shouldRejectCreateWhenFieldsAreMissingOrWrong() {
        given().contentType(ContentType.JSON).body(Map.of("appPkgVersion", "1", "appPkgPath", "x",
                "checksum", Map.of("algorithm", "SHA-256", "hash", "ab"))).post(V3).then().statusCode(400)
                .body("detail", containsString("appPkgName"));
        given().contentType(ContentType.JSON).body(Map.of("appPkgName", "a", "appPkgVersion", "1", "appPkgPath", "x",
                "checksum", Map.of("algorithm", "MD5", "hash", "ab"))).post(V3).then().statusCode(400)
                .body("detail", containsString("checksum.algorithm"));
        given().contentType(ContentType.JSON).body("{\"appPkgName\": 1}").post(V2).then().statusCode(400);
        given().contentType("application/zip").body(new byte[] {1}).put(V2 + "/nope/package_content")
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("operationalState", "ON")).patch(V2 + "/nope")
                .then().statusCode(400);
    }

    @Test
    void shouldReturnToCreatedWithReasonWhenPackageIsInvalid() {
        assertFailure("not a zip".getBytes(StandardCharsets.UTF_8), "not a zip");
        assertFailure(TestPackages.zip(Map.of("readme.txt", new byte[] {1})), "no AppD");
        Map<String, byte[]> noName = new LinkedHashMap<>();
        noName.put("appd.json", TestPackages.appD("x", IMAGE, "DOCKER", 64, 1).replace("\"appName\": \"counter\",", "")
                .getBytes(StandardCharsets.UTF_8));
        noName.put("images/app.tar", TestPackages.fakeImageArchive(IMAGE));
        assertFailure(TestPackages.zip(noName), "appName");
        Map<String, byte[]> wrongImage = new LinkedHashMap<>();
        wrongImage.put("appd.json", TestPackages.appD("x", IMAGE, "DOCKER", 64, 1).getBytes(StandardCharsets.UTF_8));
        wrongImage.put("images/app.tar", TestPackages.fakeImageArchive("localhost/other:1"));
        assertFailure(TestPackages.zip(wrongImage), "does not hold image");
        Map<String, byte[]> noArchive = new LinkedHashMap<>();
        noArchive.put("appd.json", TestPackages.appD("x", IMAGE, "DOCKER", 64, 1).getBytes(StandardCharsets.UTF_8));
        assertFailure(TestPackages.zip(noArchive), "is not in the package");
    }

    @Test
    void shouldRejectContentWhenChecksumDiffers() {
        byte[] zip = TestPackages.packageZip(TestPackages.newAppDId(), IMAGE);
        String id = create(V2, zip).getString("id");
        byte[] other = TestPackages.packageZip(TestPackages.newAppDId(), IMAGE);
        given().contentType("application/zip").body(other).put(V2 + "/" + id + "/package_content")
                .then().statusCode(202);
        awaitState(V2 + "/" + id, "CREATED");
        given().get(V2 + "/" + id).then().body("onboardingFailureDetails.detail", containsString("checksum mismatch"));
        given().get(V2 + "/" + id + "/package_content").then().statusCode(409);
        given().contentType("application/zip").body(zip).put(V2 + "/" + id + "/package_content").then().statusCode(202);
        awaitState(V2 + "/" + id, "ONBOARDED");
        given().contentType("application/zip").body(zip).put(V2 + "/" + id + "/package_content").then().statusCode(409);
    }

    @Test
    void shouldOnboardFromUriWhenHostIsAllowed() {
        byte[] zip = TestPackages.packageZip(TestPackages.newAppDId(), IMAGE);
        try (CallbackRecorder server = new CallbackRecorder()) {
            server.serve(zip);
            String id = create(V2, zip).getString("id");
            given().contentType(ContentType.JSON).body(Map.of("addressInformation", "ftp://127.0.0.1/x.zip"))
                    .post(V2 + "/" + id + "/package_content/upload_from_uri").then().statusCode(400)
                    .body("detail", containsString("addressInformation"));
            given().contentType(ContentType.JSON).body(Map.of("addressInformation", "http://example.com/x.zip"))
                    .post(V2 + "/" + id + "/package_content/upload_from_uri").then().statusCode(400)
                    .body("detail", containsString("not allowed"));
            given().contentType(ContentType.JSON).body(Map.of()).post(V2 + "/" + id + "/package_content/upload_from_uri")
                    .then().statusCode(400);
            given().contentType(ContentType.JSON).body(Map.of("addressInformation", server.url("/pkg.zip")))
                    .post(V2 + "/" + id + "/package_content/upload_from_uri").then().statusCode(202);
            awaitState(V2 + "/" + id, "ONBOARDED");
        }
    }

    @Test
    void shouldOnboardFromAnAppPkgPathThatIsAnHttpUri() {
        byte[] zip = TestPackages.packageZip(TestPackages.newAppDId(), IMAGE);
        try (CallbackRecorder server = new CallbackRecorder()) {
            server.serve(zip);
            int before = given().get(V2).then().extract().jsonPath().getList("$").size();
            // a host outside edgemec.lcm.upload-allowed-hosts: 400 naming the field, nothing created
            given().contentType(ContentType.JSON).body(Map.of("appPkgName", "counter", "appPkgVersion", "1.0",
                            "appPkgPath", "http://example.com/pkg.zip", "checksum", Map.of("algorithm", "SHA-256",
                                    "hash", TestPackages.sha256(zip))))
                    .post(V2).then().statusCode(400).body("detail", containsString("appPkgPath"));
            assertEquals(before, given().get(V2).then().extract().jsonPath().getList("$").size());
            // an allowed one: fetched and onboarded without a separate upload
            String id = given().contentType(ContentType.JSON).body(Map.of("appPkgName", "counter",
                            "appPkgVersion", "1.0", "appPkgPath", server.url("/pkg.zip"),
                            "checksum", Map.of("algorithm", "SHA-256", "hash", TestPackages.sha256(zip))))
                    .post(V2).then().statusCode(201).extract().path("id");
            awaitState(V2 + "/" + id, "ONBOARDED");
        }
    }

    @Test
    void shouldManageSubscriptionsAndRejectBadOnes() {
        given().contentType(ContentType.JSON).body(Map.of("callbackUri", "not a uri",
                "subscriptionType", "AppPackageChangeSubscription")).post("/app_pkgm/v1/subscriptions")
                .then().statusCode(400).body("detail", containsString("callbackUri"));
        given().contentType(ContentType.JSON).body(Map.of("callbackUri", "http://127.0.0.1:9/x"))
                .post("/app_pkgm/v1/subscriptions").then().statusCode(400)
                .body("detail", containsString("subscriptionType"));
        given().contentType(ContentType.JSON).body(Map.of("callbackUri", "http://127.0.0.1:9/x",
                "subscriptionType", "Nope")).post("/app_pkgm/v1/subscriptions").then().statusCode(400);
        String location = given().contentType(ContentType.JSON).body(Map.of("callbackUri", "http://127.0.0.1:9/x",
                        "subscriptionType", "AppPackageChangeSubscription",
                        "appPkgFilter", java.util.List.of(Map.of("appName", "counter"))))
                .post("/app_pkgm/v1/subscriptions").then().statusCode(201).extract().header("Location");
        String path = location.substring(location.indexOf("/app_pkgm"));
        given().get(path).then().statusCode(200).body("subscriptionType", equalTo("AppPackageChangeSubscription"));
        given().get("/app_pkgm/v1/subscriptions").then().statusCode(200)
                .body("_links.subscriptions.href", org.hamcrest.Matchers.hasItem(location));
        given().delete(path).then().statusCode(204);
        given().delete(path).then().statusCode(404);
    }

    private static void assertFailure(byte[] zip, String reason) {
        String id = create(V2, zip).getString("id");
        given().contentType("application/zip").body(zip).put(V2 + "/" + id + "/package_content").then().statusCode(202);
        JsonPath failed = awaitState(V2 + "/" + id, "CREATED");
        org.junit.jupiter.api.Assertions.assertTrue(
                failed.getString("onboardingFailureDetails.detail").contains(reason),
                () -> "expected reason '" + reason + "' in " + failed.prettify());
        given().delete(V2 + "/" + id).then().statusCode(204);
    }
}
