package dev.paperboy.subscriber.interest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The interest language: what it accepts and means, and what it refuses with a message saying where. */
class InterestLanguageTest {

    @Test
    void wordsWrittenAsAlternativesShareAGroup() throws InterestRefused {
        List<ParsedInterest.Word> words = InterestLanguage.parse("(pruning OR sparsity) AND (RNN OR recurrent) lstm")
                .words();
        assertEquals(List.of("pruning", "sparsity", "RNN", "recurrent", "lstm"),
                words.stream().map(ParsedInterest.Word::typed).toList());
        assertEquals(words.get(0).group(), words.get(1).group());
        assertEquals(words.get(2).group(), words.get(3).group());
        assertNotEquals(words.get(0).group(), words.get(2).group());
        assertTrue(words.get(0).group() >= 0 && words.get(2).group() >= 0);
        assertEquals(-1, words.get(4).group(), "a word beside them stands alone");
        List<ParsedInterest.Word> three = InterestLanguage.parse("\"energy-based\" OR Boltzmann OR Hopfield").words();
        assertEquals(1, three.stream().map(ParsedInterest.Word::group).distinct().count(), "three alternatives, one group");
        assertTrue(InterestLanguage.parse("graph neural networks").words().stream().allMatch(w -> w.group() == -1),
                "plain words are not alternatives");
    }

    @Test
    void orJoinsOnlyTheWordOrPhraseOnEachSideUnlessParenthesesSayMore() throws InterestRefused {
        List<ParsedInterest.Word> bare = InterestLanguage.parse("deep learning theory OR \"neural tangent kernel\"")
                .words();
        assertEquals(List.of(-1, -1), bare.subList(0, 2).stream().map(ParsedInterest.Word::group).toList(),
                "deep and learning stand alone");
        assertTrue(bare.get(2).group() >= 0 && bare.get(2).group() == bare.get(3).group(),
                "theory or the phrase");
        List<ParsedInterest.Word> grouped = InterestLanguage.parse(
                "(deep learning theory) OR \"neural tangent kernel\"").words();
        assertEquals(1, grouped.stream().map(ParsedInterest.Word::group).distinct().count(),
                "the parenthesised words and the phrase are one set of alternatives");
    }

    @Test
    void plainWordsAndSentencesRankWithoutFilteringAndMeanWhatWasTyped() throws InterestRefused {
        ParsedInterest words = InterestLanguage.parse("graph neural networks");
        assertFalse(words.strict(), "plain words rank, they do not require each other");
        assertEquals("text:graph text:neural text:network", words.query().toString());
        assertEquals("graph neural networks", words.meaning());

        ParsedInterest sentence = InterestLanguage.parse("papers about making language models cite their sources");
        assertFalse(sentence.strict());
        assertEquals("text:make text:languag text:model text:cite text:sourc", sentence.query().toString(),
                "words that name no topic (papers, about, their) are not searched for");
        assertEquals("papers about making language models cite their sources", sentence.meaning(),
                "the whole sentence is embedded");
    }

    @Test
    void phrasesOperatorsAndHyphensKeepTheirLuceneMeaning() throws InterestRefused {
        assertEquals("text:\"mixtur ? expert\"", InterestLanguage.parse("\"mixture of experts\"").query().toString());
        assertEquals("text:\"click through\" text:rate", InterestLanguage.parse("click-through rate").query().toString());
        ParsedInterest bool = InterestLanguage.parse("attention AND (transformer OR transformers) NOT survey");
        assertTrue(bool.strict());
        assertEquals("+text:attent +(text:transform text:transform) -text:survei", bool.query().toString());
        assertEquals("attention transformer transformers", bool.meaning(), "the excluded word is not in the meaning");
        ParsedInterest minus = InterestLanguage.parse("transformers -vision");
        assertEquals("text:transform -text:vision", minus.query().toString());
        assertEquals("transformers", minus.meaning());
    }

