package dev.paperboy.subscriber.interest;

import org.apache.lucene.search.Query;

import java.util.List;

/**
 * An interest that can be followed: the Lucene query over the fields text, cat and author; whether its structure
 * (AND, NOT, +, -, cat:, author:) must hold for a paper to match at all; what it means in words (the typed words
 * and phrases it asks for, without the excluded ones), for semantic similarity, empty when it only filters; and
 * each word or phrase it asks for with its query on the text field, to say which of them a paper has.
 */
public record ParsedInterest(String text, Query query, boolean strict, String meaning, List<Word> words) {

    /**
     * One word or "phrase" as typed, its query on the text field, its group and its alternative in it: words written
     * as alternatives of one another (OR) share a group, a word that stands alone has none (-1); the words of one side
     * of an OR share an alternative ({@code (deep learning theory) OR NTK}: two alternatives, the first of three words).
     */
    public record Word(String typed, Query query, int group, int alternative) {

        /** A word that stands alone. */
        public Word(String typed, Query query) {
            this(typed, query, -1, -1);
        }
    }
}
