package dev.paperboy.paper.source;

import dev.paperboy.paper.ImportResult;
import dev.paperboy.paper.ParsedPapers;
import dev.paperboy.paper.format.PaperFormat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One poll of one source, as its reader sees it: fetch, parse, store page by page. Every request first renews the
 * poll's lease, and every store is fenced by it, so a poll another node has taken over writes nothing more.
 */
final class Poll {

    private static final int MAX_ERRORS_LISTED = 100;

    final PaperSource source;
    private final String holder;
    private final SourcePolls polls;
    private final SourceHttp http;
    private int requests;
    private int received;
    private int added;
    private int updated;
    private int duplicates;
    private int rejected;
    private boolean notModified;
    private final List<String> errors = new ArrayList<>();

    Poll(PaperSource source, String holder, SourcePolls polls, SourceHttp http) {
        this.source = source;
        this.holder = holder;
        this.polls = polls;
        this.http = http;
    }

    /** GET, conditional on the source's stored ETag / Last-Modified when {@code conditional}. */
    Fetched fetch(URI uri, String accept, boolean conditional) throws PollFailure {
        if (!polls.renew(source.name, holder)) {
            throw new PollFailure("another poll of this source took over");
        }
        requests++;
        boolean arxiv = source.sourceKind().arxiv() || isArxivHost(uri.getHost());
        Fetched fetched = http.get(uri, arxiv, accept, conditional ? source.etag : null, conditional ? source.lastModified : null);
        notModified = fetched.notModified();
        return fetched;
    }

    /** The document as papers of this source; a document that cannot be read ends the poll, naming the host that answered. */
    ParsedPapers parse(PaperFormat format, Fetched fetched) throws PollFailure {
        try {
            return polls.formats().parse(format, fetched.stream()).from(source.name);
        } catch (ParsedPapers.MalformedDocument e) {
            throw unreadable(fetched, expected(format), e);
        }
    }

    /** Like {@link #parse(PaperFormat, Fetched)}, the format told by the document itself (any RSS or Atom). */
    ParsedPapers parseFeed(Fetched fetched) throws PollFailure {
        try {
            return polls.formats().parse("application/xml", fetched.stream()).from(source.name);
        } catch (ParsedPapers.MalformedDocument | dev.paperboy.paper.format.PaperFormats.UnsupportedType e) {
            throw unreadable(fetched, "an RSS/Atom feed", e);
        }
    }

    /** Why a document could not be read, naming the host that answered and the type it said it sent. */
    private static PollFailure unreadable(Fetched fetched, String expected, Exception e) {
        String why = fetched.htmlPage() ? "this is an HTML page, not " + expected : e.getMessage();
        return new PollFailure("the document from " + fetched.from().getHost() + " could not be read: " + why
                + fetched.typeNote());
    }

    private static String expected(PaperFormat format) {
        return switch (format) {
            case HUGGINGFACE_JSON -> "Hugging Face's daily-papers JSON";
            case ARXIV_ATOM -> "an arXiv API (Atom) answer";
            case ARXIV_RSS -> "an arXiv RSS feed";
            case OAI_PMH -> "an OAI-PMH answer";
            case PAPERBOY_JSON -> "a JSON list of papers";
            case RSS, ATOM -> "an RSS/Atom feed";
        };
    }

    /** Stores one document's papers in one transaction, with whatever else of the source must move with them. */
    ImportResult store(ParsedPapers parsed, Consumer<PaperSource> alsoRecord) throws PollFailure {
        ImportResult result = polls.store(source.name, holder, parsed, alsoRecord);
        received += result.received();
        added += result.added();
        updated += result.updated();
        duplicates += result.duplicates();
        rejected += result.rejected();
        result.errors().stream().limit(MAX_ERRORS_LISTED - errors.size()).forEach(errors::add);
        return result;
    }

    PollReport report(String error) {
        return new PollReport(source.name, requests, notModified, received, added, updated, duplicates, rejected,
                List.copyOf(errors), error);
    }

    int added() {
        return added;
    }

    int rejected() {
        return rejected;
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    private static boolean isArxivHost(String host) {
        return host != null && (host.equalsIgnoreCase("arxiv.org") || host.toLowerCase(java.util.Locale.ROOT).endsWith(".arxiv.org"));
    }
}
