package dev.paperboy.subscriber.interest;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;

/** Lucene's classic query parser on the interest language's text field, refusing what interests do not offer. */
abstract class PlainQueryParser extends QueryParser {

    PlainQueryParser(Analyzer analyzer) {
        super(InterestLanguage.TEXT, analyzer);
    }

    @Override
    protected Query getWildcardQuery(String field, String termStr) throws ParseException {
        throw new ParseException("wildcards are not supported");
    }

    @Override
    protected Query getPrefixQuery(String field, String termStr) throws ParseException {
        throw new ParseException("wildcards are not supported");
    }

    @Override
    protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
        throw new ParseException("fuzzy matching is not supported");
    }

    @Override
    protected Query getRegexpQuery(String field, String termStr) throws ParseException {
        throw new ParseException("regular expressions are not supported");
    }

    @Override
    protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive,
                                  boolean endInclusive) throws ParseException {
        throw new ParseException("ranges are not supported");
    }
}
