-- Shared by every service (each in its own schema): ids of the Kafka events already handled.
CREATE TABLE processed_event (
    event_id     VARCHAR(64)  PRIMARY KEY,
    event_type   VARCHAR(128) NOT NULL,
    source       VARCHAR(128) NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
