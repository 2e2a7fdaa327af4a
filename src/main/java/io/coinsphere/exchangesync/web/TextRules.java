package io.coinsphere.exchangesync.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What every string in a request body must be: valid Unicode text without control characters.
 * Decision: such input is refused (400), never cleaned up. A NUL cannot be stored in PostgreSQL
 * text at all, half a surrogate pair cannot be encoded as UTF-8, and newlines or escape codes in a
 * label only serve to forge log lines or spoof the page. Everything else (right-to-left scripts,
 * emoji, markup characters) is stored exactly as sent.
 */
public final class TextRules {

    private TextRules() {
    }

    /** Throws a 400 naming the first field whose text (or whose name) breaks the rules. */
    public static void check(JsonNode node) {
        check(node, Set.of());
    }

    /**
     * The same, except that the top-level fields named in {@code multiLineFields} may hold line breaks
     * (see {@link MultiLineText}).
     */
    public static void check(JsonNode node, Set<String> multiLineFields) {
        check(node, "body", multiLineFields);
    }

    private static void check(JsonNode node, String path, Set<String> multiLineFields) {
        if (node.isTextual()) {
            String problem = problem(node.textValue(), multiLineFields.contains(path));
            if (problem != null) {
                throw ApiException.validation(path, problem);
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = problem(field.getKey()) == null ? field.getKey() : null;
                if (name == null) {
                    throw ApiException.validation("body", "has a field name that is not plain text");
                }
                // Only top-level fields are named by multiLineFields; nested ones never may hold line breaks.
                check(field.getValue(), "body".equals(path) ? name : path + "." + name,
                        "body".equals(path) ? multiLineFields : Set.of());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), path + "[" + i + "]", Set.of());
            }
        }
    }

    /** Why the text is refused, or null when it is fine. */
    public static String problem(String text) {
        return problem(text, false);
    }

    /** Why the text is refused, or null when it is fine; {@code lineBreaks} lets LF and CR through. */
    public static String problem(String text, boolean lineBreaks) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (lineBreaks && (c == '\n' || c == '\r')) {
                continue;
            }
            if (Character.isISOControl(c)) {
                return "must not contain control characters";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must be valid Unicode text";
            }
            if (Character.isLowSurrogate(c)) {
                return "must be valid Unicode text";
            }
        }
        return null;
    }
}
