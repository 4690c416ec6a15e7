package dev.paperboy.system;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Paperboy's settings; each key is also the environment variable PAPERBOY_<KEY>. */
@ConfigMapping(prefix = "paperboy")
public interface PaperboyConfig {

    /** Public URL used in every link of every mail; default http://localhost:<port>. */
    Optional<String> baseUrl();

    /** Embedded database, local outbox and generated secrets live here. */
    @WithDefault("data")
    String dataDir();

    /** Sender of every mail. */
    @WithDefault("Paperboy <digest@localhost>")
    String mailFrom();

    /** Bearer token for the admin API and pages; generated into the data dir when unset. */
    Optional<String> adminToken();

    /** Key of the link tokens (32+ random bytes, base64); the same on every node. Generated into the data dir when unset. */
    Optional<String> secret();

    /** Load the bundled sample papers on first start. */
    @WithDefault("true")
    boolean sampleData();

    /** How long a digest may stay 'sending' before another worker takes it over. */
    @WithDefault("2m")
    Duration deliveryLease();

    /** A new subscriber's first digest draws on papers ingested within this window. */
    @WithDefault("7d")
    Duration recentWindow();

    /** The largest paper document an import accepts or a source may answer with (an upload over it gets 413). */
    @WithDefault("20M")
    MemorySize maxDocumentSize();

    Smtp smtp();

    Digest digest();

    /** The SMTP relay; without a host, mails go to the local outbox. */
    interface Smtp {
        Optional<String> host();

        @WithDefault("25")
        int port();

        Optional<String> username();

        Optional<String> password();

        /** Require STARTTLS before authenticating. */
        @WithDefault("false")
        boolean starttls();

        /** Connect and read timeout of the SMTP connection. */
        @WithDefault("30s")
        Duration timeout();
    }

    /** What goes into a digest and how its delivery is retried. */
    interface Digest {
        /** When the digest job looks for subscribers whose hour has come (Quartz cron; "off" to disable). */
        String schedule();

        /** At most this many papers in one digest, best first. */
        @WithDefault("10")
        int maxPapers();

        /** A paper must score at least this (Lucene BM25) on one interest to be included. */
        @WithDefault("1.0")
        float minScore();

        /** A digest not sent this long after it was decided is given up, and its papers go into the next one. */
        @WithDefault("48h")
        Duration giveUpAfter();

        /** Wait before the first retry; doubles with each further attempt, up to half an hour. */
        @WithDefault("1m")
        Duration retryBackoff();

        /** Digests claimed and sent over one SMTP connection at a time. */
        @WithDefault("50")
        int batchSize();
    }
}
