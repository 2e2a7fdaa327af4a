package io.coinsphere.exchangesync.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a top-level request field whose text may hold line breaks (LF, CR), the one exception to
 * {@link TextRules}: a PEM private key needs its lines. Every other control character is still refused.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface MultiLineText {
}
