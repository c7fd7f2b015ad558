package org.w3id.srkg.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ReloadDuringLoadTest {

    @Test
    void theReloadIsSentHalfwayThroughTheMeasuredWindow() {
        assertEquals(Duration.ofMillis(6_000), ReloadDuringLoad.halfway(Duration.ofSeconds(1), Duration.ofSeconds(10)));
        assertEquals(Duration.ofMillis(8_000), ReloadDuringLoad.halfway(Duration.ofSeconds(3), Duration.ofSeconds(10)));
    }

    @Test
    void theWindowHoldsAReloadEvenInQuickMode() {
        assertEquals(ReloadDuringLoad.MIN_MEASURE, ReloadDuringLoad.window(Duration.ofSeconds(2)));
        assertEquals(Duration.ofSeconds(30), ReloadDuringLoad.window(Duration.ofSeconds(30)));
    }

    @Test
    void basicCredentialsAreUserColonPasswordInBase64OfUtf8() {
        // RFC 7617, section 2: the example credentials and their header.
        assertEquals("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", ReloadDuringLoad.basic("Aladdin", "open sesame"));
        assertEquals("Basic dGVzdDoxMjPCow==", ReloadDuringLoad.basic("test", "123\u00a3"));
    }
}
