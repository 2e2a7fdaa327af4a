package io.coinsphere.exchangesync.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Watches every log line and every API response of the test run for secrets the tests handed to
 * the service (API secrets, passphrases, the master key). Attached once per JVM, so the check at
 * the end of each test class covers the whole suite so far.
 */
public final class LeakWatch {

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
    private static volatile boolean installed;

    private LeakWatch() {
    }

    /** Secrets shorter than 8 characters would match by chance; the tests use long random ones. */
    public static void secret(String value) {
        if (value != null && value.length() >= 8) {
            SECRETS.add(value);
        }
    }

    public static synchronized void install() {
        if (installed) {
            return;
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                StringBuilder text = new StringBuilder(event.getFormattedMessage() == null ? "" : event.getFormattedMessage());
                event.getMDCPropertyMap().values().forEach(v -> text.append(' ').append(v));
                for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                    text.append(' ').append(t.getMessage());
                }
                scan("log " + event.getLoggerName(), text.toString());
            }
        };
        appender.setContext(context);
        appender.setName("leak-watch");
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        installed = true;
    }

    public static void scan(String where, String text) {
        if (text == null) {
            return;
        }
        for (String secret : SECRETS) {
            if (text.contains(secret)) {
                LEAKS.add(where + ": " + text.substring(0, Math.min(200, text.length())).replace(secret, "<SECRET>"));
            }
        }
    }

    public static List<String> leaks() {
        return new ArrayList<>(LEAKS);
    }

    public static int watched() {
        return SECRETS.size();
    }
}
