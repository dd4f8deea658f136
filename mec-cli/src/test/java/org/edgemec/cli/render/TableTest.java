package org.edgemec.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void shouldAlignColumnsToTheirWidestCellAndPrintDashesForEmptyCells() {
        String t = new Table("ID", "STATE", "HOST").row("a1", "INSTANTIATED", "edge1").row("b", null, "").render();
        assertEquals("""
                ID  STATE         HOST
                a1  INSTANTIATED  edge1
                b   -             -
                """, t);
    }

    @Test
    void shouldRefuseMoreCellsThanColumns() {
        assertThrows(IllegalArgumentException.class, () -> new Table("A").row("1", "2"));
    }
}
