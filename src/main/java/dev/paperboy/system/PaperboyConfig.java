package dev.paperboy.system;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Paperboy's settings; each key is also the environment variable PAPERBOY_<KEY>. */
@ConfigMapping(prefix = "paperboy")
public interface PaperboyConfig {

    /** Public URL used in every link of every mail; default http://localhost:<port>. */
    Optional<String> baseUrl();

    /** Where the data dir is when none is configured. */
    String DEFAULT_DATA_DIR = "data";

    /** Embedded database, local outbox and generated secrets live here. */
    @WithDefault(DEFAULT_DATA_DIR)
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

    /** Parallel senders per node, each with its own SMTP connection; default: twice the cores, at least 2. */
    OptionalInt deliverySenders();

    /**
     * At most this many messages per node accepted by the relay and not yet recorded as sent: the most that a crash
     * can send twice.
     */
    @WithDefault("16")
    int deliveryInFlight();

    /** A new subscriber's first digest draws on papers ingested within this window. */
    @WithDefault("7d")
    Duration recentWindow();

    /** The largest paper document an import accepts or a source may answer with (an upload over it gets 413). */
    @WithDefault("20M")
    MemorySize maxDocumentSize();

    /** A confirmation link works this long after it was mailed; a sign-up still unconfirmed then is deleted. */
    @WithDefault("7d")
    Duration confirmTtl();

    /** Proxies (IP addresses or CIDR ranges) whose X-Forwarded-For is believed; none by default. */
    Optional<List<String>> trustedProxies();

    /** Keep the client address of each sign-up (not needed to run the service, so off by default). */
    @WithDefault("false")
    boolean recordSignupIp();

    RateLimit rateLimit();

    Smtp smtp();

    Digest digest();

    /** The operator's contact (an address or URL), sent in the User-Agent of every request to a paper source. */
    Optional<String> contact();

    /** How paper sources are fetched: timeouts, pace, retries, paging (the size cap is {@link #maxDocumentSize()}). */
    Fetch fetch();

    /** Paper sources declared in configuration ({@code paperboy.sources.<name>.kind=...}), written to the database at start. */
    Map<String, SourceSeed> sources();

    /** DKIM signing of every mail: off unless domain, selector and private key are all set. */
    Dkim dkim();

    /**
     * Feedback-ID header of every mail, after the mail's kind ({@code digest:<this>}), for the feedback loops of
     * large mailbox providers; none when unset.
     */
    Optional<String> feedbackId();

    /**
     * A period missed while Paperboy was down is caught up when it comes back only within this time after its
     * delivery hour (and within the period itself); later, its papers wait for the next period's digest.
     */
    @WithDefault("2d")
    Duration catchUpLimit();

    /** The mailbox bounces come back to, read on a schedule; none when no host is set. */
    Bounce bounce();

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

