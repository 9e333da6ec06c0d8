package io.instancerole.local;

import java.nio.file.Path;

/** The walkthrough served from s.yaml ({@code --template s.yaml}): Function Compute 3.0's HTTP-trigger events. */
class ServerlessDevsEndToEndTest extends EndToEnd {
    @Override
    Path deploymentFile() {
        return Project.serverlessDevs();
    }
}
