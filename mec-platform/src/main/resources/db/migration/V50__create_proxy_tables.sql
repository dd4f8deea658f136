-- Edge proxy: services it fronts, per-client state (one row per proxy and client) and the handovers it ordered.

create table proxy_service (
    service_host        varchar(255) primary key,   -- origin host name clients use (Host header), lower case
    backend             varchar(300) not null,      -- host:port of the default backend
    latency_backend     varchar(300),               -- backend for clients asking for low latency
    throughput_backend  varchar(300),               -- backend for clients asking for high throughput
    updated_at          timestamp with time zone not null
);

create table proxy_client_state (
    proxy_name          varchar(128) not null,
    client_id           varchar(128) not null,
    latency_class       varchar(16)  not null,
    throughput_class    varchar(16)  not null,
    forwarding          text         not null,      -- JSON object: service host -> backend host:port
    handover_id         varchar(64),                -- set on a copy installed by a handover (target side)
    arrived             boolean      not null default false,
    advertise_alt_svc   varchar(512),               -- Alt-Svc value added to this client's responses
    expires_at          timestamp with time zone,   -- copies kept only while a client may still use them
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    primary key (proxy_name, client_id)
);

create index proxy_client_state_expiry on proxy_client_state (expires_at) where expires_at is not null;

create table proxy_handover (
    id                  varchar(64)  primary key,
    client_id           varchar(128) not null,
    source_proxy        varchar(128) not null,
    target_proxy        varchar(128) not null,
    state               varchar(16)  not null,      -- PENDING, FINALIZED, CANCELLED, SUPERSEDED
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null
);

create index proxy_handover_client on proxy_handover (client_id, state);
