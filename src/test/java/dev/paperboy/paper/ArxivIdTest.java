package dev.paperboy.paper;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every way a source writes an arXiv id names the same paper. */
class ArxivIdTest {

    @Test
    void newStyleIdsInEverySpelling() {
        for (String spelling : new String[]{"2611.04417", "2611.04417v2", "arXiv:2611.04417v2", "arxiv:2611.04417",
                "oai:arXiv.org:2611.04417", "http://arxiv.org/abs/2611.04417v2", "https://arxiv.org/abs/2611.04417",
                "https://export.arxiv.org/abs/2611.04417v12", "http://arxiv.org/pdf/2611.04417v2", "https://arxiv.org/pdf/2611.04417v2.pdf",
                " 2611.04417 "}) {
            assertEquals("2611.04417", ArxivId.parse(spelling).orElseThrow(() -> new AssertionError(spelling)).id(), spelling);
        }
        assertEquals(2, ArxivId.parse("http://arxiv.org/abs/2611.04417v2").orElseThrow().version());
        assertEquals(12, ArxivId.parse("https://export.arxiv.org/abs/2611.04417v12").orElseThrow().version());
        assertEquals(null, ArxivId.parse("oai:arXiv.org:2611.04417").orElseThrow().version());
        assertEquals("0704.0001", ArxivId.parse("oai:arXiv.org:0704.0001").orElseThrow().id());
    }

    @Test
    void oldStyleIds() {
        assertEquals(new ArxivId("hep-th/9901001", 3), ArxivId.parse("hep-th/9901001v3").orElseThrow());
        assertEquals(new ArxivId("hep-th/9901001", null), ArxivId.parse("oai:arXiv.org:hep-th/9901001").orElseThrow());
        assertEquals(new ArxivId("math.GT/0309136", 1), ArxivId.parse("http://arxiv.org/abs/math.GT/0309136v1").orElseThrow());
    }

    @Test
    void otherIdsAreNotArxiv() {
        for (String other : new String[]{"10.1000/xyz123", "doi:10.1000/182", "https://example.org/abs/2611.04417",
                "2611.044", "2611.044170", "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", "", "hep-th/990100"}) {
            assertEquals(Optional.empty(), ArxivId.parse(other), other);
        }
        assertEquals(Optional.empty(), ArxivId.parse(null));
    }
}
