package org.edgemec.relocation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class RelocationStepRepository implements PanacheRepositoryBase<RelocationStepEntity, RelocationStepEntity.Key> {

    public List<RelocationStepEntity> of(String relocationId) {
        return list("key.relocationId", Sort.by("key.seq"), relocationId);
    }

    public Optional<RelocationStepEntity> last(String relocationId) {
        return find("key.relocationId", Sort.descending("key.seq"), relocationId).firstResultOptional();
    }
}
