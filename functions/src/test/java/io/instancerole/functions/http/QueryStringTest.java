package io.instancerole.functions.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringTest {
    @Test
    void decodesEachPairKeepsTheFirstOfARepeatedNameAndPassesAMalformedEscapeOnAsWritten() {
        assertEquals(Map.of("name", "a b", "dryRun", "", "team", "x/y", "bad", "%zz"),
                QueryString.parse("name=a%20b&dryRun&team=x%2Fy&&name=second&bad=%zz"));
        assertEquals(Map.of(), QueryString.parse(null));
        assertEquals(Map.of(), QueryString.parse(""));
    }
}
