package org.edgemec.platform.dns;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.edgemec.platform.provisioning.Mp1Apps;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The convention for emulated edges: an AppD DNS rule with the unspecified address (0.0.0.0 / ::) follows the
 * instance's reported endpoint. Checked with dig against the application's DNS server and over Mp1.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class EndpointFollowingDnsRulesTest {

    @Inject
    DnsServerLifecycle server;

    private static Mp1Apps.App provision(String id, String endpoint) {
        var response = given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON).body("""
                {"appInstanceId": "%s", "appDId": "d-follow", "appName": "follow", "appProvider": "acme",
                 "appSoftVersion": "1.0"%s,
                 "appDNSRule": [
                   {"dnsRuleId": "v4", "domainName": "%s.follow.mec", "ipAddressType": "IP_V4", "ipAddress": "0.0.0.0",
                    "ttl": 20},
                   {"dnsRuleId": "v6", "domainName": "%s.follow6.mec", "ipAddressType": "IP_V6", "ipAddress": "::"}]}
                """.formatted(id, endpoint == null ? "" : ", \"endpoint\": " + endpoint, id, id))
                .post(Mp1Apps.APPS).then().statusCode(201).extract();
        String clientId = response.path("clientId");
        String secret = response.path("clientSecret");
        return new Mp1Apps.App(id, clientId, secret, Mp1Apps.token(clientId, secret));
    }

    private static void report(String id, String endpoint) {
        given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON).body(endpoint)
                .put(Mp1Apps.APPS + "/" + id + "/endpoint").then().statusCode(200);
    }

    private static String rule(Mp1Apps.App app, String id) {
        return "/mec_app_support/v2/applications/" + app.id() + "/dns_rules/" + id;
    }

    private static void mp1Put(Mp1Apps.App app, String ip, String state) {
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON).body("""
                {"dnsRuleId": "v4", "domainName": "%s.follow.mec", "ipAddressType": "IP_V4", "ipAddress": "%s",
                 "ttl": 20, "state": "%s"}""".formatted(app.id(), ip, state))
                .put(rule(app, "v4")).then().statusCode(200).body("ipAddress", equalTo(ip));
    }

    @Test
    void shouldAnswerTheReportedEndpointHostAndFollowItWhenReportedAgain() {
        DnsProbe dns = new DnsProbe(server.address().getPort());
        Mp1Apps.App app = provision(Mp1Apps.newId(), null);
        String v4 = app.id() + ".follow.mec";
        String v6 = app.id() + ".follow6.mec";

        assertTrue(dns.dig(v4, "A").contains("status: NXDOMAIN"), "not answered before an endpoint is reported");
        assertTrue(dns.dig(v6, "AAAA").contains("status: NXDOMAIN"));
        String etag = given().header("Authorization", app.bearer()).get(rule(app, "v4")).then().statusCode(200)
                .body("ipAddress", equalTo("0.0.0.0")).extract().header("ETag");

        report(app.id(), "{\"host\": \"10.88.0.21\", \"port\": 8080}");
        assertEquals("10.88.0.21", dns.dig(v4, "A", "+short"));
        assertTrue(dns.dig(v4, "A", "+noall", "+answer").matches("(?is).*\\s20\\s+IN\\s+A\\s+10\\.88\\.0\\.21"),
                "the rule's TTL");
        String shown = given().header("Authorization", app.bearer()).get(rule(app, "v4")).then().statusCode(200)
                .body("ipAddress", equalTo("10.88.0.21")).extract().header("ETag");
        assertNotEquals(etag, shown, "the rule changed, so did its ETag");
        given().header("Authorization", app.bearer()).get("/mec_app_support/v2/applications/" + app.id()
                + "/dns_rules").then().statusCode(200).body("find { it.dnsRuleId == 'v4' }.ipAddress",
                equalTo("10.88.0.21"));
        assertTrue(dns.dig(v6, "AAAA").contains("status: NXDOMAIN"), "an IPv4 endpoint does not answer an IP_V6 rule");

        report(app.id(), "{\"host\": \"10.88.0.22\", \"port\": 8080}");
        assertEquals("10.88.0.22", dns.dig(v4, "A", "+short"), "re-reported: the new host");

        // the app changes only the state (writing back the address it was shown): the rule keeps following
        mp1Put(app, "10.88.0.22", "INACTIVE");
        assertTrue(dns.dig(v4, "A").contains("status: NXDOMAIN"));
        mp1Put(app, "10.88.0.22", "ACTIVE");
        report(app.id(), "{\"host\": \"10.88.0.23\"}");
        assertEquals("10.88.0.23", dns.dig(v4, "A", "+short"));

        // an IPv6 endpoint answers the IP_V6 rule (and not the IP_V4 one)
        report(app.id(), "{\"host\": \"fd00::23\", \"port\": 8080}");
        assertEquals("fd00::23", dns.dig(v6, "AAAA", "+short"));
        assertTrue(dns.dig(v4, "A").contains("status: NXDOMAIN"), dns.dig(v4, "A"));

        // a concrete address set over Mp1 ends the following
        mp1Put(app, "10.88.0.99", "ACTIVE");
        report(app.id(), "{\"host\": \"10.88.0.24\"}");
        assertEquals("10.88.0.99", dns.dig(v4, "A", "+short"));
        // and the unspecified address over Mp1 starts it again, with the endpoint known
        given().header("Authorization", app.bearer()).contentType(ContentType.JSON).body("""
                {"dnsRuleId": "v4", "domainName": "%s.follow.mec", "ipAddressType": "IP_V4", "ipAddress": "0.0.0.0",
                 "ttl": 20, "state": "ACTIVE"}""".formatted(app.id()))
                .put(rule(app, "v4")).then().statusCode(200).body("ipAddress", equalTo("10.88.0.24"));
        assertEquals("10.88.0.24", dns.dig(v4, "A", "+short"));
        Mp1Apps.deprovision(app.id());
    }

    @Test
    void shouldAnswerTheEndpointKnownAtProvisioningAtOnce() {
        DnsProbe dns = new DnsProbe(server.address().getPort());
        Mp1Apps.App app = provision(Mp1Apps.newId(), "{\"host\": \"10.88.0.31\", \"port\": 8080}");
        assertEquals("10.88.0.31", dns.dig(app.id() + ".follow.mec", "A", "+short"));
        given().header("Authorization", Mp1Apps.OPERATOR).get(Mp1Apps.APPS + "/" + app.id()).then().statusCode(200)
                .body("appDNSRule[0].ipAddress", equalTo("0.0.0.0")); // the provisioning as received
        Mp1Apps.deprovision(app.id());
    }
}
