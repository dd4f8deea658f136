package org.edgemec.mp1api.common;

/** MEC 011 SerializerType. */
public enum SerializerType {
    JSON, XML, PROTOBUF3
}
