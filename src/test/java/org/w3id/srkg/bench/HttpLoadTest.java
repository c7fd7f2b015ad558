package org.w3id.srkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HttpLoadTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (i + 1) * 1_000_000L;
        }
        assertEquals(50.0, HttpLoad.percentile(nanos, 50));
        assertEquals(99.0, HttpLoad.percentile(nanos, 99));
        assertEquals(7.0, HttpLoad.percentile(new long[] {7_000_000L}, 99));
        assertTrue(Double.isNaN(HttpLoad.percentile(new long[0], 50)));
    }
}
