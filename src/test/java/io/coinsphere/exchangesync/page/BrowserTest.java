package io.coinsphere.exchangesync.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.coinsphere.exchangesync.live.LiveStreams;
import io.coinsphere.exchangesync.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One Chromium per browser test class against the shared service: started before the class, closed once the
 * page's event streams have ended, and no script error or CSP violation allowed after any test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest extends IntegrationTest {

    @Autowired
    private LiveStreams streams;

    protected Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = Browser.start(port);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.closeAfterStreamsEnd(streams::openStreams);
        }
    }

    @AfterEach
    void noScriptErrors() {
        assertThat(browser.scriptErrors()).as("script errors and CSP violations in the browser console").isEmpty();
    }
}
