package org.w3id.srkg.server;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.sparql.engine.Timeouts;

/**
 * A client's {@code timeout} parameter: seconds, or {@code initial,overall} seconds, as Fuseki reads it, but also in
 * fractions ({@code timeout=0.5}). Fuseki parses each part as a whole number and silently ignores anything else
 * (logging a warning per request), so a fractional timeout did not apply; here it does, and a value that is no
 * number of seconds is refused.
 */
final class ClientTimeout {

    private static final Pattern SECONDS = Pattern.compile("\\d{1,9}(\\.\\d+)?(,\\d{1,9}(\\.\\d+)?)?");

    private ClientTimeout() {
    }

    /**
     * Initial and overall timeouts in milliseconds with Jena's meaning of each part (-1: none), rounded up to a
     * whole millisecond.
     *
     * @throws IllegalArgumentException when the value is not one or two non-negative numbers of seconds
     */
    static Pair<Long, Long> millis(String seconds) {
        if (!SECONDS.matcher(seconds).matches()) {
            throw new IllegalArgumentException("timeout must be seconds, or initial,overall seconds: " + seconds);
        }
        StringBuilder millis = new StringBuilder();
        for (String part : seconds.split(",")) {
            millis.append(millis.length() == 0 ? "" : ",")
                    .append(new BigDecimal(part).movePointRight(3).setScale(0, RoundingMode.CEILING).toPlainString());
        }
        return Timeouts.parseTimeoutStr(millis.toString(), TimeUnit.MILLISECONDS);
    }
}
