package org.edgemec.applcm.domain.grant;

import org.edgemec.mp1api.mec0102.appd.VirtualComputeDescriptor;

/** CPU and memory an app instance needs, from the AppD's virtualComputeDescriptor. */
public record ResourceNeed(int cpu, int memoryMb) {

    public static final ResourceNeed NONE = new ResourceNeed(0, 0);

    public static ResourceNeed of(VirtualComputeDescriptor vcd) {
        if (vcd == null) {
            return NONE;
        }
        return new ResourceNeed(vcd.virtualCpu().numVirtualCpu(), (int) Math.ceil(vcd.virtualMemory().virtualMemSize()));
    }

    public ResourceNeed plus(ResourceNeed other) {
        return new ResourceNeed(cpu + other.cpu, memoryMb + other.memoryMb);
    }
}
