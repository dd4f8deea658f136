package org.edgemec.applcm.lcm;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.edgemec.applcm.adapters.engine.PodmanEngine;
import org.edgemec.applcm.adapters.engine.TestEngineAccess;
import org.edgemec.applcm.domain.engine.ContainerInfo;
import org.edgemec.applcm.support.CallbackRecorder;
import org.edgemec.applcm.support.Poll;
import org.edgemec.applcm.support.TestPackages;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end on the real Podman host edge1 (needs scripts/setup-engines.sh): a package built from the counter image
 * is onboarded, instantiated on a host without a platform (image loaded under a fresh name, container created and
 * started), stopped, started and terminated, with op occs and notifications checked at each step; and a
 * package whose image archive is unusable ends FAILED_TEMP, then FAILED.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RealEngineLifecycleIT {

    static final Duration WAIT = Duration.ofSeconds(90);
    static PodmanEngine edge1;

    @BeforeAll
    static void engines() {
        edge1 = TestEngineAccess.podman("edge1");
    }

    @AfterAll
    static void close() {
        edge1.close();
    }

    @Test
    void shouldInstantiateOperateAndTerminateCounterOnPodmanEdge1() throws IOException {
        // engine-level: a host without a platform (provisioning against the real mec-platform is proved by the
        // journey suite, journey-tests/)
        try (CallbackRecorder subscriber = new CallbackRecorder()) {
            String host = host(null);
            String image = "localhost/edgemec/counter-it:" + UUID.randomUUID().toString().substring(0, 8);
            String appDId = TestPackages.newAppDId();
            onboard(appDId, image, retagged(image));
            given().contentType(ContentType.JSON).body(Map.of("subscriptionType", "AppInstanceStateChangeSubscription",
                    "callbackUri", subscriber.url("/inst"))).post("/app_lcm/v1/subscriptions").then().statusCode(201);
            String id = instance(appDId);

            String op = run(id, "instantiate", Map.of("selectedMECHostInfo",
                    List.of(Map.of("hostName", host, "hostId", Map.of("name", host)))), "COMPLETED");
            JsonPath inst = given().get("/app_lcm/v1/app_instances/" + id).then().statusCode(200)
                    .body("instantiationState", equalTo("INSTANTIATED"))
                    .body("instantiatedAppState.operationalState", equalTo("STARTED"))
                    .body("instantiatedAppState.mcioInfo[0].mcioNamespace", equalTo(host)).extract().jsonPath();
            String container = inst.getString("instantiatedAppState.mcioInfo[0].mcioName");
            assertTrue(edge1.inspect(container).map(ContainerInfo::running).orElse(false), "container runs");
            Poll.until(() -> edge1.logs(container, 5), l -> l.stream().anyMatch(s -> s.startsWith("count=")), WAIT,
                    "counter output");
            given().get("/app_lcm_ext/v1/app_lcm_op_occs/" + op).then()
                    .body("steps.step", org.hamcrest.Matchers.hasItem(containsString("image " + image + " loaded")))
                    .body("steps.step", org.hamcrest.Matchers.hasItem(containsString("provisioning skipped")));
            subscriber.await(b -> b.contains(id) && b.contains("\"appInstanceState\":\"STARTED\""), WAIT);

            run(id, "operate", Map.of("changeStateTo", "STOPPED", "stopType", "GRACEFUL", "gracefulStopTimeout", 5),
                    "COMPLETED");
            assertFalse(edge1.inspect(container).map(ContainerInfo::running).orElse(true), "container stopped");
            subscriber.await(b -> b.contains(id) && b.contains("\"appInstanceState\":\"STOPPED\""), WAIT);
            run(id, "operate", Map.of("changeStateTo", "STARTED"), "COMPLETED");
            assertTrue(edge1.inspect(container).map(ContainerInfo::running).orElse(false), "container restarted");

            given().delete("/app_lcm/v1/app_instances/" + id).then().statusCode(409);
            run(id, "terminate", Map.of("terminationType", "GRACEFUL", "gracefulTerminationTimeout", 5), "COMPLETED");
            assertTrue(edge1.inspect(container).isEmpty(), "container removed");
            subscriber.await(b -> b.contains(id) && b.contains("\"appInstanceState\":\"NOT_INSTANTIATED\""), WAIT);
            given().delete("/app_lcm/v1/app_instances/" + id).then().statusCode(204);
        }
    }

    @Test
    void shouldMoveRunningCounterToEdge2WithCheckpointRestoreAndKeepItsCount() {
        PodmanEngine edge2 = TestEngineAccess.podman("edge2");
        try {
            String from = host(null);
            String to = host(null, "edge2");
            String appDId = TestPackages.newAppDId();
            onboard(appDId, TestEngineAccess.counterImage(), retagged(TestEngineAccess.counterImage()));
            String id = instance(appDId);
            run(id, "instantiate", Map.of("selectedMECHostInfo",
                    List.of(Map.of("hostName", from, "hostId", Map.of("name", from)))), "COMPLETED");
            String container = given().get("/app_lcm/v1/app_instances/" + id).then().extract()
                    .path("instantiatedAppState.mcioInfo[0].mcioName");
            int before = Poll.until(() -> maxCount(edge1.logs(container, 3)), n -> n >= 20, WAIT, "count 20");

            given().contentType(ContentType.JSON).body(Map.of("targetHost", "nope"))
                    .post("/app_lcm_ext/v1/app_instances/" + id + "/checkpoint_restore").then().statusCode(400);
            given().contentType(ContentType.JSON).body(Map.of("targetHost", to, "mode", "warp"))
                    .post("/app_lcm_ext/v1/app_instances/" + id + "/checkpoint_restore").then().statusCode(400);
            JsonPath record = given().contentType(ContentType.JSON).body(Map.of("targetHost", to, "mode", "stop-and-copy"))
                    .post("/app_lcm_ext/v1/app_instances/" + id + "/checkpoint_restore").then().statusCode(200)
                    .body("sourceHost", equalTo(from)).body("targetHost", equalTo(to))
                    .extract().jsonPath();
            assertTrue(record.getLong("archiveBytes") > 0, "archive streamed: " + record.prettify());
            assertTrue(edge1.inspect(container).isEmpty(), "source removed");
            List<Integer> counts = Poll.until(() -> counts(edge2.logs(container, 0)),
                    c -> !c.isEmpty() && c.get(c.size() - 1) > before + 5, WAIT, "count continues on edge2");
            List<Integer> after = counts.subList(counts.indexOf(counts.stream().filter(c -> c > before).findFirst()
                    .orElseThrow()) - 1 < 0 ? 0 : counts.indexOf(counts.stream().filter(c -> c > before).findFirst()
                    .orElseThrow()), counts.size());
            for (int i = 1; i < after.size(); i++) {
                assertTrue(after.get(i) > after.get(i - 1), "count restarted on edge2: " + counts);
            }
            given().get("/app_lcm/v1/app_instances/" + id).then()
                    .body("instantiatedAppState.mcioInfo[0].mcioNamespace", equalTo(to));
            run(id, "terminate", Map.of("terminationType", "FORCEFUL"), "COMPLETED");
            assertTrue(edge2.inspect(container).isEmpty(), "container removed from edge2");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            edge2.close();
        }
    }

    static List<Integer> counts(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("count=")).map(l -> Integer.parseInt(l.substring(6).trim()))
                .toList();
    }

    static int maxCount(List<String> lines) {
        return counts(lines).stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    @Test
    void shouldEndFailedTempWhenImageCannotBeLoaded() {
        String host = host(null);
        String image = "localhost/edgemec/missing:" + UUID.randomUUID().toString().substring(0, 8);
        String appDId = TestPackages.newAppDId();
        onboard(appDId, image, TestPackages.fakeImageArchive(image));
        String id = instance(appDId);
        String op = run(id, "instantiate", Map.of("selectedMECHostInfo",
                List.of(Map.of("hostName", host, "hostId", Map.of("name", host)))), "FAILED_TEMP");
        given().get("/app_lcm_ext/v1/app_lcm_op_occs/" + op).then().body("error", org.hamcrest.Matchers.notNullValue());
        given().post("/app_lcm/v1/app_lcm_op_occs/" + op + "/fail").then().statusCode(200)
                .body("operationState", equalTo("FAILED"));
        given().get("/app_lcm/v1/app_instances/" + id).then().body("instantiationState", equalTo("NOT_INSTANTIATED"));
    }

    /** A host on the real edge1 engine, with the given mec-platform URL (or none). */
    static String host(String platformUrl) {
        return host(platformUrl, "edge1");
    }

    static String host(String platformUrl, String engine) {
        String name = "it" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "engineKind", "PODMAN",
                "engineEndpoint", TestEngineAccess.podmanEndpoint(engine)));
        if (platformUrl != null) {
            body.put("platformUrl", platformUrl);
        }
        given().contentType(ContentType.JSON).body(body).post("/app_lcm_ext/v1/mec_hosts").then().statusCode(201);
        return name;
    }

    static void onboard(String appDId, String image, byte[] archive) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("appd.json", TestPackages.appD(appDId, image, "DOCKER", 64, 1).getBytes(StandardCharsets.UTF_8));
        entries.put("images/app.tar", archive);
        byte[] zip = TestPackages.zip(entries);
        String id = given().contentType(ContentType.JSON).body(Map.of("appPkgName", "counter", "appPkgVersion", "1",
                "appPkgPath", "counter.zip", "checksum", Map.of("algorithm", "SHA-256", "hash", TestPackages.sha256(zip))))
                .post("/app_pkgm/v1/app_packages").then().statusCode(201).extract().path("id");
        given().contentType("application/zip").body(zip).put("/app_pkgm/v1/app_packages/" + id + "/package_content")
                .then().statusCode(202);
        Poll.until(() -> given().get("/app_pkgm/v1/app_packages/" + id).then().extract().jsonPath(),
                j -> "ONBOARDED".equals(j.getString("onboardingState")), WAIT, "package onboarded");
    }

    static String instance(String appDId) {
        return given().contentType(ContentType.JSON).body(Map.of("appDId", appDId)).post("/app_lcm/v1/app_instances")
                .then().statusCode(201).extract().path("id");
    }

    /** Starts an operation and waits for its op occ to reach {@code state}; returns the op occ id. */
    static String run(String id, String operation, Map<String, Object> body, String state) {
        String location = given().contentType(ContentType.JSON).body(body)
                .post("/app_lcm/v1/app_instances/" + id + "/" + operation).then().statusCode(202)
                .extract().header("Location");
        String path = location.substring(location.indexOf("/app_lcm/"));
        JsonPath op = Poll.until(() -> given().get(path).then().statusCode(200).extract().jsonPath(),
                j -> List.of("COMPLETED", "FAILED_TEMP", "FAILED").contains(j.getString("operationState")), WAIT,
                operation + " op occ");
        String details = given().get("/app_lcm_ext/v1/app_lcm_op_occs/" + op.getString("id")).asString();
        if (!state.equals(op.getString("operationState"))) {
            throw new AssertionError(operation + " ended " + op.getString("operationState") + ": " + details);
        }
        return op.getString("id");
    }

    /** The counter image as a docker-archive whose manifest names {@code newTag}: loading it adds that tag. */
    static byte[] retagged(String newTag) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = edge1.exportImage(TestEngineAccess.counterImage());
                TarArchiveInputStream tar = new TarArchiveInputStream(in);
                TarArchiveOutputStream copy = new TarArchiveOutputStream(out)) {
            copy.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                byte[] data = tar.readAllBytes();
                if ("manifest.json".equals(e.getName())) {
                    ArrayNode manifest = (ArrayNode) json.readTree(data);
                    ((ObjectNode) manifest.get(0)).putArray("RepoTags").add(newTag);
                    data = json.writeValueAsBytes(manifest);
                } else if ("repositories".equals(e.getName())) {
                    continue;
                }
                TarArchiveEntry entry = new TarArchiveEntry(e.getName());
                entry.setSize(data.length);
                entry.setMode(e.getMode());
                copy.putArchiveEntry(entry);
                copy.write(data);
                copy.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }
}
