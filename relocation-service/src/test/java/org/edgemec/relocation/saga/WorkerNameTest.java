package org.edgemec.relocation.saga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkerNameTest {

    @Test
    void replicasWithOneInstanceNameOnTwoMachinesHoldLeasesUnderTwoNames() {
        // two pods of one Deployment: same EDGEMEC_INSTANCE_NAME, their own host names
        assertNotEquals(WorkerName.of("relocation-service", Optional.of("relocation-7f9c-abcde")),
                WorkerName.of("relocation-service", Optional.of("relocation-7f9c-fghij")));
    }

    @Test
    void theSameInstanceRestartedOnItsMachineKeepsItsNameAndSoItsLeases() {
        assertEquals(WorkerName.of("relocation-service-2", Optional.of("vm\n")),
                WorkerName.of("relocation-service-2", Optional.of("vm")));
        assertEquals("relocation-service-2@vm", WorkerName.of("relocation-service-2", Optional.of("vm\n")));
    }

    @Test
    void withoutAHostNameTheInstanceNameAloneAndNeverLongerThanTheColumn() {
        assertEquals("relocation-service", WorkerName.of("relocation-service", Optional.empty()));
        assertEquals("relocation-service", WorkerName.of("relocation-service", Optional.of(" ")));
        assertTrue(WorkerName.of("r", Optional.of("h".repeat(300))).length() <= WorkerName.MAX);
    }

    @Test
    void thisMachineHasAHostName() {
        assertTrue(WorkerName.machine().filter(h -> !h.isBlank()).isPresent());
    }
}
