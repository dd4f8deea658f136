package org.edgemec.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ./mec demo} and the operator CLI as a user runs them, on the stack of {@code ./mec up}: the drone flies two
 * zone changes, the platform relocates the stateful counter twice (ALT_SVC, triggered by the drone's mobility
 * events), no request fails and the counter keeps count and token; the CLI lists hosts, apps and relocations and
 * says clearly what is wrong with an unknown instance. Each test stands alone.
 */
@ExtendWith(JourneyReport.class)
class DemoJourney {

    /** Two moves take about a minute on an idle machine; the bound leaves room for a loaded one. */
    static final long DEMO_TIMEOUT_S = 360;

    @BeforeAll
    static void stackIsUp() {
        for (String url : List.of(Stack.RELOCATION, Stack.LCM, Stack.EDGE1, Stack.EDGE2)) {
            Http.get(url + "/q/health/ready", null).expect(200);
        }
    }

    @Test
    void shouldRelocateTheCounterTwiceWithoutAFailedRequestWhenTheDroneFliesTwoMoves() throws Exception {
        Path err = Files.createTempFile("edgemec-demo-", ".progress");
        Path json = Files.createTempFile("edgemec-demo-", ".json");
        // Cli.run is bounded at 60 s, the demo runs longer: its own process with its own bound
        Process p = new ProcessBuilder(mec(), "demo", "--moves", "2", "--json").directory(Stack.ROOT.toFile())
                .redirectError(err.toFile()).redirectOutput(json.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(DEMO_TIMEOUT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("./mec demo did not end in " + DEMO_TIMEOUT_S + " s: " + Files.readString(err));
        }
        String progress = Files.readString(err);
        String out = Files.readString(json, StandardCharsets.UTF_8);
        Journal.note("$ ./mec demo --moves 2 --json -> exit " + p.exitValue() + "\n" + progress + "\n" + out);
        System.out.println("[demo] progress:\n" + progress);
        assertEquals(0, p.exitValue(), "./mec demo failed:\n" + progress + out);
        JsonNode summary = Http.JSON.readTree(out);
        System.out.println("[demo] summary: " + summary);
        assertTrue(summary.path("transactions").asInt() > 0, summary.toString());
        assertEquals(0, summary.path("failures").asInt(), summary.toString());
        assertTrue(summary.path("ok").asBoolean(), summary.toString());
        assertTrue(summary.at("/state/kept").asBoolean(), summary.toString());
        assertTrue(summary.path("p99Ms").asLong() >= summary.path("meanMs").asDouble(), summary.toString());
        JsonNode relocations = summary.path("relocations");
        assertEquals(2, relocations.size(), summary.toString());
        List<String> hosts = new ArrayList<>();
        for (JsonNode r : relocations) {
            assertEquals("COMPLETED", r.path("state").asText(), r.toString());
            List<String> steps = new ArrayList<>();
            r.path("steps").forEach(s -> {
                steps.add(s.path("name").asText());
                assertEquals("DONE", s.path("state").asText(), r.toString());
                assertTrue(s.path("durationMs").isNumber(), r.toString());
            });
            assertEquals(List.of("PLAN", "ANNOUNCE", "MOVE_STATE", "STEER_TRAFFIC", "FINALIZE"), steps, r.toString());
            hosts.add(r.path("sourceHost").asText() + "->" + r.path("targetHost").asText());
        }
        assertEquals(List.of("edge1->edge2", "edge2->edge1"), hosts, "the counter followed the drone there and back");
        // one progress line per step as it happened, on stderr while stdout carries the JSON
        assertEquals(10, progress.lines().filter(l -> l.matches("\\[relocation \\w+\\] [A-Z_]+ +DONE .*")).count(),
                progress);
        // what it created is gone again: no instance of a demo package is left
        String first = relocations.get(0).path("relocationId").asText();
        String instance = Http.get(Stack.RELOCATION + "/relocation/v1/relocations/" + first, Stack.OPERATOR)
                .expect(200).json().path("appInstanceId").asText();
        assertEquals(404, Http.get(Stack.LCM + "/app_lcm/v1/app_instances/" + instance, null).status(),
                "the demo removed its instance");
        // and the operator CLI shows the demo's relocation with its steps
        Cli.Result one = Cli.run(mec(), "relocations", first);
        assertEquals(0, one.exit(), one.out());
        assertTrue(one.out().contains("MOVE_STATE") && one.out().contains("COMPLETED"), one.out());
    }

    @Test
    void shouldListBothEdgeHostsWithTheirZones() {
        Cli.Result r = Cli.run(mec(), "hosts");
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().lines().findFirst().orElse("").startsWith("HOST"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("edge1 ") && l.contains("zone-edge1")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("edge2 ") && l.contains("zone-edge2")), r.out());
    }

    @Test
    void shouldListAppInstancesAndRelocationsAsJson() throws IOException {
        Cli.Result apps = Cli.run(mec(), "apps", "--json");
        assertEquals(0, apps.exit(), apps.out());
        JsonNode list = Http.JSON.readTree(apps.out());
        assertTrue(list.isArray(), apps.out());
        for (JsonNode i : list) {
            assertFalse(i.path("id").asText().isEmpty(), i.toString());
            assertTrue(i.has("name") && i.has("state") && i.has("host"), i.toString());
            // an instantiated app runs somewhere: the CLI names its host
            if (i.path("state").asText().startsWith("INSTANTIATED")) {
                assertFalse(i.path("host").asText("").isBlank(), i.toString());
            }
        }
        Cli.Result relocations = Cli.run(mec(), "relocations", "--json");
        assertEquals(0, relocations.exit(), relocations.out());
        JsonNode rl = Http.JSON.readTree(relocations.out());
        assertTrue(rl.isArray(), relocations.out());
        rl.forEach(x -> assertNotEquals("", x.path("relocationId").asText(), x.toString()));
    }

    @Test
    void shouldFailClearlyWhenTheInstanceIsUnknown() {
        Cli.Result r = Cli.run(mec(), "relocate", "no-such-instance", "--to", "edge2", "--steer", "dns");
        assertNotEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("no app instance no-such-instance"), r.out());
        Cli.Result steer = Cli.run(mec(), "relocate", "no-such-instance", "--to", "edge2", "--steer", "bgp");
        assertEquals(2, steer.exit(), steer.out());
        assertTrue(steer.out().contains("use dns, traffic or altsvc"), steer.out());
    }

    private static String mec() {
        return Stack.ROOT.resolve("mec").toString();
    }
}