        /** At most this many messages per second from this node to the relay; none when unset. */
        OptionalDouble rate();
    }

    /** Requests per client address on the public endpoints that cost something; 0 requests turns a limit off. */
    interface RateLimit {
        /** Posts of the sign-up form per client address in {@link #signupPer()}. */
        @WithDefault("20")
        long signupRequests();

        @WithDefault("10m")
        Duration signupPer();

        /** Preview requests (GET /api/preview) per client address in {@link #previewPer()}. */
        @WithDefault("120")
        long previewRequests();

        @WithDefault("1m")
        Duration previewPer();

        /**
         * Wrong admin tokens (bearer header, console cookie or login form) per client address in
         * {@link #adminFailuresPer()}; past them, that client's attempts get 429 unchecked until the count refills.
         */
        @WithDefault("10")
        long adminFailures();

        @WithDefault("1m")
        Duration adminFailuresPer();
    }

    /** What goes into a digest and how its delivery is retried. */
    interface Digest {
        /** When the digest job looks for subscribers whose hour has come (Quartz cron; "off" to disable). */
        String schedule();

        /** At most this many papers in one digest, best first. */
        @WithDefault("10")
        int maxPapers();

        /** A paper must reach this fused score (0 to 1: BM25 and meaning, each normalized) on one interest. */
        @WithDefault("0.3")
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

        /** Subscribers per shard of a run: each shard is planned by one Quartz job, on whichever node takes it. */
        @WithDefault("2000")
        int shardSize();

        /** Shards one node plans at once; a node at its cap leaves further shards to the others. Default: twice the cores. */
        OptionalInt shardsPerNode();

        /** While a run of the cluster is open, each node looks this often for digests to send (0: only when asked). */
        @WithDefault("2s")
        Duration wakeEvery();
    }

    /** How paper sources are fetched. */
    interface Fetch {
        /** Longest wait for a source's server to accept the connection. */
        @WithDefault("10s")
        Duration connectTimeout();

        /** Longest silence while reading a response. */
        @WithDefault("30s")
        Duration readTimeout();

        /** Longest a whole response may take, however it trickles in. */
        @WithDefault("5m")
        Duration totalTimeout();

        /** arXiv is asked at most once in this interval, across every arXiv source on every node. */
        @WithDefault("3s")
        Duration arxivInterval();

        /** A 429 or 503 asking to retry within this long is waited out in the poll; a longer wait ends the poll. */
        @WithDefault("2m")
        Duration longestRetryAfter();

        /** A failed poll is tried again after this, doubling with each further failure (up to half an hour). */
        @WithDefault("1m")
        Duration retryBackoff();

        /** How often a source without {@code every} is polled, unless it is an arXiv source. */
        @WithDefault("1h")
        Duration defaultEvery();

        /** When arXiv sources without {@code every} are polled: Quartz cron, after arXiv's announcement. */
        @WithDefault("0 30 20 ? * SUN-THU")
        String arxivSchedule();

        /** Time zone of {@link #arxivSchedule()}: arXiv announces at 20:00 in New York. */
        @WithDefault("America/New_York")
        String arxivZone();

        /** arXiv API: entries asked for per page. */
        @WithDefault("100")
        int pageSize();

        /** arXiv API: at most this many pages per poll, even if every page brings new papers. */
        @WithDefault("20")
        int maxPages();

        /** Scheduled polls that run at once on each node, on threads of their own (more wait their turn). */
        @WithDefault("4")
        int threads();
    }

    /** DKIM: the key's DNS record is {@code <selector>._domainkey.<domain>}. */
    interface Dkim {
        /** The signing domain (d=), normally the sender address's own domain. */
        Optional<String> domain();

        /** The selector (s=) naming the key's DNS record. */
        Optional<String> selector();

        /** Path of the RSA private key: a PEM file in PKCS#8 ("BEGIN PRIVATE KEY"). */
        Optional<String> privateKey();
    }

    /** The bounce mailbox, and when bounces stop a subscriber's mail. */
    interface Bounce {
        /** imap, imaps, pop3 or pop3s. */
        @WithDefault("imaps")
        String protocol();

        Optional<String> host();

        /** Default: the protocol's own (143, 993, 110, 995). */
        OptionalInt port();

        Optional<String> username();

        Optional<String> password();

        /** How often the mailbox is read (a duration such as 10m; "off" never). */
        @WithDefault("10m")
        String every();

        /** Soft bounces (4.x.x, delays) of this many digests within {@link #softWithin()} stop a subscriber's mail. */
        @WithDefault("3")
        int softLimit();

        @WithDefault("30d")
        Duration softWithin();
    }

    /** One paper source declared in configuration; the same fields as the admin API's. */
    interface SourceSeed {
        /** arxiv-api, arxiv-rss, arxiv-oai, huggingface or feed. */
        String kind();

        /** Where to fetch; arXiv's and Hugging Face's own endpoints by default. */
        Optional<String> url();

        /** arxiv-api: the search ({@code cat:cs.LG}); arxiv-rss: the categories ({@code cs.LG+cs.CL}). */
        Optional<String> query();

        /** arxiv-oai: the OAI set ({@code cs}). */
        Optional<String> set();

        /** How often to poll, e.g. 30m; by default hourly, or daily after arXiv's announcement for arXiv kinds. */
        Optional<String> every();

        /** false pauses the source. */
        @WithDefault("true")
        boolean enabled();
    }
}
