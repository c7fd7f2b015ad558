package org.w3id.srkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void columnsArePaddedToTheWidestCellAndPipesEscaped() {
        String markdown = new Table("size", "loader").row("10k", "srkg").row("100k", "a|b").markdown();

        assertEquals("""
                | size | loader |
                | ---- | ------ |
                | 10k  | srkg   |
                | 100k | a\\|b   |
                """, markdown);
    }

    @Test
    void aRowMustFillEveryColumn() {
        assertThrows(IllegalArgumentException.class, () -> new Table("a", "b").row("only one"));
    }

    @Test
    void numbersKeepAboutThreeSignificantDigits() {
        assertEquals("12346", Table.number(12345.6));
        assertEquals("123", Table.number(123.4));
        assertEquals("12.3", Table.number(12.34));
        assertEquals("1.23", Table.number(1.234));
        assertEquals("0.123", Table.number(0.1234));
        assertEquals("0.00123", Table.number(0.001234));
        assertEquals("0", Table.number(0));
        assertEquals("n/a", Table.number(Double.NaN));
        assertEquals("0.500×", Table.ratio(0.5));
    }
}
