package org.edgemec.platform.proxy.domain;

/** What a client asks of the services it reaches (seed 000: forwarding rules "based on application requirements"). */
public record Requirements(LatencyClass latency, ThroughputClass throughput) {

    public static final Requirements DEFAULT = new Requirements(LatencyClass.NORMAL, ThroughputClass.NORMAL);

    public enum LatencyClass {
        LOW, NORMAL
    }

    public enum ThroughputClass {
        HIGH, NORMAL
    }
}
