package io.instancerole.local;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which claims of the caller's token reach the function, and as which headers: what API Gateway's
 * claim mapping or an HTTP trigger's JWT {@code claimPassBy} does. A client-sent header of one of
 * these names never reaches the function.
 */
final class CallerClaims {
    /** template.yml's mapping (its header comment): the token's sub and team claims. */
    static final CallerClaims STANDARD = new CallerClaims(Map.of("sub", "X-Caller-Id", "team", "X-Caller-Team"));

    private final Map<String, String> headerByClaim;

    CallerClaims(Map<String, String> headerByClaim) {
        this.headerByClaim = Map.copyOf(headerByClaim);
    }

    /**
     * An HTTP trigger's {@code claimPassBy}: {@code header:<claim>:<header>} entries separated by
     * ','. The local gateway passes claims as headers only; another position is refused at start.
     */
    static CallerClaims ofClaimPassBy(String claimPassBy, String where) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String entry : claimPassBy.split(",")) {
            String[] parts = entry.trim().split(":", -1);
            if (parts.length != 3 || !"header".equals(parts[0]) || parts[1].isEmpty() || parts[2].isEmpty()) {
                throw new StartupException(where + ": claimPassBy entry '" + entry
                        + "' is not header:<claim>:<header>; the local gateway passes claims as headers");
            }
            mapping.put(parts[1], parts[2]);
        }
        return new CallerClaims(mapping);
    }

    /** The headers the caller's claims become; a claim the caller does not have is not passed. */
    Map<String, String> headers(Map<String, String> claims) {
        Map<String, String> headers = new LinkedHashMap<>();
        headerByClaim.forEach((claim, header) -> {
            String value = claims.get(claim);
            if (value != null) {
                headers.put(header, value);
            }
        });
        return headers;
    }

    /** The header names, lower case, that only the gateway may set. */
    Set<String> headerNames() {
        Set<String> names = new TreeSet<>();
        headerByClaim.values().forEach(h -> names.add(h.toLowerCase(Locale.ROOT)));
        return names;
    }

    /** Claim name to header name. */
    Map<String, String> mapping() {
        return headerByClaim;
    }
}
