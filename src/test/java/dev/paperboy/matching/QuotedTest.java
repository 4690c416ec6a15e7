package dev.paperboy.matching;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QuotedTest {

    @Test
    void anInterestIsNamedInCurlyQuotes() {
        assertEquals("“graph neural networks”", Quoted.interest("graph neural networks"));
        assertEquals("“\"mixture of experts\" routing”", Quoted.interest("\"mixture of experts\" routing"));
        assertEquals("“\"a\" OR \"b\"”", Quoted.interest("\"a\" OR \"b\""));
    }

    @Test
    void oneQuotedPhraseIsNamedAsTypedNotQuotedTwice() {
        assertEquals("\"mixture of experts\"", Quoted.interest("\"mixture of experts\""));
        assertEquals("“\"”", Quoted.interest("\""));
        assertEquals("“\"\"”", Quoted.interest("\"\""));
    }
}
