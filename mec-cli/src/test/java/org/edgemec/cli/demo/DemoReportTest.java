package org.edgemec.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.edgemec.cli.api.ServiceClient;
import org.junit.jupiter.api.Test;

class DemoReportTest {

    private static final long T0 = java.time.OffsetDateTime.parse("2026-12-03T20:00:00Z").toInstant().toEpochMilli();

    private static Transactions.Transaction ok(int seq, long at, long ms, long count) {
        return new Transactions.Transaction(seq, T0 + at, ms, true, null, count, "tok", "127.0.0.1:18443");
    }

    private static JsonNode relocation(String state) throws Exception {
        return ServiceClient.JSON.readTree("{\"relocationId\":\"r1\",\"sourceHost\":\"edge1\",\"targetHost\":\"edge2\","
                + "\"steering\":\"ALT_SVC\",\"state\":\"" + state + "\",\"downtimeMs\":412,"
                + "\"createdAt\":\"2026-12-03T20:00:01Z\",\"endedAt\":\"2026-12-03T20:00:03Z\",\"steps\":["
                + "{\"seq\":1,\"name\":\"PLAN\",\"state\":\"DONE\",\"durationMs\":35},"
                + "{\"seq\":2,\"name\":\"MOVE_STATE\",\"state\":\"DONE\",\"durationMs\":1200}]}");
    }

    private static CounterCheck state(List<Transactions.Transaction> tx) {
        CounterCheck c = new CounterCheck();
        tx.stream().filter(Transactions.Transaction::ok).forEach(t -> c.accept(t.seq(), t.count(), t.token()));
        return c;
    }

    @Test
    void shouldSucceedAndShowStepsAndTheClientsLongestGapWhenEverythingWasKept() throws Exception {
        List<Transactions.Transaction> tx = List.of(ok(1, 0, 5, 1), ok(2, 500, 5, 2), ok(3, 1000, 5, 3),
                ok(4, 1500, 900, 4), ok(5, 2500, 5, 5), ok(6, 3000, 5, 6));
        DemoReport r = new DemoReport(tx, state(tx), List.of(relocation("COMPLETED")), List.of(), 1);
        assertEquals(List.of(), r.problems());
        String text = r.render();
        assertTrue(text.contains("transactions  6, failures 0"), text);
        assertTrue(text.contains("p99 900 ms"), text);
        assertTrue(text.contains("PLAN DONE 35 ms | MOVE_STATE DONE 1200 ms"), text);
        // answers at 505, 1005, 2400, 2505, 3005; from the relocation's start (1000) the longest gap is 1395 ms
        assertEquals(1395, r.clientGapMs(relocation("COMPLETED")));
        assertTrue(text.contains("result        OK"), text);
        assertEquals(true, r.toJson().path("ok").asBoolean());
        assertEquals(2, r.toJson().at("/relocations/0/steps").size());
    }

    @Test
    void shouldFailNamingTheReasonsWhenARequestFailedAndARelocationDidNotComplete() throws Exception {
        List<Transactions.Transaction> tx = List.of(ok(1, 0, 5, 1),
                new Transactions.Transaction(2, T0 + 500, 10_000, false, "timed out", 0, null, null), ok(3, 1000, 5, 3));
        DemoReport r = new DemoReport(tx, state(tx), List.of(relocation("FAILED")), List.of(), 1);
        List<String> p = r.problems();
        assertTrue(p.contains("1 of 3 transactions failed"), p.toString());
        assertTrue(p.stream().anyMatch(x -> x.startsWith("the counter lost its state")), p.toString());
        assertTrue(p.contains("0 of 1 relocations COMPLETED"), p.toString());
        assertTrue(r.render().contains("result        FAILED"), r.render());
    }
}
