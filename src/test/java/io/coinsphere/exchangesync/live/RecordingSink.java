package io.coinsphere.exchangesync.live;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink that records frames as text ({@code event:name} or {@code :comment}) and can play a gone client. */
final class RecordingSink implements LiveStream.Sink {

    final List<String> frames = new CopyOnWriteArrayList<>();
    final List<Object> data = new CopyOnWriteArrayList<>();
    volatile boolean gone;
    volatile int completions;

    @Override
    public void event(String name, Object payload) throws IOException {
        if (gone) {
            throw new IOException("Broken pipe");
        }
        frames.add("event:" + name);
        data.add(payload);
    }

    @Override
    public void comment(String text) throws IOException {
        if (gone) {
            throw new IOException("Broken pipe");
        }
        frames.add(":" + text);
    }

    @Override
    public void complete() {
        completions++;
    }
}
