package org.edgemec.relocation.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** One step of a relocation as it ran: RUNNING while it waits or works, then DONE or FAILED with its duration. */
@Entity
@Table(name = "relocation_step")
public class RelocationStepEntity {

    @Embeddable
    public static class Key implements Serializable {

        @Column(name = "relocation_id")
        public String relocationId;

        @Column(name = "seq")
        public int seq;

        public Key() {
        }

        public Key(String relocationId, int seq) {
            this.relocationId = relocationId;
            this.seq = seq;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.seq == seq && Objects.equals(k.relocationId, relocationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(relocationId, seq);
        }
    }

    @EmbeddedId
    public Key key;

    @Column(name = "name", nullable = false)
    public String name;

    @Column(name = "state", nullable = false)
    public String state;

    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    @Column(name = "duration_ms")
    public Long durationMs;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "detail")
    public String detail;

    @Column(name = "error")
    public String error;
}
