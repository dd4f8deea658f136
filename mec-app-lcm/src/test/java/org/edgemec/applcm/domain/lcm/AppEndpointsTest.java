package org.edgemec.applcm.domain.lcm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.edgemec.mp1api.Json;
import org.edgemec.mp1api.mec0102.appd.AppD;
import org.edgemec.mp1api.provisioning.AppEndpoint;
import org.junit.jupiter.api.Test;

class AppEndpointsTest {

    private static final ObjectMapper JSON = Json.newMapper();

    private static AppD appD(String extCpd) throws IOException {
        return JSON.readValue("""
                {"appDId":"a","appName":"n","appProvider":"p","appSoftVersion":"1","appDVersion":"1",
                 "mecVersion":"3.1.1","appDescription":"d",
                 "swImageDescriptor":[{"id":"i","name":"img","version":"1","containerFormat":"DOCKER",
                   "swImage":{"id":"s","name":"images/x.tar","version":"1","containerFormat":"DOCKER"}}],
                 "appExtCpd":[%s]}""".formatted(extCpd), AppD.class);
    }

    private static final String NO_PORTS = "{\"inherited_attributes\":{\"cpdId\":\"cp1\"}}";

    @Test
    void shouldTakeTheFirstTcpPortTheAppDDeclaresBeforeTheImagesPorts() throws IOException {
        AppD d = appD("""
                {"inherited_attributes":{"cpdId":"cp1"},"additionalServiceData":[{"portData":[
                  {"name":"dns","protocol":"UDP","port":53,"portConfigurable":false},
                  {"name":"web","protocol":"TCP","port":9090,"portConfigurable":false}]}]}""");
        AtomicBoolean asked = new AtomicBoolean();
        AppEndpoint e = AppEndpoints.of("10.88.0.5", d, () -> {
            asked.set(true);
            return List.of(8080);
        }).orElseThrow();
        assertEquals(new AppEndpoint("10.88.0.5", 9090), e);
        assertEquals("10.88.0.5:9090", e.authority());
        assertTrue(!asked.get(), "the image is not asked when the AppD declares a port");
    }

    @Test
    void shouldFallBackToTheImagesLowestExposedPort() throws IOException {
        assertEquals(new AppEndpoint("10.88.0.5", 8080),
                AppEndpoints.of("10.88.0.5", appD(NO_PORTS), () -> List.of(8080, 8443)).orElseThrow());
    }

    @Test
    void shouldGiveAHostOnlyEndpointWhenNothingDeclaresAPort() throws IOException {
        AppEndpoint e = AppEndpoints.of("10.88.0.7", appD(NO_PORTS), List::of).orElseThrow();
        assertEquals(null, e.port());
        assertEquals("10.88.0.7", e.authority());
    }

    @Test
    void shouldGiveNoEndpointWithoutAnAddress() throws IOException {
        assertTrue(AppEndpoints.of(null, appD(NO_PORTS), () -> List.of(8080)).isEmpty());
    }
}
