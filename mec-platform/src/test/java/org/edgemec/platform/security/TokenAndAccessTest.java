package org.edgemec.platform.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.edgemec.platform.provisioning.Db;
import org.edgemec.platform.provisioning.Mp1Apps;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class TokenAndAccessTest {

    private static final String TOKEN = "/mec_platform_mgmt/v1/oauth/token";

    @Inject
    DataSource dataSource;

    @Inject
    TokenService tokens;

    @Test
    void shouldIssueAVerifiableTokenWhenTheClientCredentialsAreRight() {
        String id = Mp1Apps.newId();
        var created = given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON)
                .body(Mp1Apps.provisioning(id)).post(Mp1Apps.APPS).then().statusCode(201).extract();
        String token = given().auth().preemptive().basic(created.path("clientId"), created.path("clientSecret"))
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials").post(TOKEN)
                .then().statusCode(200).body("token_type", equalTo("Bearer"), "expires_in", greaterThan(0),
                        "access_token", notNullValue()).extract().path("access_token");

        assertEquals(id, tokens.verify(token).appInstanceId());
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        org.junit.jupiter.api.Assertions.assertTrue(payload.contains("\"sub\":\"" + id + "\""), payload);
    }

    @Inject
    org.edgemec.platform.config.SecurityConfig security;

    /**
     * Verified tokens are kept in memory; a kept one is answered from there, and one signed here whose exp (plus the
     * clock skew) has passed is refused either way.
     */
    @Test
    void shouldRefuseATokenOfThisPlatformOnceItHasExpiredAndAcceptAValidOneAgainAndAgain() {
        Mp1Apps.App app = Mp1Apps.provision();
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", app.bearer()).get("/mec_service_mgmt/v1/services").then().statusCode(200);
        }
        long now = java.time.Instant.now().getEpochSecond();
        String expired = io.smallrye.jwt.build.Jwt.issuer(security.issuer()).subject(app.id())
                .groups(java.util.Set.of(TokenService.APP_GROUP)).issuedAt(now - 3600)
                .expiresAt(now - TokenService.CLOCK_SKEW_SECONDS - 5).jws().keyId(keys.keyId()).sign(keys.privateKey());
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", "Bearer " + expired).get("/mec_service_mgmt/v1/services").then()
                    .statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void shouldPublishTheKeySetThatVerifiesItsTokensWithoutAuthentication() throws Exception {
        Mp1Apps.App app = Mp1Apps.provision();
        String jwks = given().get("/mec_platform_mgmt/v1/oauth/jwks").then().statusCode(200)
                .body("keys[0].kty", equalTo("RSA"), "keys[0].alg", equalTo("RS256"), "keys[0].kid", notNullValue(),
                        "issuer", notNullValue()).extract().asString();
        String issuer = io.restassured.path.json.JsonPath.from(jwks).getString("issuer");
        String token = app.bearer().substring("Bearer ".length());
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        org.junit.jupiter.api.Assertions.assertTrue(header.contains(io.restassured.path.json.JsonPath.from(jwks)
                .getString("keys[0].kid")), "the token names the key: " + header);

        // what another service does: verify with nothing but the published key set and issuer
        var info = new io.smallrye.jwt.auth.principal.JWTAuthContextInfo();
        info.setPublicKeyContent(jwks);
        info.setIssuedBy(issuer);
        var jwt = new io.smallrye.jwt.auth.principal.DefaultJWTParser(info).parse(token);
        assertEquals(app.id(), jwt.getSubject());

        var wrongIssuer = new io.smallrye.jwt.auth.principal.JWTAuthContextInfo();
        wrongIssuer.setPublicKeyContent(jwks);
        wrongIssuer.setIssuedBy("someone-else");
        org.junit.jupiter.api.Assertions.assertThrows(io.smallrye.jwt.auth.principal.ParseException.class,
                () -> new io.smallrye.jwt.auth.principal.DefaultJWTParser(wrongIssuer).parse(token));
    }

    @Test
    void shouldAcceptClientCredentialsInTheFormBody() {
        String id = Mp1Apps.newId();
        var created = given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON)
                .body(Mp1Apps.provisioning(id)).post(Mp1Apps.APPS).then().statusCode(201).extract();
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("client_id", (String) created.path("clientId"))
                .formParam("client_secret", (String) created.path("clientSecret"))
                .post(TOKEN).then().statusCode(200).body("access_token", notNullValue());
    }

    @Test
    void shouldAnswer401WhenTheSecretIsWrongAnd400WhenTheGrantIsWrong() {
        Mp1Apps.App app = Mp1Apps.provision();
        given().auth().preemptive().basic(app.clientId(), "wrong").contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post(TOKEN)
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().auth().preemptive().basic(app.clientId(), app.clientSecret()).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").post(TOKEN)
                .then().statusCode(400).body("detail", containsString("grant_type"));
    }

    @Test
    void shouldAnswer401WithoutOrWithABadBearerToken() {
        Mp1Apps.App app = Mp1Apps.provision();
        String path = "/mec_app_support/v2/applications/" + app.id() + "/traffic_rules";
        given().get(path).then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401), "instance", containsString(path));
        given().header("Authorization", "Bearer not.a.jwt").get(path).then().statusCode(401);
        String[] parts = app.token().split("\\.");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"sub\":\"" + app.id() + "\",\"groups\":[\"mec-app\"]}").getBytes()) + "." + parts[2];
        given().header("Authorization", "Bearer " + forged).get(path).then().statusCode(401);
        given().header("Authorization", "Bearer " + app.token()).get(path).then().statusCode(200);
        given().get("/mec_service_mgmt/v1/services").then().statusCode(401);
    }

    @Test
    void shouldAnswer404AsForAnUnknownAppWhenAnAppTouchesAnotherAppsResources() {
        Mp1Apps.App owner = Mp1Apps.provision();
        Mp1Apps.App other = Mp1Apps.provision();
        given().header("Authorization", other.bearer())
                .get("/mec_app_support/v2/applications/" + owner.id() + "/dns_rules").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().header("Authorization", other.bearer()).contentType(ContentType.JSON)
                .body("{\"dnsRuleId\":\"dr1\",\"domainName\":\"x.mec\",\"ipAddressType\":\"IP_V4\","
                        + "\"ipAddress\":\"10.0.0.9\",\"state\":\"ACTIVE\"}")
                .put("/mec_app_support/v2/applications/" + owner.id() + "/dns_rules/dr1").then().statusCode(404);
        given().header("Authorization", other.bearer())
                .get("/mec_service_mgmt/v1/applications/" + owner.id() + "/subscriptions").then().statusCode(404);
        // the same words as for an app instance that does not exist
        Mp1Apps.App gone = Mp1Apps.provision();
        Mp1Apps.deprovision(gone.id());
        String unknown = gone.id();
        String foreign = given().header("Authorization", other.bearer())
                .get("/mec_app_support/v2/applications/" + owner.id() + "/traffic_rules").then().statusCode(404)
                .extract().path("detail");
        String missing = given().header("Authorization", gone.bearer())
                .get("/mec_app_support/v2/applications/" + unknown + "/traffic_rules").then().statusCode(404)
                .extract().path("detail");
        assertEquals(missing.replace(unknown, owner.id()), foreign);
    }

    @Inject
    PlatformKeys keys;

    @Inject
    org.edgemec.platform.persistence.PlatformKeyRepository keyRows;

    @Test
    void shouldSignWithTheSameKeyAfterARestartWhenTheKeyIsInTheDatabase() {
        assertEquals(1, Db.number(dataSource, "select count(*) from {s}.platform_key"));
        String stored = (String) Db.single(dataSource, "select public_key from {s}.platform_key where id = 1");
        assertEquals(stored, Base64.getEncoder().encodeToString(keys.publicKey().getEncoded()));
        // a new instance is what a restarted platform builds: it must load the stored pair, not generate one
        PlatformKeys restarted = new PlatformKeys(keyRows);
        assertEquals(stored, Base64.getEncoder().encodeToString(restarted.publicKey().getEncoded()));
        assertEquals(1, Db.number(dataSource, "select count(*) from {s}.platform_key"));
    }
}
