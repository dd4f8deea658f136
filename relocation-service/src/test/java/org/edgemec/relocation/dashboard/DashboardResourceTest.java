package org.edgemec.relocation.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.edgemec.relocation.persistence.RelocationEntity;
import org.edgemec.relocation.persistence.RelocationRepository;
import org.edgemec.relocation.persistence.RelocationStepEntity;
import org.edgemec.relocation.persistence.RelocationStepRepository;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

/** The dashboard's page and data routes on the real database: relocation rows with their steps, token, SSE. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class DashboardResourceTest {

    private static final String TOKEN = "edgemec-operator-dev-token";

    @Inject
    RelocationRepository relocations;
    @Inject
    RelocationStepRepository steps;
    @Inject
    ObjectMapper json;
    @TestHTTPResource("/dashboard/v1/events")
    URL events;

    @Test
    void shouldShowARelocationWithItsStepsInOrderWithTheirDurations() {
        String id = completedRelocation();
        JsonNode row = row(given().header("Authorization", "Bearer " + TOKEN).get("/dashboard/v1/snapshot")
                .then().statusCode(200).extract().asString(), id);
        assertEquals("COMPLETED", row.path("state").asText());
        assertEquals(420, row.path("downtimeMs").asLong());
        List<String> names = new ArrayList<>();
        row.path("steps").forEach(s -> names.add(s.path("name").asText() + "=" + s.path("durationMs").asLong()));
        assertEquals(List.of("PLAN=10", "ANNOUNCE=20", "MOVE_STATE=900", "STEER_TRAFFIC=40", "FINALIZE=50"), names);
    }

    @Test
    void shouldTakeTheOperatorTokenAsQueryParameterAndRefuseWithoutIt() {
        given().get("/dashboard/v1/snapshot").then().statusCode(401)
                .contentType(containsString("application/problem+json")).body("status", equalTo(401));
        given().get("/dashboard/v1/snapshot?token=wrong").then().statusCode(401);
        given().get("/dashboard/v1/events").then().statusCode(401);
        given().get("/dashboard/v1/snapshot?token=" + TOKEN).then().statusCode(200)
                .body("sources[0].name", equalTo("relocation-service database"))
                .body("sources[0].up", equalTo(true));
    }

    @Test
    void shouldStreamSnapshotsAsServerSentEvents() throws Exception {
        String id = completedRelocation();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<InputStream> answer = client.send(HttpRequest.newBuilder(URI.create(events + "?token=" + TOKEN))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
            // the first event at once, the next one after the poll interval
            for (int event = 0; event < 2; event++) {
                String name = null;
                String line;
                while ((line = lines.readLine()) != null && !line.startsWith("data:")) {
                    name = line.startsWith("event:") ? line.substring(6).trim() : name;
                }
                assertEquals("snapshot", name);
                assertEquals(id, row(line.substring(5), id).path("relocationId").asText());
            }
        }
    }

    @Test
    void shouldServeThePageWithItsHooksForTheBrowserTest() {
        given().get("/dashboard/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<canvas id=\"plot\" data-points=\"0\""))
                .body(containsString("/dashboard/dashboard.js"));
        given().redirects().follow(false).get("/dashboard?token=x").then().statusCode(302)
                .header("Location", "/dashboard/?token=x");
        given().get("/dashboard/dashboard.js").then().statusCode(200)
                .body(containsString("data-relocation-id")).body(containsString("data-step-name"));
    }

    private JsonNode row(String snapshot, String id) {
        try {
            for (JsonNode r : json.readTree(snapshot).path("relocations")) {
                if (id.equals(r.path("relocationId").asText())) {
                    return r;
                }
            }
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + snapshot, e);
        }
        throw new AssertionError("relocation " + id + " not in " + snapshot);
    }

    /** A finished relocation, newer than any other so that it is in the timeline. */
    private String completedRelocation() {
        String id = UUID.randomUUID().toString();
        OffsetDateTime start = OffsetDateTime.now().plusYears(1);
        QuarkusTransaction.requiringNew().run(() -> {
            RelocationEntity e = new RelocationEntity();
            e.relocationId = id;
            e.appInstanceId = "app-" + id;
            e.sourceHost = "edge1";
            e.targetHost = "edge2";
            e.request = "{}";
            e.steering = "ALT_SVC";
            e.stateTransfer = "CHECKPOINT";
            e.state = "COMPLETED";
            e.context = "{}";
            e.downtimeMs = 420L;
            e.createdAt = start;
            e.updatedAt = start;
            e.nextRunAt = start;
            e.endedAt = start.plusNanos(1_020_000_000L);
            relocations.persist(e);
            OffsetDateTime at = start;
            int seq = 0;
            for (String step : List.of("PLAN=10", "ANNOUNCE=20", "MOVE_STATE=900", "STEER_TRAFFIC=40", "FINALIZE=50")) {
                long ms = Long.parseLong(step.substring(step.indexOf('=') + 1));
                RelocationStepEntity s = new RelocationStepEntity();
                s.key = new RelocationStepEntity.Key(id, ++seq);
                s.name = step.substring(0, step.indexOf('='));
                s.state = "DONE";
                s.startedAt = at;
                s.endedAt = at.plusNanos(ms * 1_000_000);
                s.durationMs = ms;
                s.attempts = 1;
                steps.persist(s);
                at = s.endedAt;
            }
        });
        return id;
    }
}
