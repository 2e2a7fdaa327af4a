package io.coinsphere.exchangesync.ops;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * A response that ignores writes once its request has completed (see {@link LateWriteGuard}). Every call
 * that touches the real response holds one lock, which completion takes too: a write in progress finishes
 * before the container may recycle the response, and any later one is dropped.
 */
final class GuardedResponse extends HttpServletResponseWrapper implements AsyncListener {

    private final Object lock = new Object();
    private boolean completed;
    private ServletOutputStream stream;

    GuardedResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void onComplete(AsyncEvent event) {
        synchronized (lock) {
            completed = true;
        }
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        // Spring MVC answers the timeout itself (and completes the request, which closes this guard).
    }

    @Override
    public void onError(AsyncEvent event) {
        // Completion follows.
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        event.getAsyncContext().addListener(this);
    }

    boolean isCompleted() {
        synchronized (lock) {
            return completed;
        }
    }

    private interface Call {
        void run() throws IOException;
    }

    private void guarded(Call call) throws IOException {
        synchronized (lock) {
            if (!completed) {
                call.run();
            }
        }
    }

    private void quietly(Runnable call) {
        synchronized (lock) {
            if (!completed) {
                call.run();
            }
        }
    }

    @Override
    public void setStatus(int sc) {
        quietly(() -> super.setStatus(sc));
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        guarded(() -> super.sendError(sc, msg));
    }

    @Override
    public void sendError(int sc) throws IOException {
        guarded(() -> super.sendError(sc));
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        guarded(() -> super.sendRedirect(location));
    }

    @Override
    public void setHeader(String name, String value) {
        quietly(() -> super.setHeader(name, value));
    }

    @Override
    public void addHeader(String name, String value) {
        quietly(() -> super.addHeader(name, value));
    }

    @Override
    public void setIntHeader(String name, int value) {
        quietly(() -> super.setIntHeader(name, value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        quietly(() -> super.addIntHeader(name, value));
    }

    @Override
    public void setDateHeader(String name, long date) {
        quietly(() -> super.setDateHeader(name, date));
    }

    @Override
    public void addDateHeader(String name, long date) {
        quietly(() -> super.addDateHeader(name, date));
    }

    @Override
    public void addCookie(Cookie cookie) {
        quietly(() -> super.addCookie(cookie));
    }

    @Override
    public void setContentType(String type) {
        quietly(() -> super.setContentType(type));
    }

    @Override
    public void setCharacterEncoding(String charset) {
        quietly(() -> super.setCharacterEncoding(charset));
    }

    @Override
    public void setContentLength(int len) {
        quietly(() -> super.setContentLength(len));
    }

    @Override
    public void setContentLengthLong(long len) {
        quietly(() -> super.setContentLengthLong(len));
    }

    @Override
    public void setBufferSize(int size) {
        quietly(() -> super.setBufferSize(size));
    }

    @Override
    public void flushBuffer() throws IOException {
        guarded(super::flushBuffer);
    }

    @Override
    public void reset() {
        quietly(super::reset);
    }

    @Override
    public void resetBuffer() {
        quietly(super::resetBuffer);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        synchronized (lock) {
            if (stream == null) {
                stream = new GuardedStream(completed ? null : super.getOutputStream());
            }
            return stream;
        }
    }

    /** Routes write through the stream; a writer is only ever handed out while the request is alive. */
    @Override
    public PrintWriter getWriter() throws IOException {
        synchronized (lock) {
            return completed ? new PrintWriter(OutputStream.nullOutputStream()) : super.getWriter();
        }
    }

    /** The real stream while the request is alive; a sink afterwards. */
    private final class GuardedStream extends ServletOutputStream {

        private final ServletOutputStream target;

        GuardedStream(ServletOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            if (target != null) {
                guarded(() -> target.write(b));
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (target != null) {
                guarded(() -> target.write(b, off, len));
            }
        }

        @Override
        public void flush() throws IOException {
            if (target != null) {
                guarded(target::flush);
            }
        }

        @Override
        public void close() throws IOException {
            if (target != null) {
                guarded(target::close);
            }
        }

        @Override
        public boolean isReady() {
            return target == null || target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            if (target != null) {
                target.setWriteListener(listener);
            }
        }
    }
}
