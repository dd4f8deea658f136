package org.edgemec.platform.persistence.changes;

import io.quarkus.arc.Arc;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.Table;

/**
 * JPA listener of the entities whose tables back an in-memory read path: every insert, update and delete through
 * Hibernate moves the table's generation on commit, so the next read on this replica sees it. Bulk statements
 * bypass entity listeners; the PostgreSQL trigger of {@link TableChangeNotifications} covers them.
 */
public class TableChangeEntityListener {

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        Table table = entity.getClass().getAnnotation(Table.class);
        if (table != null) {
            Arc.container().instance(TableChanges.class).get().onCommit(table.name());
        }
    }
}
