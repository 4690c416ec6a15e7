package dev.paperboy.paper.source;

/** How one kind of source is read: which requests, in which format, and what moves when a document is stored. */
interface SourceReader {

    /** Reads whatever is new at the source into {@code poll}; throws when the poll cannot complete. */
    void read(Poll poll) throws PollFailure;
}
