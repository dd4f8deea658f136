package org.edgemec.platform.dns;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.edgemec.platform.domain.rules.ActiveDnsRules;

import java.util.List;

/**
 * Rule source used only while no other {@link ActiveDnsRules} bean exists: the server then answers no name itself.
 * Any {@code @ApplicationScoped} implementation replaces it.
 */
@DefaultBean
@ApplicationScoped
public class NoActiveDnsRules implements ActiveDnsRules {

    @Override
    public List<DnsRecord> find(String domainName) {
        return List.of();
    }
}
