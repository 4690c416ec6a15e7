package dev.paperboy.subscriber.interest;

import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The messages an interest is refused with, each saying where the problem is when it is in one place. */
final class Refusals {

    private static final Pattern LEXICAL_COLUMN = Pattern.compile("column (\\d+)");
    private static final Pattern NEGATION = Pattern.compile("(^|[\\s(])(NOT\\b|-)");

    private Refusals() {
    }

    /** A NOT (or -word) with nothing beside it in its group, at the first negation. */
    static InterestRefused negationAlone(String typed) {
        Matcher m = NEGATION.matcher(typed);
        int at = m.find() ? m.start(2) + 1 : 0;
        return new InterestRefused("A NOT (or -word) on its own would bring every other paper" + where(at)
                + ": say what you want beside it, like: transformers NOT vision.", at);
    }

    static InterestRefused nothing(String typed) {
        int quotes = typed.indexOf("\"\"");
        if (quotes >= 0) {
            return new InterestRefused("The empty quotes at character " + (quotes + 1)
                    + " ask for nothing, and nothing else is left to search for.", quotes + 1);
        }
        return new InterestRefused("“" + typed + "” has only very common words (like the, of, papers, new): name"
                + " the topic itself.", 0);
    }

    /** What the query parser found wrong, in the typed interest's terms and positions. */
    static InterestRefused of(ParseException wrapped, InterestText text) {
        Throwable cause = wrapped.getCause() == null ? wrapped : wrapped.getCause();
        if (cause instanceof ParseException e && e.currentToken != null && e.currentToken.next != null) {
            Token bad = e.currentToken.next;
            if (bad.kind == 0) { // end of input
                return new InterestRefused("The interest ends too early: something must follow “"
                        + e.currentToken.image + "”.", text.typedPosition(e.currentToken.beginColumn));
            }
            int at = text.typedPosition(bad.beginColumn);
            return new InterestRefused("Unexpected “" + bad.image + "” at character " + at
                    + " (AND, OR and NOT go between words, in capitals).", at);
        }
        if (cause instanceof TokenMgrError) {
            Matcher column = LEXICAL_COLUMN.matcher(cause.getMessage());
            int at = column.find() ? text.typedPosition(Integer.parseInt(column.group(1)) - 1) : 0;
            return new InterestRefused("Unexpected character" + where(at) + ".", at);
        }
        if (cause instanceof InterestParser.FieldRefused e) {
            int at = text.typed().toLowerCase(Locale.ROOT).indexOf(e.typed.toLowerCase(Locale.ROOT)) + 1;
            return new InterestRefused(e.getMessage() + where(at) + ".", at);
        }
        return new InterestRefused(capitalized(cause.getMessage()) + ".", 0);
    }

    private static String where(int position) {
        return position > 0 ? " at character " + position : "";
    }

    private static String capitalized(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
