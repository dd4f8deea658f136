package org.edgemec.platform.servicemgmt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.edgemec.common.error.NotFoundException;
import org.edgemec.platform.persistence.ServiceEntity;
import org.edgemec.platform.persistence.ServiceRepository;
import org.edgemec.platform.persistence.changes.GenerationCache;
import org.edgemec.platform.persistence.changes.TableChanges;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Service discovery (/services): every authenticated app may look up the services offered on this host. Answers are
 * the stored ServiceInfo bodies, kept in memory per query until {@code mec_service} changes (a change committed on
 * this replica is seen by the next lookup; one of another replica once its notification arrives, see
 * {@link org.edgemec.platform.persistence.changes.TableChangeNotifications}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ServiceDiscovery {

    static final String TABLE = "mec_service";
    private static final byte[] NOT_FOUND = new byte[0];

    private final ServiceRepository services;
    private final GenerationCache<byte[]> answers;

    public ServiceDiscovery(ServiceRepository services, TableChanges changes,
                            @ConfigProperty(name = "edgemec.mp1.discovery-cache-size", defaultValue = "1000")
                            long cacheSize) {
        this.services = services;
        // app_instance too: removing an instance deletes its services by foreign-key cascade
        this.answers = new GenerationCache<>(cacheSize, () -> changes.generation(TABLE, "app_instance"));
    }

    /** The JSON array of the matching ServiceInfo, in the query's order. */
    public byte[] find(ServiceQuery query) {
        return answers.get("q:" + query.key(), () -> array(query.run(services)));
    }

    /** Non-blocking: the answer to {@code query} when it is in memory for the current generation, else null. */
    @io.quarkus.arc.NoClassInterceptors // no transaction: called on the event loop
    public byte[] findInMemory(ServiceQuery query) {
        return answers.getIfFresh("q:" + query.key());
    }

    /** The stored ServiceInfo of one service. */
    public byte[] get(String serviceId) {
        byte[] body = answers.get("i:" + serviceId, () -> {
            ServiceEntity entity = services.findById(serviceId);
            return entity == null ? NOT_FOUND : entity.body.getBytes(StandardCharsets.UTF_8);
        });
        if (body == NOT_FOUND) {
            throw new NotFoundException("service " + serviceId);
        }
        return body;
    }

    /** The stored bodies joined into one JSON array: the bytes a serialiser would write for the list. */
    private static byte[] array(List<ServiceEntity> entities) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + entities.size() * 1024);
        out.write('[');
        for (int i = 0; i < entities.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(entities.get(i).body.getBytes(StandardCharsets.UTF_8));
        }
        out.write(']');
        return out.toByteArray();
    }
}