    @Test
    void anExcludedPhraseIsNeitherMeantNorAskedFor() throws InterestRefused {
        ParsedInterest not = InterestLanguage.parse("(MLP OR \"multilayer perceptron\") NOT \"click-through\"");
        assertEquals("MLP multilayer perceptron", not.meaning(), "the phrase the person excluded is not embedded");
        assertEquals(List.of("MLP", "multilayer perceptron"), not.words().stream().map(ParsedInterest.Word::typed).toList());
        ParsedInterest minus = InterestLanguage.parse("transformers -\"computer vision\"");
        assertEquals("transformers", minus.meaning());
        ParsedInterest kept = InterestLanguage.parse("\"mixture of experts\" -routing");
        assertEquals("mixture of experts", kept.meaning(), "a phrase that is asked for stays");
    }

    @Test
    void categoriesAndAuthorsAreExactFiltersBesideWords() throws InterestRefused {
        ParsedInterest category = InterestLanguage.parse("cat:cs.LG graph neural networks");
        assertTrue(category.strict());
        assertEquals("+cat:cs.lg text:graph text:neural text:network", category.query().toString());
        assertEquals("+(cat:cs.lg cat:stat.ml) text:transform",
                InterestLanguage.parse("cat:cs.LG OR cat:stat.ML transformers").query().toString(),
                "OR'd categories beside words are one required group");
        ParsedInterest author = InterestLanguage.parse("author:\"Ada Lovelace\"");
        assertTrue(author.strict());
        assertEquals("author:ada lovelace", author.query().toString());
        assertEquals("", author.meaning(), "a filter alone has no meaning to embed");
        assertEquals(InterestLanguage.authorKey("ADA  Lovelace"), InterestLanguage.authorKey("Ádá Lovelace"));
    }

    @Test
    void punctuationThatIsQueryParserSyntaxIsReadAsText() throws InterestRefused {
        assertEquals("text:attent text:learn", InterestLanguage.parse("what can attention learn?").query().toString());
        assertEquals("text:encod text:decod text:model",
                InterestLanguage.parse("encoder/decoder models").query().toString());
        assertEquals("text:interpret text:explain text:neuron",
                InterestLanguage.parse("interpretability: explaining neurons").query().toString(),
                "a colon after a word that is no field is text");
        assertEquals("text:self text:attent", InterestLanguage.parse("self - attention").query().toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\"mixture of experts                | 1 | The quote at character 1 is never closed.",
            "(graph OR tree networks             | 1 | The '(' at character 1 is never closed.",
            "graph networks)                     | 15 | The ')' at character 15 closes no '('.",
            "AND transformers                    | 1 | Unexpected “AND” at character 1",
            "transformers AND                    | 14 | The interest ends too early: something must follow “AND”.",
            "transformers OR OR vision           | 17 | Unexpected “OR” at character 17",
            "((((((deep))))))                    | 5 | Parentheses are nested more than 4 deep at character 5",
            "neuro*                              | 6 | Wildcards (the * at character 6) are not supported",
            "*                                   | 1 | '*' would match every paper",
            "NOT vision                          | 1 | A NOT (or -word) on its own would bring every other paper at character 1",
            "graphs (NOT vision)                 | 9 | A NOT (or -word) on its own would bring every other paper at character 9",
            "-vision                             | 1 | A NOT (or -word) on its own would bring every other paper",
            "the of and                          | 0 | has only very common words",
            "new papers about                    | 0 | has only very common words",
            "\"\"                                | 1 | The empty quotes at character 1 ask for nothing",
            "cat:123 graphs                      | 5 | “123” is not an arXiv category",
            "cat:                                | 4 | The interest ends too early",
    })
    void refusesWithAMessageAndThePlace(String interest, int position, String message) {
        InterestRefused refused = assertThrows(InterestRefused.class, () -> InterestLanguage.parse(interest.strip()));
        assertTrue(refused.getMessage().contains(message.strip()), refused.getMessage());
        assertEquals(position, refused.position(), refused.getMessage());
    }

    @Test
    void refusesOverlongWordsAndTooManyAlternatives() {
        InterestRefused word = assertThrows(InterestRefused.class,
                () -> InterestLanguage.parse("graphs " + "x".repeat(200)));
        assertEquals(8, word.position());
        assertTrue(word.getMessage().contains("has 200 characters"), word.getMessage());

        String ors = String.join(" OR ", java.util.Collections.nCopies(40, "graph"));
        InterestRefused many = assertThrows(InterestRefused.class, () -> InterestLanguage.parse(ors));
        assertTrue(many.getMessage().contains("at most " + InterestLanguage.MAX_TERMS), many.getMessage());
    }
}
