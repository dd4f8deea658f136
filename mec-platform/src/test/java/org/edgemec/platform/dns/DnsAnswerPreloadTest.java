package org.edgemec.platform.dns;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.edgemec.platform.domain.rules.ActiveDnsRules;
import org.edgemec.platform.provisioning.Mp1Apps;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DNS server's answers are preloaded from PostgreSQL (every name in one read) at start and after each change, so
 * a name is in memory before anybody asks for it; and the bulk read answers exactly what the per-name read does.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class DnsAnswerPreloadTest {

    @Inject
    DnsServerLifecycle server;
    @Inject
    ActiveDnsRules rules;

    @Test
    void shouldHoldANewNameInMemoryBeforeItIsQueried() throws Exception {
        Mp1Apps.App app = Mp1Apps.provision();
        String domain = app.id() + ".example.mec";
        // nothing has queried the name: only the preload after the provisioning's commit can have put it there
        List<ActiveDnsRules.DnsRecord> held = awaitInMemory(domain);
        assertEquals(List.of("10.88.0.5"), held.stream().map(ActiveDnsRules.DnsRecord::ipAddress).toList());
        assertEquals(rules.find(domain), held);
    }

    @Test
    void shouldReadInBulkWhatTheNameByNameReadAnswers() {
        Mp1Apps.App plain = Mp1Apps.provision();
        Mp1Apps.App steered = Mp1Apps.provision();
        given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON)
                .body("""
                        {"strategy": "DNS", "target": {"host": "10.88.0.42", "port": 8080}}""")
                .put(Mp1Apps.APPS + "/" + steered.id() + "/steering").then().statusCode(200);

        Map<String, List<ActiveDnsRules.DnsRecord>> all = rules.findAll();
        assertTrue(all.containsKey(plain.id() + ".example.mec"), all.keySet().toString());
        List<ActiveDnsRules.DnsRecord> steeredRecords = all.get(steered.id() + ".example.mec");
        assertNotNull(steeredRecords, all.keySet().toString());
        assertEquals(List.of("10.88.0.42"), steeredRecords.stream().map(ActiveDnsRules.DnsRecord::ipAddress).toList(),
                "a steered name answers the target, not the rule");
        all.forEach((name, records) -> assertEquals(rules.find(name), records, name));
        assertFalse(all.values().stream().anyMatch(List::isEmpty), "names without records are absent");
    }

    private List<ActiveDnsRules.DnsRecord> awaitInMemory(String domain) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<ActiveDnsRules.DnsRecord> held = server.answers().findInMemory(domain);
        while ((held == null || held.isEmpty()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
            held = server.answers().findInMemory(domain);
        }
        assertNotNull(held, domain + " not preloaded");
        return held;
    }
}
