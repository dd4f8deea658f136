package org.edgemec.common.events;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;

@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, String> {

    /** Records the event unless it is recorded already; true when this call recorded it. */
    public boolean recordOnce(String eventId, String type, String source, OffsetDateTime at) {
        return getEntityManager().createNativeQuery("INSERT INTO {h-schema}processed_event "
                        + "(event_id, event_type, source, processed_at) VALUES (?1, ?2, ?3, ?4) "
                        + "ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, eventId).setParameter(2, type).setParameter(3, source).setParameter(4, at)
                .executeUpdate() == 1;
    }
}
