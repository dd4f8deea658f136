package org.edgemec.mp1api.common;

/** Type of a data-plane interface (MEC 011 DestinationInterface, MEC 010-2 InterfaceDescriptor). */
public enum InterfaceType {
    TUNNEL, MAC, IP
}
