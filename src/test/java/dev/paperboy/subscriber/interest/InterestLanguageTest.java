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
    void andJoinsTheRunOfPlainWordsOnEachSide() throws InterestRefused {
        ParsedInterest and = InterestLanguage.parse("reinforcement learning AND reasoning -survey");
        assertTrue(and.strict());
        assertEquals("+((text:reinforc text:learn)~2) +text:reason -text:survei", and.query().toString(),
                "both words of reinforcement learning are required, not learning alone");
        assertEquals(and.query(), InterestLanguage.parse("(reinforcement learning) AND reasoning -survey").query());
        assertEquals("reinforcement learning reasoning", and.meaning());
        assertEquals("+text:reason +((text:reinforc text:learn)~2)",
                InterestLanguage.parse("reasoning AND reinforcement learning").query().toString());
        assertEquals("+((text:\"mixtur ? expert\" text:rout)~2) +text:sparsiti",
                InterestLanguage.parse("\"mixture of experts\" routing AND sparsity").query().toString(),
                "a quoted phrase is one of the run's words");
        assertEquals("+cat:cs.lg +((text:graph text:neural text:network)~2) +text:video",
                InterestLanguage.parse("cat:cs.LG graph neural networks AND video").query().toString(),
                "a filter or a modified word ends the run");
        assertEquals("+text:attent +(text:transform text:transform) -text:survei",
                InterestLanguage.parse("attention AND (transformer OR transformers) NOT survey").query().toString(),
                "one word on each side: as before");

        assertEquals("+((text:\"mixtur ? expert\" text:rout)~2) +(text:sparsiti text:prune)",
                InterestLanguage.parse("\"mixture of experts\" routing AND (sparsity OR pruning)").query().toString());
    }

    @Test
    void orJoinsOnlyTheWordOrPhraseOnEachSideUnlessParenthesesSayMore() throws InterestRefused {
        ParsedInterest bare = InterestLanguage.parse("deep learning theory OR \"neural tangent kernel\"");
        assertEquals("text:deep text:learn (text:theori text:\"neural tangent kernel\")",
                InterestLanguage.parse("deep learning (theory OR \"neural tangent kernel\")").query().toString());
        assertEquals(List.of(-1, -1), bare.words().subList(0, 2).stream().map(ParsedInterest.Word::group).toList(),
                "deep and learning stand alone");
        assertTrue(bare.words().get(2).group() >= 0 && bare.words().get(2).group() == bare.words().get(3).group(),
                "theory or the phrase");
        assertEquals("text:survei text:review text:transform",
                InterestLanguage.parse("survey OR review transformers").query().toString(),
                "either word, and transformers: not surveys of anything");
        assertEquals("+((text:reinforc text:learn)~2) +text:reason text:plan",
                InterestLanguage.parse("reinforcement learning AND reasoning OR planning").query().toString(),
                "the word OR binds stays out of the run beside AND");

        ParsedInterest grouped = InterestLanguage.parse("(deep learning theory) OR \"neural tangent kernel\"");
        assertFalse(grouped.strict());
        assertEquals("((text:deep text:learn text:theori)~2) text:\"neural tangent kernel\"", grouped.query().toString());
        List<ParsedInterest.Word> words = grouped.words();
        assertEquals(1, words.stream().map(ParsedInterest.Word::group).distinct().count(), "one set of alternatives");
        assertTrue(words.get(0).group() >= 0);
        assertEquals(List.of(words.get(0).alternative(), words.get(0).alternative(), words.get(0).alternative()),
                words.subList(0, 3).stream().map(ParsedInterest.Word::alternative).toList(), "deep learning theory, one side");
        assertNotEquals(words.get(0).alternative(), words.get(3).alternative(), "the phrase, the other");
    }

    @Test
    void aGroupOfPlainWordsAsksForMostOfThemWhateverJoinsIt() throws InterestRefused {
        assertEquals("+((text:deep text:learn text:theori)~2) +text:optim",
                InterestLanguage.parse("(deep learning theory) AND optimization").query().toString(), "2 of 3");
        assertEquals("((text:graph text:neural text:network text:pool)~3) -text:survei",
                InterestLanguage.parse("(graph neural networks pooling) -survey").query().toString(), "3 of 4");
        assertEquals("+text:reason +(((text:reinforc text:learn)~2) text:plan)",
                InterestLanguage.parse("reasoning AND ((reinforcement learning) OR planning)").query().toString());
        assertEquals("text:embed -(text:text text:word text:sentenc)",
                InterestLanguage.parse("embeddings NOT (text OR word OR sentence)").query().toString(),
                "alternatives in parentheses: any of them");
        ParsedInterest whole = InterestLanguage.parse("(deep learning theory)");
        assertFalse(whole.strict());
        assertEquals(InterestLanguage.parse("deep learning theory").query(), whole.query(),
                "the whole interest in parentheses ranks by its share of the words, as without them");
        assertEquals("+text:quantiz text:effici text:infer",
                InterestLanguage.parse("+quantization efficient inference").query().toString());
        assertEquals(InterestLanguage.parse("deep models trainable initialization gradient noise").query(),
                InterestLanguage.parse("deep models trainable (initialization, gradient noise)").query(),
                "parentheses in a sentence with no operator are prose: their words rank as the others do");
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
