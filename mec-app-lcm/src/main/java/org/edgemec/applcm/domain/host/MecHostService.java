package org.edgemec.applcm.domain.host;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.edgemec.applcm.config.HostsConfig;
import org.edgemec.applcm.persistence.AppInstanceRepository;
import org.edgemec.applcm.persistence.MecHostEntity;
import org.edgemec.applcm.persistence.MecHostRepository;
import org.edgemec.common.error.ConflictException;
import org.edgemec.common.error.InvalidFieldException;
import org.edgemec.common.error.NotFoundException;
import org.jboss.logging.Logger;

/** The registry of MEC hosts: configuration hosts are written at start-up, operators add more through the API. */
@ApplicationScoped
@Transactional
public class MecHostService {

    private static final Logger LOG = Logger.getLogger(MecHostService.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final MecHostRepository hosts;
    private final AppInstanceRepository instances;
    private final HostsConfig config;
    private final EngineProvider engines;

    public MecHostService(MecHostRepository hosts, AppInstanceRepository instances, HostsConfig config,
            EngineProvider engines) {
        this.hosts = hosts;
        this.instances = instances;
        this.config = config;
        this.engines = engines;
    }

    void onStart(@Observes StartupEvent start) {
        for (Map.Entry<String, HostsConfig.Host> e : config.all().entrySet()) {
            HostsConfig.Host h = e.getValue();
            MecHost host = validated(e.getKey(), h.engineKind(), h.engineEndpoint(), h.platformUrl().orElse(null),
                    h.zone(), h.capacity().cpu(), h.capacity().memoryMb(), MecHost.Source.CONFIG);
            MecHostEntity entity = hosts.findById(host.name());
            if (entity == null) {
                entity = new MecHostEntity();
                entity.createdAt = OffsetDateTime.now();
                write(entity, host);
                hosts.persist(entity);
            } else {
                write(entity, host);
            }
            engines.forget(host.name());
            LOG.infof("MEC host %s: %s %s, platform %s", host.name(), host.engineKind(), host.engineEndpoint(),
                    host.hasPlatform() ? host.platformUrl() : "none (provisioning skipped)");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MecHost> list() {
        return hosts.listAll().stream().map(MecHostService::toHost).sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MecHost get(String name) {
        MecHostEntity entity = hosts.findById(name);
        if (entity == null) {
            throw new NotFoundException("MEC host " + name + " does not exist");
        }
        return toHost(entity);
    }

    public MecHost create(String name, String kind, String endpoint, String platformUrl, String zone, Integer cpu,
            Integer memoryMb) {
        MecHost host = validated(name, kind, endpoint, platformUrl, zone == null ? "zone-default" : zone,
                cpu == null ? 4 : cpu, memoryMb == null ? 4096 : memoryMb, MecHost.Source.API);
        if (hosts.findById(host.name()) != null) {
            throw new ConflictException("MEC host " + host.name() + " exists already");
        }
        MecHostEntity entity = new MecHostEntity();
        entity.createdAt = OffsetDateTime.now();
        write(entity, host);
        try {
            // flushed here: a concurrent create of the same name fails on the primary key now, as a 409, not at commit
            hosts.persistAndFlush(entity);
        } catch (jakarta.persistence.PersistenceException e) {
            if (e instanceof org.hibernate.exception.ConstraintViolationException
                    || e.getCause() instanceof org.hibernate.exception.ConstraintViolationException) {
                throw new ConflictException("MEC host " + host.name() + " exists already");
            }
            throw e;
        }
        LOG.infof("MEC host %s added: %s %s", host.name(), host.engineKind(), host.engineEndpoint());
        return host;
    }

    public void delete(String name) {
        MecHost host = get(name);
        if (host.source() == MecHost.Source.CONFIG) {
            throw new ConflictException("MEC host " + name + " is defined in configuration (edgemec.hosts." + name
                    + "); remove it there");
        }
        long onHost = instances.count("hostName", name);
        if (onHost > 0) {
            throw new ConflictException("MEC host " + name + " still runs " + onHost + " application instance(s)");
        }
        hosts.deleteById(name);
        engines.forget(name);
        LOG.infof("MEC host %s removed", name);
    }

    static MecHost validated(String name, String kind, String endpoint, String platformUrl, String zone, int cpu,
            int memoryMb, MecHost.Source source) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidFieldException("name", "must be a DNS label: lower-case letters, digits and '-'");
        }
        MecHost.EngineKind engineKind;
        try {
            engineKind = MecHost.EngineKind.valueOf(kind == null ? "" : kind.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("engineKind", "must be PODMAN or DOCKER");
        }
        URI engine = uri("engineEndpoint", endpoint, List.of("unix", "tcp", "https"));
        if (source == MecHost.Source.API && "https".equals(engine.getScheme())) {
            throw new InvalidFieldException("engineEndpoint", "an https:// engine needs a client certificate, which "
                    + "only configuration hosts carry (edgemec.hosts.<name>.engine-tls.*); use unix:// or tcp://");
        }
        URI platform = platformUrl == null || platformUrl.isBlank() ? null
                : uri("platformUrl", platformUrl, List.of("http", "https"));
        if (zone == null || zone.isBlank()) {
            throw new InvalidFieldException("zone", "must not be blank");
        }
        if (cpu <= 0) {
            throw new InvalidFieldException("capacityCpu", "must be positive");
        }
        if (memoryMb <= 0) {
            throw new InvalidFieldException("capacityMemoryMb", "must be positive");
        }
        return new MecHost(name, engineKind, engine, platform, zone, cpu, memoryMb, source);
    }

    private static URI uri(String field, String value, List<String> schemes) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        try {
            URI uri = URI.create(value.trim());
            if (uri.getScheme() == null || !schemes.contains(uri.getScheme())) {
                throw new InvalidFieldException(field, "scheme must be one of " + schemes);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "is not a URI: " + e.getMessage());
        }
    }

    private static void write(MecHostEntity e, MecHost h) {
        e.name = h.name();
        e.engineKind = h.engineKind().name();
        e.engineEndpoint = h.engineEndpoint().toString();
        e.platformUrl = h.platformUrl() == null ? null : h.platformUrl().toString();
        e.zone = h.zone();
        e.capacityCpu = h.capacityCpu();
        e.capacityMemoryMb = h.capacityMemoryMb();
        e.source = h.source().name();
    }

    static MecHost toHost(MecHostEntity e) {
        return new MecHost(e.name, MecHost.EngineKind.valueOf(e.engineKind), URI.create(e.engineEndpoint),
                e.platformUrl == null ? null : URI.create(e.platformUrl), e.zone, e.capacityCpu, e.capacityMemoryMb,
                MecHost.Source.valueOf(e.source));
    }
}
