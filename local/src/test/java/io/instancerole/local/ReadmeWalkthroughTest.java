package io.instancerole.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The README shows the walkthrough's requests exactly as the end-to-end test sends them. */
class ReadmeWalkthroughTest {
    @Test
    void everyRequestOfTheWalkthroughIsInTheReadmeAsWritten() throws Exception {
        String readme = Files.readString(Project.root().resolve("README.md"));
        int section = readme.indexOf("## Local walkthrough");
        assertTrue(section >= 0, "README.md has a 'Local walkthrough' section");
        String walkthrough = readme.substring(section);
        for (Walkthrough.Step step : Walkthrough.ALL) {
            assertTrue(walkthrough.contains("$API" + step.path), "README shows $API" + step.path);
            if (step.body != null) {
                assertTrue(walkthrough.contains("-d '" + step.body + "'"), "README shows the body " + step.body);
            }
        }
        assertTrue(walkthrough.contains("$EMU" + Walkthrough.METADATA_ROLE_PATH), "README reads the metadata service");
    }
}
