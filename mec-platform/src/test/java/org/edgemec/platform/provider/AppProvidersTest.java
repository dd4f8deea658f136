package org.edgemec.platform.provider;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.edgemec.platform.domain.rules.ActiveDnsRules;
import org.edgemec.platform.domain.rules.ActiveTrafficRules;
import org.edgemec.platform.provisioning.Db;
import org.edgemec.platform.provisioning.Mp1Apps;
import org.edgemec.platform.security.ClientSecrets;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Apps not instantiated by the MEC management (AppInfo isInsByMec false): the operator creates an app provider, the
 * provider's token registers its apps over Mp1 (the platform allocates their ids) and acts for those apps only.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class AppProvidersTest {

    static final String PROVIDERS = "/mec_platform_mgmt/v1/app_providers";
    static final String TOKEN = "/mec_platform_mgmt/v1/oauth/token";
    static final String SUPPORT = "/mec_app_support/v2";
    static final String SERVICES = "/mec_service_mgmt/v1";

    @Inject
    DataSource dataSource;

    @Inject
    ActiveDnsRules activeDns;

    @Inject
    ActiveTrafficRules activeTraffic;

    record Provider(String id, String name, String clientId, String secret, String token) {
        String bearer() {
            return "Bearer " + token;
        }
    }

    static Provider createProvider() {
        String name = "provider-" + UUID.randomUUID();
        var created = given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON)
                .body("{\"appProvider\": \"" + name + "\"}").post(PROVIDERS).then().statusCode(201).extract();
        String clientId = created.path("clientId");
        String secret = created.path("clientSecret");
        return new Provider(created.path("providerId"), name, clientId, secret, Mp1Apps.token(clientId, secret));
    }

    static String appInfo(String provider, String extra) {
        return """
                {"appName": "sensor-hub", "appProvider": "%s",
                 "endpoint": {"uris": ["http://192.168.7.20:8080/"]}%s}""".formatted(provider, extra);
    }

    /** Registers with the provider's token and no appInstanceId; answers the allocated id. */
    static String register(Provider p) {
        return given().header("Authorization", p.bearer()).contentType(ContentType.JSON).body(appInfo(p.name(), ""))
                .post(SUPPORT + "/registrations").then().statusCode(201).extract().path("appInstanceId");
    }

    @Test
    void shouldCreateListGetAndDeleteAnAppProviderWithTheSecretShownOnlyOnce() {
        String name = "acme-edge-" + UUID.randomUUID();
        Response created = given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON)
                .body("{\"appProvider\": \"" + name + "\"}").post(PROVIDERS);
        created.then().statusCode(201).body("appProvider", equalTo(name), "clientId", notNullValue(),
                "clientSecret", notNullValue(), "tokenEndpoint", endsWith(TOKEN));
        String id = created.path("providerId");
        assertEquals(36, id.length(), "a UUID");
        assertTrue(created.header("Location").endsWith(PROVIDERS + "/" + id), created.header("Location"));
        String secret = created.path("clientSecret");
        assertEquals(ClientSecrets.hash(secret), Db.single(dataSource,
                "select client_secret_hash from {s}.app_provider where provider_id = ?", id), "stored hashed");

        given().header("Authorization", Mp1Apps.OPERATOR).get(PROVIDERS + "/" + id).then().statusCode(200)
                .body("providerId", equalTo(id), "appProvider", equalTo(name), "clientId",
                        equalTo(created.path("clientId")), "clientSecret", nullValue(), "appInstanceIds.size()",
                        equalTo(0), "createdAt", notNullValue());
        String list = given().header("Authorization", Mp1Apps.OPERATOR).get(PROVIDERS).then().statusCode(200)
                .body("providerId", hasItem(id)).extract().asString();
        assertFalse(list.contains(secret), "the list has no secret");

        // the same name again: 409, nothing stored
        given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON)
                .body("{\"appProvider\": \"" + name + "\"}").post(PROVIDERS).then().statusCode(409)
                .contentType("application/problem+json");
        assertEquals(1, Db.number(dataSource, "select count(*) from {s}.app_provider where app_provider = ?", name));

        given().header("Authorization", Mp1Apps.OPERATOR).delete(PROVIDERS + "/" + id).then().statusCode(204);
        given().header("Authorization", Mp1Apps.OPERATOR).get(PROVIDERS + "/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", Mp1Apps.OPERATOR).delete(PROVIDERS + "/" + id).then().statusCode(404);
        given().header("Authorization", Mp1Apps.OPERATOR).get(PROVIDERS + "/" + "x".repeat(300)).then()
                .statusCode(404);
    }

    @Test
    void shouldRefuseABadProviderBodyNamingTheFieldAndCallsWithoutTheOperatorToken() {
        long before = Db.number(dataSource, "select count(*) from {s}.app_provider");
        for (String body : List.of("{}", "{\"appProvider\": \"\"}", "{\"appProvider\": \"  \"}",
                "{\"appProvider\": \"" + "p".repeat(256) + "\"}", "{\"appProvider\": 7}",
                "{\"appProvider\": [\"a\"]}")) {
            given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON).body(body)
                    .post(PROVIDERS).then().statusCode(400).contentType("application/problem+json")
                    .body("detail", containsString("appProvider"));
        }
        given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON).body("")
                .post(PROVIDERS).then().statusCode(400).contentType("application/problem+json");
        assertEquals(before, Db.number(dataSource, "select count(*) from {s}.app_provider"), "nothing stored");

        Provider p = createProvider();
        Mp1Apps.App app = Mp1Apps.provision();
        for (String bearer : new String[]{null, "Bearer wrong", p.bearer(), app.bearer()}) {
            var request = given().contentType(ContentType.JSON);
            if (bearer != null) {
                request = request.header("Authorization", bearer);
            }
            request.body("{\"appProvider\": \"x-" + UUID.randomUUID() + "\"}").post(PROVIDERS).then()
                    .statusCode(401).contentType("application/problem+json");
            var read = given();
            if (bearer != null) {
                read = read.header("Authorization", bearer);
            }
            read.get(PROVIDERS).then().statusCode(401);
        }
        given().header("Authorization", p.bearer()).delete(PROVIDERS + "/" + p.id()).then().statusCode(401);
        given().header("Authorization", Mp1Apps.OPERATOR).get(PROVIDERS + "/" + p.id()).then().statusCode(200);
        Mp1Apps.deprovision(app.id());
        deleteProvider(p);
    }

    @Test
    void shouldIssueAProviderTokenThatNamesTheProviderAndIsNoAppInstanceToken() {
        Provider p = createProvider();
        String[] parts = p.token().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"sub\":\"" + p.id() + "\""), claims);
        assertTrue(claims.contains("mec-app-provider"), claims);
        assertFalse(claims.contains("\"mec-app\""), "not an app instance token: " + claims);
        // form credentials work like Basic; a wrong secret does not
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", p.clientId()).formParam("client_secret", p.secret()).post(TOKEN).then()
                .statusCode(200).body("token_type", equalTo("Bearer"));
        given().auth().preemptive().basic(p.clientId(), p.secret() + "x").contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post(TOKEN).then().statusCode(401)
                .contentType("application/problem+json");
        // discovery is open to it like to any authenticated app
        given().header("Authorization", p.bearer()).get(SERVICES + "/services").then().statusCode(200);
        given().header("Authorization", p.bearer()).get(SUPPORT + "/timing/current_time").then().statusCode(200);
        deleteProvider(p);
    }

    @Test
    void shouldRegisterAnAppNotInstantiatedByTheMecAndAllocateItsAppInstanceId() {
        Provider p = createProvider();
        Response created = given().header("Authorization", p.bearer()).contentType(ContentType.JSON)
                .body(appInfo(p.name(), "")).post(SUPPORT + "/registrations");
        created.then().statusCode(201).body("appName", equalTo("sensor-hub"), "appProvider", equalTo(p.name()),
                "isInsByMec", equalTo(false), "endpoint.uris[0]", equalTo("http://192.168.7.20:8080/"));
        String id = created.path("appInstanceId");
        assertEquals(id, UUID.fromString(id).toString(), "a UUID allocated by the platform");
        assertTrue(created.header("Location").endsWith(SUPPORT + "/registrations/" + id), created.header("Location"));
        assertEquals(false, Db.single(dataSource, "select ins_by_mec from {s}.app_instance where app_instance_id = ?",
                id));
        assertEquals(p.id(), Db.single(dataSource,
                "select app_provider_id from {s}.app_instance where app_instance_id = ?", id));
        assertNull(Db.single(dataSource, "select provisioning from {s}.app_instance where app_instance_id = ?", id));

        given().header("Authorization", p.bearer()).get(SUPPORT + "/registrations/" + id).then().statusCode(200)
                .body("appInstanceId", equalTo(id), "isInsByMec", equalTo(false));
        given().header("Authorization", Mp1Apps.OPERATOR).get(PROVIDERS + "/" + p.id()).then().statusCode(200)
                .body("appInstanceIds", equalTo(List.of(id)));

        // absent appProvider is the token's; its own tasks work under the allocated id
        String second = given().header("Authorization", p.bearer()).contentType(ContentType.JSON)
                .body("{\"appName\": \"b\", \"endpoint\": {\"uris\": [\"http://192.168.7.21/\"]}, "
                        + "\"isInsByMec\": false}").post(SUPPORT + "/registrations").then().statusCode(201)
                .body("appProvider", equalTo(p.name())).extract().path("appInstanceId");
        assertNotEquals(id, second);
        given().header("Authorization", p.bearer()).contentType(ContentType.JSON)
                .body("{\"indication\": \"READY\"}").post(SUPPORT + "/applications/" + id + "/confirm_ready")
                .then().statusCode(204);
        given().header("Authorization", p.bearer()).get(SUPPORT + "/applications/" + id + "/traffic_rules").then()
                .statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", p.bearer()).get(SUPPORT + "/applications/" + id + "/dns_rules").then()
                .statusCode(200).body("size()", equalTo(0));

        // PUT keeps the rules of such a registration
        given().header("Authorization", p.bearer()).contentType(ContentType.JSON)
                .body(appInfo(p.name(), ", \"isInsByMec\": true")).put(SUPPORT + "/registrations/" + id).then()
                .statusCode(400).body("detail", startsWith("isInsByMec"));
        given().header("Authorization", p.bearer()).contentType(ContentType.JSON)
                .body("{\"appName\": \"sensor-hub\"}").put(SUPPORT + "/registrations/" + id).then()
                .statusCode(400).body("detail", startsWith("endpoint"));
        given().header("Authorization", p.bearer()).contentType(ContentType.JSON)
                .body(appInfo("someone-else", "")).put(SUPPORT + "/registrations/" + id).then()
                .statusCode(400).body("detail", startsWith("appProvider"));
        given().header("Authorization", p.bearer()).contentType(ContentType.JSON)
                .body(appInfo(p.name(), "").replace("sensor-hub", "sensor-hub-2")).put(SUPPORT + "/registrations/"
                        + id).then().statusCode(204);
        given().header("Authorization", p.bearer()).get(SUPPORT + "/registrations/" + id).then().statusCode(200)
                .body("appName", equalTo("sensor-hub-2"), "isInsByMec", equalTo(false));

        // deregistered, the instance stays the provider's: it registers again under its id, once
        given().header("Authorization", p.bearer()).delete(SUPPORT + "/registrations/" + id).then().statusCode(204);
        given().header("Authorization", p.bearer()).get(SUPPORT + "/registrations/" + id).then().statusCode(404);
        given().header("Authorization", p.bearer()).contentType(ContentType.JSON)
                .body(appInfo(p.name(), ", \"appInstanceId\": \"" + id + "\"")).post(SUPPORT + "/registrations")
                .then().statusCode(201).body("appInstanceId", equalTo(id));
        given().header("Authorization", p.bearer()).contentType(ContentType.JSON)
                .body(appInfo(p.name(), ", \"appInstanceId\": \"" + id + "\"")).post(SUPPORT + "/registrations")
                .then().statusCode(409).contentType("application/problem+json");
        assertEquals(2, Db.number(dataSource, "select count(*) from {s}.app_instance where app_provider_id = ?",
                p.id()));
        deleteProvider(p);
    }

    @Test
    void shouldRefuseARegistrationThatIsNotOfAnAppNotInstantiatedByTheMecOfThisProvider() {
        Provider p = createProvider();
        Provider other = createProvider();
        String othersInstance = register(other);
        Mp1Apps.App mecApp = Mp1Apps.provision();
        String registrations = SUPPORT + "/registrations";
        record Refusal(String body, String field) {
        }
        List<Refusal> refusals = List.of(
                new Refusal("{\"appName\": \"x\", \"appProvider\": \"" + p.name() + "\"}", "endpoint"),
                new Refusal(appInfo(p.name(), ", \"isInsByMec\": true"), "isInsByMec"),
                new Refusal(appInfo(other.name(), ""), "appProvider"),
                new Refusal(appInfo(p.name(), ", \"appInstanceId\": \"no-such-instance\""), "appInstanceId"),
                new Refusal(appInfo(p.name(), ", \"appInstanceId\": \"" + othersInstance + "\""), "appInstanceId"),
                new Refusal(appInfo(p.name(), ", \"appInstanceId\": \"" + mecApp.id() + "\""), "appInstanceId"),
                new Refusal(appInfo(p.name(), ", \"appInstanceId\": \"" + "i".repeat(129) + "\""), "appInstanceId"),
                new Refusal(appInfo(p.name(), ", \"appServiceRequired\": [{\"serName\": \"no-such-service-"
                        + UUID.randomUUID() + "\", \"version\": \"1.0\"}]"), "appServiceRequired[0].serName"),
                new Refusal("{\"endpoint\": {\"uris\": [\"http://192.168.7.20/\"]}}", "appName"));
        for (Refusal r : refusals) {
            given().header("Authorization", p.bearer()).contentType(ContentType.JSON).body(r.body())
                    .post(registrations).then().statusCode(400).contentType("application/problem+json")
                    .body("detail", startsWith(r.field()));
        }
        assertEquals(0, Db.number(dataSource, "select count(*) from {s}.app_instance where app_provider_id = ?",
                p.id()), "nothing allocated");
        assertEquals(0, Db.number(dataSource, "select count(*) from {s}.app_registration where app_instance_id = ?",
                mecApp.id()), "the MEC app is not registered by it");
        // a MEC-instantiated app's own token, isInsByMec absent, registers as before
        given().header("Authorization", mecApp.bearer()).contentType(ContentType.JSON)
                .body("{\"appName\": \"counter\", \"appProvider\": \"acme\"}").post(registrations).then()
                .statusCode(201).body("appInstanceId", equalTo(mecApp.id()), "isInsByMec", nullValue());
        Mp1Apps.deprovision(mecApp.id());
        deleteProvider(p);
        deleteProvider(other);
    }

    @Test
    void shouldAnswer404WhenAProviderReachesForAnotherProvidersOrAMecInstantiatedApp() {
        Provider p = createProvider();
        Provider other = createProvider();
        String mine = register(p);
        String theirs = register(other);
        Mp1Apps.App mecApp = Mp1Apps.provision();
        given().header("Authorization", mecApp.bearer()).contentType(ContentType.JSON)
                .body("{\"appName\": \"counter\", \"appProvider\": \"acme\", \"isInsByMec\": true}")
                .post(SUPPORT + "/registrations").then().statusCode(201);
        String theirService = given().header("Authorization", other.bearer()).contentType(ContentType.JSON)
                .body(serviceInfo("theirs-" + UUID.randomUUID())).post(SERVICES + "/applications/" + theirs
                        + "/services").then().statusCode(201).extract().path("serInstanceId");

        for (String victim : List.of(theirs, mecApp.id(), "no-such-instance")) {
            String app = SUPPORT + "/applications/" + victim;
            String mgmt = SERVICES + "/applications/" + victim;
            for (String[] call : new String[][]{
                    {"GET", SUPPORT + "/registrations/" + victim, null},
                    {"PUT", SUPPORT + "/registrations/" + victim, appInfo(p.name(), "")},
                    {"DELETE", SUPPORT + "/registrations/" + victim, null},
                    {"POST", app + "/confirm_ready", "{\"indication\": \"READY\"}"},
                    {"GET", app + "/traffic_rules", null},
                    {"GET", app + "/traffic_rules/tr1", null},
                    {"GET", app + "/dns_rules", null},
                    {"GET", app + "/dns_rules/dr1", null},
                    {"GET", app + "/subscriptions", null},
                    {"GET", mgmt + "/services", null},
                    {"GET", mgmt + "/services/" + theirService, null},
                    {"DELETE", mgmt + "/services/" + theirService, null},
                    {"POST", mgmt + "/services", serviceInfo("planted-" + UUID.randomUUID())},
                    {"GET", mgmt + "/subscriptions", null}}) {
                var request = given().header("Authorization", p.bearer()).contentType(ContentType.JSON);
                if (call[2] != null) {
                    request = request.body(call[2]);
                }
                Response answer = request.request(call[0], call[1]);
                assertEquals(404, answer.statusCode(), String.join(" ", call[0], call[1]) + ": " + answer.asString());
                assertEquals("application/problem+json", answer.contentType().split(";")[0]);
            }
        }
        // the MEC app's own token does not reach the provider's app either
        given().header("Authorization", mecApp.bearer()).get(SUPPORT + "/registrations/" + mine).then()
                .statusCode(404);
        given().header("Authorization", mecApp.bearer()).get(SERVICES + "/applications/" + mine + "/services").then()
                .statusCode(404);
        // nothing changed
        given().header("Authorization", other.bearer()).get(SUPPORT + "/registrations/" + theirs).then()
                .statusCode(200);
        given().header("Authorization", mecApp.bearer()).get(SUPPORT + "/registrations/" + mecApp.id()).then()
                .statusCode(200);
        given().header("Authorization", other.bearer()).get(SERVICES + "/applications/" + theirs + "/services/"
                + theirService).then().statusCode(200);
        assertEquals(0, Db.number(dataSource, "select count(*) from {s}.mec_service where ser_name like 'planted-%'"));
        Mp1Apps.deprovision(mecApp.id());
        deleteProvider(p);
        deleteProvider(other);
    }

    @Test
    void shouldMakeTheServicesOfSuchAnAppDiscoverableAndLeaveTheHostsOtherMachineryAlone() {
        Provider p = createProvider();
        String id = register(p);
        String name = "sensor-feed-" + UUID.randomUUID();
        String service = given().header("Authorization", p.bearer()).contentType(ContentType.JSON)
                .body(serviceInfo(name)).post(SERVICES + "/applications/" + id + "/services").then().statusCode(201)
                .extract().path("serInstanceId");
        Mp1Apps.App mecApp = Mp1Apps.provision();
        given().header("Authorization", mecApp.bearer()).queryParam("ser_name", name).get(SERVICES + "/services")
                .then().statusCode(200).body("serInstanceId", equalTo(List.of(service)));
        // a MEC app can depend on it
        given().header("Authorization", mecApp.bearer()).contentType(ContentType.JSON)
                .body("{\"appName\": \"counter\", \"appServiceRequired\": [{\"serName\": \"" + name
                        + "\", \"version\": \"1.0\"}]}")
                .post(SUPPORT + "/registrations").then().statusCode(201);

        // with such an instance present, DNS, traffic rules, the edge proxy, provisioning and steering still work
        assertEquals(List.of(mecApp.id()), activeDns.find(mecApp.id() + ".example.mec").stream()
                .map(ActiveDnsRules.DnsRecord::appInstanceId).toList());
        assertTrue(activeTraffic.inPriorityOrder().stream().anyMatch(r -> r.appInstanceId().equals(mecApp.id())));
        given().header("Authorization", Mp1Apps.OPERATOR).get("/edge_proxy/v1/services").then().statusCode(200);
        given().header("Authorization", Mp1Apps.OPERATOR).get(Mp1Apps.APPS).then().statusCode(200)
                .body("appInstanceId", hasItem(mecApp.id()), "appInstanceId", not(hasItem(id)));
        // the provisioning API does not know an instance it did not provision
        given().header("Authorization", Mp1Apps.OPERATOR).get(Mp1Apps.APPS + "/" + id).then().statusCode(404);
        given().header("Authorization", Mp1Apps.OPERATOR).get(Mp1Apps.APPS + "/" + id + "/credential_handoff")
                .then().statusCode(404);
        given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON)
                .body("{\"host\": \"10.0.0.9\", \"port\": 80}").put(Mp1Apps.APPS + "/" + id + "/endpoint").then()
                .statusCode(404);
        given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON)
                .body("{\"strategy\": \"DNS\", \"target\": {\"host\": \"10.88.0.9\"}}")
                .put(Mp1Apps.APPS + "/" + id + "/steering").then().statusCode(404);
        given().header("Authorization", Mp1Apps.OPERATOR).delete(Mp1Apps.APPS + "/" + id).then().statusCode(404);
        given().header("Authorization", p.bearer()).get(SERVICES + "/applications/" + id + "/services/" + service)
                .then().statusCode(200);
        Mp1Apps.deprovision(mecApp.id());
        deleteProvider(p);
    }

    @Test
    void shouldRemoveTheProvidersInstancesWithTheirMp1ResourcesAndEndItsTokensWhenTheProviderIsDeleted() {
        Provider p = createProvider();
        Provider other = createProvider();
        String first = register(p);
        String second = register(p);
        String kept = register(other);
        String name = "doomed-" + UUID.randomUUID();
        given().header("Authorization", p.bearer()).contentType(ContentType.JSON).body(serviceInfo(name))
                .post(SERVICES + "/applications/" + first + "/services").then().statusCode(201);
        given().header("Authorization", p.bearer()).contentType(ContentType.JSON).body("""
                {"subscriptionType": "AppTerminationNotificationSubscription",
                 "callbackReference": "http://127.0.0.1:9/notify", "appInstanceId": "%s"}""".formatted(second))
                .post(SUPPORT + "/applications/" + second + "/subscriptions").then().statusCode(201);
        // a MEC app watching the service hears it go
        Mp1Apps.App watcher = Mp1Apps.provision();
        String subscription = given().header("Authorization", watcher.bearer()).contentType(ContentType.JSON)
                .body("""
                        {"subscriptionType": "SerAvailabilityNotificationSubscription",
                         "callbackReference": "http://127.0.0.1:9/notify",
                         "filteringCriteria": {"serNames": ["%s"]}}""".formatted(name))
                .post(SERVICES + "/applications/" + watcher.id() + "/subscriptions").then().statusCode(201)
                .extract().header("Location");
        String subscriptionId = subscription.substring(subscription.lastIndexOf('/') + 1);

        given().header("Authorization", Mp1Apps.OPERATOR).delete(PROVIDERS + "/" + p.id()).then().statusCode(204);

        for (String table : List.of("app_instance", "app_registration", "mec_service", "mp1_subscription")) {
            assertEquals(0, Db.number(dataSource, "select count(*) from {s}." + table
                    + " where app_instance_id in (?, ?)", first, second), table);
        }
        assertEquals(0, Db.number(dataSource, "select count(*) from {s}.app_provider where provider_id = ?", p.id()));
        assertEquals(1, Db.number(dataSource, "select count(*) from {s}.notification_outbox where subscription_id = ?"
                + " and payload like '%REMOVED%'", subscriptionId), "the watcher is told the service is gone");
        given().header("Authorization", watcher.bearer()).queryParam("ser_name", name).get(SERVICES + "/services")
                .then().statusCode(200).body("size()", equalTo(0));
        // its token ends with it; the other provider is untouched
        given().header("Authorization", p.bearer()).get(SERVICES + "/services").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().preemptive().basic(p.clientId(), p.secret()).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post(TOKEN).then().statusCode(401);
        given().header("Authorization", other.bearer()).get(SUPPORT + "/registrations/" + kept).then().statusCode(200);
        given().header("Authorization", watcher.bearer()).delete(subscription).then().statusCode(204);
        Mp1Apps.deprovision(watcher.id());
        deleteProvider(other);
    }

    private static String serviceInfo(String name) {
        return """
                {"serName": "%s", "serCategory": {"href": "http://example.com/cat/c1", "id": "c1", "name": "cat",
                 "version": "1"}, "version": "1.0", "state": "ACTIVE", "transportId": "rest-http-oauth2",
                 "serializer": "JSON"}""".formatted(name);
    }

    private static void deleteProvider(Provider p) {
        given().header("Authorization", Mp1Apps.OPERATOR).delete(PROVIDERS + "/" + p.id()).then().statusCode(204);
    }
}
