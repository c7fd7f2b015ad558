package org.w3id.srkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.apache.jena.fuseki.main.FusekiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3id.srkg.pipeline.Pipeline;
import org.w3id.srkg.support.Fixtures;
import org.w3id.srkg.support.RawHttp;

/** Guessing the operator password from one address is backed off; the right password works again afterwards. */
class LoginThrottleTest {

    @TempDir
    static Path temp;

    private static FusekiServer server;

    @BeforeAll
    static void start() throws Exception {
        Path passwords = Files.writeString(temp.resolve("passwords"), "operator: s3cret\n");
        server = SparqlServer.start(new ServedDataset(Pipeline.build(Fixtures.root("good"))), "127.0.0.1", 0,
                ServerOptions.DEFAULTS.withOperatorEndpoints(passwords, true, false, null));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void wrongPasswordsAreBackedOffAndTheRightOneWorksAfterwards() throws Exception {
        RawHttp guesser = new RawHttp("127.0.0.2", server.getPort());
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertEquals(401, stats(guesser, "guess" + i).status());
        }
        RawHttp.Response throttled = stats(guesser, "guess");
        assertEquals(429, throttled.status(), throttled.body());
        String retryAfter = throttled.header("Retry-After");
        assertNotNull(retryAfter);
        assertEquals(429, stats(guesser, "s3cret").status(), "the password is not even checked while backed off");

        assertEquals(401, stats(new RawHttp("127.0.0.3", server.getPort()), "guess").status(), "another address");

        Thread.sleep(Long.parseLong(retryAfter) * 1000 + 200);
        assertEquals(200, stats(guesser, "s3cret").status());
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertEquals(401, stats(guesser, "guess" + i).status(), "a success starts the count again");
        }
    }

    private static RawHttp.Response stats(RawHttp client, String password) {
        String credentials = Base64.getEncoder()
                .encodeToString(("operator:" + password).getBytes(StandardCharsets.UTF_8));
        return client.get("/$/stats", "Authorization: Basic " + credentials);
    }
}
