package io.instancerole.local;

import java.nio.file.Path;

/** The walkthrough served from template.yml: API Gateway's events. */
class TemplateYmlEndToEndTest extends EndToEnd {
    @Override
    Path deploymentFile() {
        return Project.template();
    }
}
