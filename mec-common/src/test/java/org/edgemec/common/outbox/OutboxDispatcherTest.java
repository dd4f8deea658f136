package org.edgemec.common.outbox;

import org.edgemec.common.callback.CallbackAllowList;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dispatcher's decision per row: sent, failed (retried later) or refused (given up, nothing sent). */
class OutboxDispatcherTest {

    /** The ledger's outcomes as calls, without a database: the SQL side is covered by the services' outbox tests. */
    static final class RecordingLedger extends OutboxLedger {
        final List<Due> due = new ArrayList<>();
        final List<String> outcomes = new ArrayList<>();

        RecordingLedger() {
            super(null, null, null);
        }

        @Override
        public List<Due> claimDue() {
            return due;
        }

        @Override
        public void delivered(String id) {
            outcomes.add("delivered " + id);
        }

        @Override
        public void failed(String id, String error) {
            outcomes.add("failed " + id + ": " + error);
        }

        @Override
        public void refused(String id, String reason) {
            outcomes.add("refused " + id + ": " + reason);
        }
    }

    @Test
    void shouldSendNothingToAHostThatResolvesOutsideTheAllowedNetworksAndGiveTheRowUp() {
        RecordingLedger ledger = new RecordingLedger();
        ledger.due.add(new OutboxLedger.Due("a", "http://allowed.example/cb", "{}"));
        ledger.due.add(new OutboxLedger.Due("b", "http://rebound.example/cb", "{}"));
        ledger.due.add(new OutboxLedger.Due("c", "http://gone.example/cb", "{}"));
        CallbackAllowList allowList = new CallbackAllowList(List.of("10.0.0.0/8"), host -> switch (host) {
            case "allowed.example" -> new InetAddress[] {InetAddress.getByName("10.0.0.7")};
            case "rebound.example" -> new InetAddress[] {InetAddress.getByName("10.0.0.8"),
                    InetAddress.getByName("169.254.169.254")};
            default -> throw new java.net.UnknownHostException(host);
        });
        List<String> posted = new ArrayList<>();
        OutboxDispatcher dispatcher = new OutboxDispatcher(ledger, (uri, body) -> posted.add(uri), allowList);

        dispatcher.deliverDue();

        assertEquals(List.of("http://allowed.example/cb"), posted);
        assertEquals("delivered a", ledger.outcomes.get(0));
        assertTrue(ledger.outcomes.get(1).startsWith("refused b: host rebound.example resolves to 169.254.169.254"),
                ledger.outcomes.toString());
        // a name that does not resolve now may resolve later: an ordinary failure, retried with backoff
        assertTrue(ledger.outcomes.get(2).startsWith("failed c: callback host gone.example cannot be resolved"),
                ledger.outcomes.toString());
    }
}
