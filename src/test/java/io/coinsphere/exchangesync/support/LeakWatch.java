package io.coinsphere.exchangesync.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Watches every log line (message, MDC, exception messages and stack traces, Camel's failure dumps)
 * and every API response of the test run for secrets: the values the tests handed to the service
 * (API secrets, passphrases, passwords, the master key) and anything shaped like a credential
 * envelope, a JWT or a private key. Attached once per JVM, so the check at the end of each test
 * class covers the whole suite so far.
 */
public final class LeakWatch {

    /** The vault's envelope {@code v1:<keyId>:<salt>:<iv>:<tag>:<ciphertext>} (URL-safe base64). */
    static final Pattern CIPHERTEXT = Pattern.compile("\\bv\\d{1,3}:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]{16,}:[A-Za-z0-9_-]{12,}:"
            + "[A-Za-z0-9_-]{16,}:[A-Za-z0-9_-]+");
    /** A JWT, signed or not (an {@code alg: none} token has an empty third part). */
    static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");
    static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");

    /** The only responses that may carry a JWT: the auth endpoints hand tokens out. */
    private static final String TOKEN_ENDPOINTS = "response POST /api/v1/auth/";

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    private static final List<String> LEAKS = new CopyOnWriteArrayList<>();
    private static final List<List<String>> CAPTURES = new CopyOnWriteArrayList<>();

    private LeakWatch() {
    }

    /** Secrets shorter than 8 characters would match by chance; the tests use long random ones. */
    public static void secret(String value) {
        if (value != null && value.length() >= 8) {
            SECRETS.add(value);
        }
    }

    /**
     * Attaches the watch to the root logger, again if needed: Spring Boot resets Logback when the context
     * starts, which drops appenders attached before (so the base test class calls this before every test).
     */
    public static synchronized void install() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("leak-watch") != null) {
            return;
        }
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                String text = render(event);
                scan("log " + event.getLoggerName(), text);
                for (List<String> capture : CAPTURES) {
                    capture.add(event.getLevel() + " " + event.getLoggerName() + " " + text);
                }
            }
        };
        appender.setContext(context);
        appender.setName("leak-watch");
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    /** Everything a log appender could print for the event, stack traces and causes included. */
    static String render(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getFormattedMessage() == null ? "" : event.getFormattedMessage());
        event.getMDCPropertyMap().values().forEach(v -> text.append(' ').append(v));
        appendThrowable(text, event.getThrowableProxy(), 0);
        return text.toString();
    }

    private static void appendThrowable(StringBuilder text, IThrowableProxy t, int depth) {
        if (t == null || depth > 20) {
            return;
        }
        text.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
        if (t.getStackTraceElementProxyArray() != null) {
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                text.append("\n\tat ").append(frame.getSTEAsString());
            }
        }
        if (t.getSuppressed() != null) {
            for (IThrowableProxy suppressed : t.getSuppressed()) {
                appendThrowable(text, suppressed, depth + 1);
            }
        }
        appendThrowable(text, t.getCause(), depth + 1);
    }

    public static void scan(String where, String text) {
        for (String finding : findings(where, text)) {
            LEAKS.add(where + ": " + finding);
        }
    }

    /** What in {@code text} is a leak, each shown masked; empty when it is clean. Records nothing. */
    public static List<String> findings(String where, String text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        String excerpt = text.substring(0, Math.min(200, text.length()));
        for (String secret : SECRETS) {
            if (text.contains(secret)) {
                found.add("secret in " + excerpt.replace(secret, "<SECRET>"));
            }
        }
        if (CIPHERTEXT.matcher(text).find()) {
            found.add("ciphertext in " + CIPHERTEXT.matcher(excerpt).replaceAll("<CIPHERTEXT>"));
        }
        if (!where.startsWith(TOKEN_ENDPOINTS) && JWT.matcher(text).find()) {
            found.add("JWT in " + JWT.matcher(excerpt).replaceAll("<JWT>"));
        }
        if (PRIVATE_KEY.matcher(text).find()) {
            found.add("private key in " + excerpt);
        }
        return found;
    }

    public static List<String> leaks() {
        return new ArrayList<>(LEAKS);
    }

    public static int watched() {
        return SECRETS.size();
    }

    /** Collects the rendered log lines written while it is open (to prove that a failure path did log). */
    public static Capture capture() {
        Capture capture = new Capture(new CopyOnWriteArrayList<>());
        CAPTURES.add(capture.lines);
        return capture;
    }

    /** Log lines seen since {@link #capture()}; close it when done. */
    public record Capture(List<String> lines) implements AutoCloseable {
        @Override
        public void close() {
            CAPTURES.removeIf(each -> each == lines);
        }
    }
}
