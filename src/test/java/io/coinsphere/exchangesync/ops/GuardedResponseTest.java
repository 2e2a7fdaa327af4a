package io.coinsphere.exchangesync.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** A response written after its request completed (an async timeout answered it) must not be touched. */
class GuardedResponseTest {

    @Test
    void writesGoThroughWhileTheRequestIsAlive() throws Exception {
        MockHttpServletResponse real = new MockHttpServletResponse();
        GuardedResponse guarded = new GuardedResponse(real);
        guarded.setStatus(202);
        guarded.setHeader("Content-Type", "application/json");
        guarded.getOutputStream().write("{\"success\":true}".getBytes(StandardCharsets.UTF_8));
        assertThat(real.getStatus()).isEqualTo(202);
        assertThat(real.getContentAsString()).isEqualTo("{\"success\":true}");
    }

    @Test
    void afterCompletionEveryWriteIsDropped() throws Exception {
        MockHttpServletResponse real = new MockHttpServletResponse();
        GuardedResponse guarded = new GuardedResponse(real);
        var stream = guarded.getOutputStream();
        guarded.onComplete(null);

        guarded.setStatus(500);
        guarded.setHeader("X-Late", "yes");
        guarded.sendError(503);
        stream.write("late".getBytes(StandardCharsets.UTF_8));
        guarded.getOutputStream().write('x');
        guarded.getWriter().print("later");
        guarded.flushBuffer();

        assertThat(guarded.isCompleted()).isTrue();
        assertThat(real.getStatus()).isEqualTo(200);
        assertThat(real.getHeader("X-Late")).isNull();
        assertThat(real.getContentAsString()).isEmpty();
        assertThat(real.isCommitted()).isFalse();
    }
}
