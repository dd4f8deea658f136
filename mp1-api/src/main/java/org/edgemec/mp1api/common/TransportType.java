package org.edgemec.mp1api.common;

/** MEC 011 TransportType; the AppSupport and MEC 010-2 files call it TransportTypes (same values). */
public enum TransportType {
    REST_HTTP, MB_TOPIC_BASED, MB_ROUTING, MB_PUBSUB, RPC, RPC_STREAMING, WEBSOCKET
}
