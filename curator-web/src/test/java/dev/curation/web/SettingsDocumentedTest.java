package dev.curation.web;

import dev.curation.service.SettingsDocumentation;
import org.junit.jupiter.api.Test;

/** docs/operations.md names every curation.* setting of the web app, and none that it does not have. */
class SettingsDocumentedTest {

    @Test
    void operationsGuideListsTheSettings() {
        SettingsDocumentation.assertDocumented("curator-web");
    }
}
