package org.edgemec.platform.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import org.edgemec.platform.config.SecurityConfig;
import org.edgemec.platform.provisioning.Mp1Apps;
import org.edgemec.testsupport.RealInfrastructureResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An app instance relocated between hosts keeps its Mp1 identity: the restored process still holds the previous
 * host's credentials and tokens, and that host's Mp1 URL. Here this platform plays both sides: the host the instance
 * arrives at (a key pair made by the test stands for the previous host's platform key) and the host it leaves.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class CredentialHandoffTest {

    private static final String PREVIOUS_ISSUER = "edgemec-platform-previous-host";
    private static final String TOKEN = "/mec_platform_mgmt/v1/oauth/token";
    private static KeyPair previousHostKey;

    @Inject
    SecurityConfig security;

    @BeforeAll
    static void previousHost() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        previousHostKey = generator.generateKeyPair();
    }

    @Test
    void shouldLetAMovedInInstanceUseTheCredentialsAndTokensItWasGivenOnItsPreviousHost() {
        String id = Mp1Apps.newId();
        String clientId = UUID.randomUUID().toString();
        String secret = ClientSecrets.newSecret();
        given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON)
                .body(withHandoff(id, clientId, secret)).post(Mp1Apps.APPS)
                .then().statusCode(201).body("clientId", equalTo(clientId), "clientSecret", nullValue());

        // the token it got on the previous host, and a new one from its (unchanged) client credentials
        given().header("Authorization", "Bearer " + previousHostToken(id)).get(rules(id)).then().statusCode(200);
        given().header("Authorization", "Bearer " + Mp1Apps.token(clientId, secret)).get(rules(id))
                .then().statusCode(200);
        // the stored provisioning does not carry the identity; the handoff for the next host does, with both keys
        given().header("Authorization", Mp1Apps.OPERATOR).get(Mp1Apps.APPS + "/" + id)
                .then().statusCode(200).body("credentials", nullValue());
        String previousKey = Base64.getEncoder().encodeToString(previousHostKey.getPublic().getEncoded());
        given().header("Authorization", Mp1Apps.OPERATOR).get(Mp1Apps.APPS + "/" + id + "/credential_handoff")
                .then().statusCode(200).body("clientId", equalTo(clientId),
                        "clientSecretHash", equalTo(ClientSecrets.hash(secret)),
                        "tokenKeys.issuer", hasItem(PREVIOUS_ISSUER), "tokenKeys.issuer", hasItem(security.issuer()),
                        "tokenKeys.publicKey", hasItem(previousKey));
        Mp1Apps.deprovision(id);
    }

    @Test
    void shouldRefuseATokenOfThePreviousHostForAnInstanceThatDidNotBringItsKey() {
        Mp1Apps.App local = Mp1Apps.provision();
        // signed by a key this platform knows for another instance only
        String movedIn = Mp1Apps.newId();
        given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON)
                .body(withHandoff(movedIn, UUID.randomUUID().toString(), ClientSecrets.newSecret()))
                .post(Mp1Apps.APPS).then().statusCode(201);
        given().header("Authorization", "Bearer " + previousHostToken(local.id())).get(rules(local.id()))
                .then().statusCode(401);
        given().header("Authorization", local.bearer()).get(rules(local.id())).then().statusCode(200);
        Mp1Apps.deprovision(local.id());
        Mp1Apps.deprovision(movedIn);
    }

    @Test
    void shouldRefuseAHandoffWhoseClientIdBelongsToAnotherInstance() {
        Mp1Apps.App local = Mp1Apps.provision();
        String id = Mp1Apps.newId();
        given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON)
                .body(withHandoff(id, local.clientId(), ClientSecrets.newSecret())).post(Mp1Apps.APPS)
                .then().statusCode(409).body("detail", containsString("credentials.clientId"));
        given().header("Authorization", Mp1Apps.OPERATOR).get(Mp1Apps.APPS + "/" + id).then().statusCode(404);
        Mp1Apps.deprovision(local.id());
    }

    @Test
    void shouldRedirectTheMp1CallsOfAnInstanceThatMovedAwayAndKeepIssuingItsTokensUntilItEnds() {
        Mp1Apps.App app = Mp1Apps.provision();
        String target = "http://edge2.example:18083";
        given().header("Authorization", Mp1Apps.OPERATOR).queryParam("keepSteering", true)
                .queryParam("movedTo", target).delete(Mp1Apps.APPS + "/" + app.id()).then().statusCode(204);
        given().header("Authorization", Mp1Apps.OPERATOR).get(Mp1Apps.APPS + "/" + app.id()).then().statusCode(404);

        // the process still calls this host: 307 (method and body kept) to the same path on its new platform
        given().redirects().follow(false).header("Authorization", app.bearer()).queryParam("filter", "x")
                .get(rules(app.id())).then().statusCode(307)
                .header("Location", equalTo(target + rules(app.id()) + "?filter=x"));
        given().redirects().follow(false).header("Authorization", app.bearer()).contentType(ContentType.JSON)
                .body("{}").post("/mec_app_support/v2/registrations").then().statusCode(307)
                .header("Location", equalTo(target + "/mec_app_support/v2/registrations"));
        // its client credentials still get a token here (that the redirected calls carry)
        String fresh = Mp1Apps.token(app.clientId(), app.clientSecret());
        given().redirects().follow(false).header("Authorization", "Bearer " + fresh).get(rules(app.id()))
                .then().statusCode(307);
        // other apps are not affected
        Mp1Apps.App other = Mp1Apps.provision();
        given().redirects().follow(false).header("Authorization", other.bearer()).get(rules(other.id()))
                .then().statusCode(200);

        // terminated: the record goes, the credentials stop working
        given().header("Authorization", Mp1Apps.OPERATOR).delete(Mp1Apps.APPS + "/" + app.id())
                .then().statusCode(204);
        given().auth().preemptive().basic(app.clientId(), app.clientSecret()).contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials").post(TOKEN).then().statusCode(401);
        given().header("Authorization", Mp1Apps.OPERATOR).delete(Mp1Apps.APPS + "/" + app.id())
                .then().statusCode(404);
        Mp1Apps.deprovision(other.id());
    }

    @Test
    void shouldServeAnInstanceThatCameBackInsteadOfRedirectingIt() {
        Mp1Apps.App app = Mp1Apps.provision();
        String handoff = given().header("Authorization", Mp1Apps.OPERATOR)
                .get(Mp1Apps.APPS + "/" + app.id() + "/credential_handoff").then().statusCode(200).extract().asString();
        given().header("Authorization", Mp1Apps.OPERATOR).queryParam("movedTo", "http://edge2.example:18083")
                .delete(Mp1Apps.APPS + "/" + app.id()).then().statusCode(204);
        String back = Mp1Apps.provisioning(app.id()).trim();
        back = back.substring(0, back.length() - 1) + ", \"credentials\": " + handoff + "}";
        given().header("Authorization", Mp1Apps.OPERATOR).contentType(ContentType.JSON).body(back)
                .post(Mp1Apps.APPS).then().statusCode(201);
        given().redirects().follow(false).header("Authorization", app.bearer()).get(rules(app.id()))
                .then().statusCode(200);
        assertEquals(200, given().auth().preemptive().basic(app.clientId(), app.clientSecret())
                .contentType(ContentType.URLENC).formParam("grant_type", "client_credentials").post(TOKEN)
                .statusCode());
        Mp1Apps.deprovision(app.id());
    }

    @Test
    void shouldRefuseAMovedToThatIsNoPlatformUrlAndKeepTheInstance() {
        Mp1Apps.App app = Mp1Apps.provision();
        for (String bad : List.of("edge2:18083", "ftp://edge2/", "http://edge2/?x=1")) {
            given().header("Authorization", Mp1Apps.OPERATOR).queryParam("movedTo", bad)
                    .delete(Mp1Apps.APPS + "/" + app.id()).then().statusCode(400)
                    .body("detail", containsString("movedTo"));
        }
        given().header("Authorization", app.bearer()).get(rules(app.id())).then().statusCode(200);
        Mp1Apps.deprovision(app.id());
    }

    private static String rules(String id) {
        return "/mec_app_support/v2/applications/" + id + "/traffic_rules";
    }

    private static String previousHostToken(String appInstanceId) {
        return Jwt.issuer(PREVIOUS_ISSUER).subject(appInstanceId).groups(Set.of(TokenService.APP_GROUP))
                .expiresIn(300).jws().keyId("previous-host-key").sign(previousHostKey.getPrivate());
    }

    private static String withHandoff(String id, String clientId, String secret) {
        String body = Mp1Apps.provisioning(id).trim();
        String handoff = new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(Map.of(
                "clientId", clientId, "clientSecretHash", ClientSecrets.hash(secret),
                "tokenKeys", List.of(Map.of("issuer", PREVIOUS_ISSUER, "publicKey",
                        Base64.getEncoder().encodeToString(previousHostKey.getPublic().getEncoded()))))).toString();
        return body.substring(0, body.length() - 1) + ", \"credentials\": " + handoff + "}";
    }
}
