package org.edgemec.platform.notification;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.edgemec.platform.config.Mp1Config;

import java.net.URI;

/** The links that go into stored bodies and notifications use the configured public URL of the platform. */
public class Mp1LinksProducer {

    @Produces
    @Singleton
    Mp1Links links(Mp1Config config) {
        return Mp1Links.of(URI.create(config.publicUrl()));
    }
}
