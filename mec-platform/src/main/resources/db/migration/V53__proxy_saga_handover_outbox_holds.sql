-- Edge proxy and the relocation saga (docs/edge-proxy.md "Relocation saga"): idempotent handovers with rewritten
-- forwarding and a timeout, an outbox for "client arrived" events, and request holds kept across a restart.

alter table proxy_handover
    add column request         text,                      -- canonical JSON of the order: same id + same body = same handover
    add column forwarding      text,                      -- JSON object service host -> backend, applied to the target's copy
    add column rewrite_source  boolean not null default false, -- the forwarding rewrite also applies to the source's state
    add column failure         text,                      -- why a FAILED or TIMED_OUT handover ended
    add column pending_since   timestamp with time zone;  -- when it became PENDING (edgemec.proxy.handover-timeout runs from here)

-- states now: PREPARING, PENDING, FINALIZED, CANCELLED, SUPERSEDED, FAILED, TIMED_OUT
create index proxy_handover_open on proxy_handover (state, pending_since) where state in ('PREPARING', 'PENDING');

-- Events of the proxy (ClientArrivedEvent) written in the transaction of the change they report, published to Kafka
-- by a scheduled dispatcher (rows claimed FOR UPDATE SKIP LOCKED) and marked SENT after the broker's ack.
create table proxy_event_outbox (
    id               varchar(64)  primary key,            -- the event id; consumers deduplicate on it (processed_event)
    event_type       varchar(128) not null,
    payload          text         not null,               -- the event as JSON, sent as is
    status           varchar(16)  not null,               -- PENDING, SENT, EXPIRED
    attempts         integer      not null default 0,
    next_attempt_at  timestamp with time zone not null,
    expires_at       timestamp with time zone,
    last_error       text,
    created_at       timestamp with time zone not null,
    sent_at          timestamp with time zone
);

create index proxy_event_outbox_due on proxy_event_outbox (next_attempt_at) where status = 'PENDING';

-- Request holds (PUT /edge_proxy/v1/holds/{id}): kept in memory by the proxy, here so that a restarted platform
-- holds the same service hosts until the hold is released or ends by itself (expires_at = created_at + 3 x max_wait).
create table proxy_hold (
    id             varchar(64)  primary key,
    service_hosts  text         not null,                 -- JSON array of host names, lower case
    max_wait_ms    bigint       not null,
    max_requests   integer      not null,
    request        text         not null,                 -- canonical JSON of the PUT body (an equal PUT changes nothing)
    created_at     timestamp with time zone not null,
    expires_at     timestamp with time zone not null
);
