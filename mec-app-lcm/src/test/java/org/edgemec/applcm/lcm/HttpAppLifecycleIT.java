package org.edgemec.applcm.lcm;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.edgemec.applcm.adapters.engine.DockerApiEngine;
import org.edgemec.applcm.adapters.engine.TestEngineAccess;
import org.edgemec.applcm.domain.engine.ContainerInfo;
import org.edgemec.applcm.domain.lcm.LcmOperationRunner;
import org.edgemec.applcm.support.Poll;
import org.edgemec.applcm.support.TestPackages;
import org.edgemec.testsupport.RealInfrastructureResource;
import io.restassured.path.json.JsonPath;
import org.edgemec.applcm.adapters.engine.PodmanEngine;
import org.edgemec.applcm.domain.engine.ContainerSpec;
import org.junit.jupiter.api.Test;

/**
 * An app that serves HTTP (test-images/build.sh: busybox httpd on port 8080), run through the LCM on the real Podman
 * host edge1 and on the real Docker host: the test reaches the instance at the address the LCM reports after each
 * start, and sees it stop answering while stopped.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class HttpAppLifecycleIT {

    static final String IMAGE = "localhost/edgemec/httpd:latest";
    static final String PAGE_TEXT = "edgemec httpd test app";
    static final Duration WAIT = RealEngineLifecycleIT.WAIT;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void shouldServeHttpOnPodmanEdge1AndStopAnsweringWhileStopped() {
        // engine-level: a host without a platform (the journey suite proves provisioning on the real mec-platform)
        try (DockerApiEngine edge1 = TestEngineAccess.podman("edge1")) {
            String host = RealEngineLifecycleIT.host(null);
            String id = onboardAndCreate(edge1);
            String op = RealEngineLifecycleIT.run(id, "instantiate", Map.of("selectedMECHostInfo",
                    List.of(Map.of("hostName", host, "hostId", Map.of("name", host)))), "COMPLETED");
            String container = container(id);
            String address = address(op);
            assertEquals(PAGE_TEXT, awaitPage(address));

            operateStopStart(id, address);
            RealEngineLifecycleIT.run(id, "terminate", Map.of("terminationType", "FORCEFUL"), "COMPLETED");
            assertTrue(edge1.inspect(container).isEmpty(), "container removed");
        }
    }

    /**
     * Cancel on a real operation: busybox httpd as PID 1 ignores SIGTERM, so a GRACEFUL terminate's stop waits its
     * whole timeout on Podman; a GRACEFUL cancel sent meanwhile lets the stop finish and ends the op occ at that step
     * boundary, FAILED_TEMP with the container stopped and not removed (a stop is not undone); the retry completes.
     */
    @Test
    void shouldEndAGracefullyCancelledTerminateAtItsNextStepAndFinishItOnRetry() {
        try (DockerApiEngine edge1 = TestEngineAccess.podman("edge1")) {
            String host = RealEngineLifecycleIT.host(null);
            String id = onboardAndCreate(edge1);
            RealEngineLifecycleIT.run(id, "instantiate", Map.of("selectedMECHostInfo",
                    List.of(Map.of("hostName", host, "hostId", Map.of("name", host)))), "COMPLETED");
            String container = container(id);
            String location = given().contentType(ContentType.JSON).body(Map.of("terminationType", "GRACEFUL",
                    "gracefulTerminationTimeout", 6)).post("/app_lcm/v1/app_instances/" + id + "/terminate").then()
                    .statusCode(202).extract().header("Location");
            String op = location.substring(location.indexOf("/app_lcm/"));
            Poll.until(() -> given().get(op).then().extract().jsonPath().getString("operationState"),
                    "PROCESSING"::equals, WAIT, "terminate PROCESSING");
            long start = System.nanoTime();
            given().contentType(ContentType.JSON).body(Map.of("CancelMode", "GRACEFUL")).post(op + "/cancel").then()
                    .statusCode(202);
            JsonPath failed = Poll.until(() -> given().get(op).then().extract().jsonPath(),
                    j -> !"PROCESSING".equals(j.getString("operationState")), WAIT, "terminate settles");
            assertEquals("FAILED_TEMP", failed.getString("operationState"), failed.prettify());
            JsonPath details = given().get("/app_lcm_ext/v1/app_lcm_op_occs/" + failed.getString("id")).then()
                    .extract().jsonPath();
            assertEquals(409, details.getInt("error.status"), details.prettify());
            assertTrue(details.getString("error.detail").contains("GRACEFUL"), details.prettify());
            List<String> steps = details.getList("steps.step");
            assertTrue(steps.stream().anyMatch(x -> x.startsWith("container stopped")), steps.toString());
            assertTrue(steps.stream().noneMatch(x -> x.startsWith("container removed")), steps.toString());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos(), "at the next step, not later");
            assertTrue(edge1.inspect(container).map(c -> !c.running()).orElse(false), "stopped, not removed");
            given().get("/app_lcm/v1/app_instances/" + id).then().statusCode(200);
            assertEquals("INSTANTIATED", given().get("/app_lcm/v1/app_instances/" + id).then().extract()
                    .path("instantiationState"));

            given().post(op + "/retry").then().statusCode(202);
            Poll.until(() -> given().get(op).then().extract().jsonPath().getString("operationState"),
                    "COMPLETED"::equals, WAIT, "retried terminate COMPLETED");
            assertTrue(edge1.inspect(container).isEmpty(), "container removed by the retry");
            assertEquals("NOT_INSTANTIATED", given().get("/app_lcm/v1/app_instances/" + id).then().extract()
                    .path("instantiationState"));
        }
    }

    @Test
    void shouldRunHttpAppOnDockerHostThroughTheLcm() {
        try (DockerApiEngine docker = TestEngineAccess.docker()) {
            String host = "it" + UUID.randomUUID().toString().substring(0, 8);
            given().contentType(ContentType.JSON).body(Map.of("name", host, "engineKind", "DOCKER",
                    "engineEndpoint", TestEngineAccess.dockerEndpoint())).post("/app_lcm_ext/v1/mec_hosts").then()
                    .statusCode(201);
            String id = onboardAndCreate(docker);
            String op = RealEngineLifecycleIT.run(id, "instantiate", Map.of("selectedMECHostInfo",
                    List.of(Map.of("hostName", host, "hostId", Map.of("name", host)))), "COMPLETED");
            String container = container(id);
            assertTrue(docker.inspect(container).map(ContainerInfo::running).orElse(false), "runs on docker");
            String address = address(op);
            assertEquals(PAGE_TEXT, awaitPage(address));

            operateStopStart(id, address);
            assertTrue(docker.inspect(container).map(ContainerInfo::running).orElse(false), "restarted on docker");
            RealEngineLifecycleIT.run(id, "terminate", Map.of("terminationType", "GRACEFUL",
                    "gracefulTerminationTimeout", 1), "COMPLETED");
            assertTrue(docker.inspect(container).isEmpty(), "container removed from docker");
        }
    }

    /**
     * AUTO moves of the HTTP app: STOP_AND_COPY edge1 -> edge2 commits by itself, with firstResponseMs measured by a
     * TCP connect to the target endpoint (port 8080 from the image) and the page answering there; then COLD back to
     * edge1: a fresh container that keeps the source's environment, labels and memory limit.
     */
    @Test
    void shouldMoveHttpAppWithAutoCommitMeasureFirstResponseAndMoveItBackCold() {
        try (PodmanEngine edge1 = TestEngineAccess.podman("edge1"); PodmanEngine edge2 = TestEngineAccess.podman("edge2")) {
            String from = RealEngineLifecycleIT.host(null);
            String to = RealEngineLifecycleIT.host(null, "edge2");
            String id = onboardAndCreate(edge1);
            String op = RealEngineLifecycleIT.run(id, "instantiate", Map.of("selectedMECHostInfo",
                    List.of(Map.of("hostName", from, "hostId", Map.of("name", from)))), "COMPLETED");
            String container = container(id);
            assertEquals(PAGE_TEXT, awaitPage(address(op)));
            ContainerSpec before = edge1.specOf(container).orElseThrow();

            JsonPath moved = RealEngineLifecycleIT.startAndAwait(id, Map.of("targetHost", to), "COMMITTED");
            System.out.println("MOVE-TIMINGS auto httpd edge1->edge2: " + moved.getMap("timings"));
            assertEquals("AUTO", moved.getString("commit"));
            assertEquals(8080, moved.getInt("targetEndpoint.port"), moved.prettify());
            assertEquals(8080, moved.getInt("sourceEndpoint.port"), moved.prettify());
            long first = moved.getLong("timings.firstResponseMs");
            assertTrue(first >= moved.getLong("timings.freezeDumpMs") && first <= moved.getLong("timings.totalMs"),
                    moved.prettify());
            assertEquals(List.of("STARTED", "GRANTED", "IMAGE_READY", "DUMPED", "RESTORED", "SOURCE_REMOVED",
                    "COMMITTED"), moved.getList("phases.phase"));
            assertTrue(edge1.inspect(container).isEmpty(), "source removed");
            assertEquals(PAGE_TEXT, awaitPage(moved.getString("targetEndpoint.host")));

            JsonPath cold = RealEngineLifecycleIT.startAndAwait(id, Map.of("targetHost", from, "mode", "COLD"),
                    "COMMITTED");
            System.out.println("MOVE-TIMINGS auto COLD httpd edge2->edge1: " + cold.getMap("timings"));
            assertTrue(cold.get("archiveBytes") == null, cold.prettify());
            ContainerSpec after = edge1.specOf(cold.getString("targetContainerId")).orElseThrow();
            assertEquals(before.env(), after.env(), "environment kept");
            assertEquals(before.labels(), after.labels(), "labels kept");
            assertEquals(before.memoryBytes(), after.memoryBytes(), "memory limit kept");
            assertEquals(before.nanoCpus(), after.nanoCpus(), "CPU limit kept");
            assertTrue(edge2.inspect(container).isEmpty(), "COLD source removed from edge2");
            assertEquals(PAGE_TEXT, awaitPage(cold.getString("targetEndpoint.host")));
            RealEngineLifecycleIT.run(id, "terminate", Map.of("terminationType", "FORCEFUL"), "COMPLETED");
        }
    }

    /** STOPPED: the page no longer answers; STARTED: it answers again at the (possibly new) reported address. */
    private static void operateStopStart(String id, String address) {
        RealEngineLifecycleIT.run(id, "operate", Map.of("changeStateTo", "STOPPED", "stopType", "FORCEFUL"),
                "COMPLETED");
        given().get("/app_lcm/v1/app_instances/" + id).then().body("instantiatedAppState.operationalState",
                org.hamcrest.Matchers.equalTo("STOPPED"));
        Poll.until(() -> fetch(address) == null, silent -> silent, WAIT, "httpd stops answering");
        String op = RealEngineLifecycleIT.run(id, "operate", Map.of("changeStateTo", "STARTED"), "COMPLETED");
        assertEquals(PAGE_TEXT, awaitPage(address(op)));
    }

    private static String onboardAndCreate(DockerApiEngine engine) {
        String appDId = TestPackages.newAppDId();
        RealEngineLifecycleIT.onboard(appDId, IMAGE, exported(engine));
        return RealEngineLifecycleIT.instance(appDId);
    }

    private static byte[] exported(DockerApiEngine engine) {
        try (InputStream in = engine.exportImage(IMAGE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String container(String id) {
        return given().get("/app_lcm/v1/app_instances/" + id).then().extract()
                .path("instantiatedAppState.mcioInfo[0].mcioName");
    }

    /** The instance's address as the op occ recorded it after starting the container. */
    private static String address(String opId) {
        List<String> steps = given().get("/app_lcm_ext/v1/app_lcm_op_occs/" + opId).then().statusCode(200)
                .extract().path("steps.step");
        return steps.stream().filter(s -> s.startsWith(LcmOperationRunner.ADDRESS_STEP))
                .map(s -> s.substring(LcmOperationRunner.ADDRESS_STEP.length())).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no address step in " + steps));
    }

    private static String awaitPage(String address) {
        String body = Poll.until(() -> fetch(address), b -> b != null, WAIT, "httpd answers at " + address);
        return body.replaceAll("(?s).*<p>(.*)</p>.*", "$1");
    }

    /** The index page at {@code address}:8080, or null when nothing answers. */
    private static String fetch(String address) {
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://" + address + ":8080/index.html"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
