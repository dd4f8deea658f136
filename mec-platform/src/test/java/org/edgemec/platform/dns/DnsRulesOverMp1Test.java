package org.edgemec.platform.dns;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.edgemec.platform.provisioning.Db;
import org.edgemec.platform.provisioning.Mp1Apps;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end with the real rule source: DnsRules provisioned and changed over the HTTP APIs (PostgreSQL behind
 * them) are answered by the DNS server to dig from the next query on.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class DnsRulesOverMp1Test {

    @Inject
    DnsServerLifecycle server;

    @Inject
    DataSource dataSource;

    @Test
    void shouldAnswerProvisionedRuleAndFollowMp1ChangesWhenQueriedWithDig() {
        DnsProbe dns = new DnsProbe(server.address().getPort());
        Mp1Apps.App app = Mp1Apps.provision();
        String domain = app.id() + ".example.mec";
        String rule = "/mec_app_support/v2/applications/" + app.id() + "/dns_rules/dr1";

        assertEquals("10.88.0.5", dns.dig(domain, "A", "+short"));
        assertTrue(dns.dig(domain, "A", "+noall", "+answer").matches("(?is)" + domain + "\\.\\s+30\\s+IN\\s+A\\s+10\\.88\\.0\\.5"),
                "the TTL of the rule");

        update(app, rule, domain, "10.88.0.9", "ACTIVE");
        assertEquals("10.88.0.9", dns.dig(domain, "A", "+short"));

        update(app, rule, domain, "10.88.0.9", "INACTIVE");
        assertTrue(dns.dig(domain, "A").contains("status: NXDOMAIN"), "an INACTIVE rule is not answered");

        update(app, rule, domain, "10.88.0.11", "ACTIVE");
        assertEquals("10.88.0.11", dns.dig(domain, "A", "+short", "+tcp"));

        Mp1Apps.deprovision(app.id());
        assertTrue(dns.dig(domain, "A").contains("status: NXDOMAIN"), "the rules of a removed app are gone");
    }

    /**
     * Answers come from memory until a table they are made of changes. A rule changed outside this replica (another
     * replica's change, written here with plain SQL) is answered once PostgreSQL's NOTIFY has arrived.
     */
    @Test
    void shouldAnswerARuleChangedOutsideThisReplicaOnceNotified() {
        DnsProbe dns = new DnsProbe(server.address().getPort());
        Mp1Apps.App app = Mp1Apps.provision();
        String domain = app.id() + ".example.mec";
        assertEquals("10.88.0.5", dns.dig(domain, "A", "+short"));

        assertEquals(1, Db.update(dataSource, "update {s}.dns_rule set "
                + "body = replace(body, '10.88.0.5', '10.88.0.77') where app_instance_id = ? and domain_name = ?",
                app.id(), domain));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String answer;
        while (!(answer = dns.dig(domain, "A", "+short")).equals("10.88.0.77")) {
            assertTrue(System.nanoTime() < deadline, "still " + answer + " 10 s after the change");
        }
        Mp1Apps.deprovision(app.id());
        assertTrue(dns.dig(domain, "A").contains("status: NXDOMAIN"), "the rules of a removed app are gone");
    }

    private static void update(Mp1Apps.App app, String rule, String domain, String ip, String state) {
        String etag = given().header("Authorization", app.bearer()).get(rule).then().statusCode(200)
                .extract().header("ETag");
        given().header("Authorization", app.bearer()).header("If-Match", etag).contentType(ContentType.JSON)
                .body("""
                        {"dnsRuleId": "dr1", "domainName": "%s", "ipAddressType": "IP_V4", "ipAddress": "%s",
                         "ttl": 30, "state": "%s"}""".formatted(domain, ip, state))
                .put(rule).then().statusCode(200);
    }
}
