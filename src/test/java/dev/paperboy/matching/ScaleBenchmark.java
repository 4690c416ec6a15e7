package dev.paperboy.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.paperboy.matching.semantic.MiniLm;
import dev.paperboy.matching.semantic.Vectors;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Matching at scale: P new papers against S subscribers with 3 interests each, through the planner's seam
 * ({@link BatchMatcher#rank} in batches of 500, on two threads), timed from building the matcher to the last
 * batch ranked, with the peak heap. Run by {@code bench/matching-scale.sh} (heap capped at 1 GB).
 * <p>
 * Papers: the sample's sentences recombined into P distinct abstracts under the sample's titles, with arXiv
 * categories, each embedded by the real model (cached under target/). Interests: drawn from a vocabulary of the
 * sample's word pairs and words (Zipf-distributed, so many people share the popular ones): plain topics, two topics,
 * quoted phrases, sentences, booleans and cat: filters. The model embeds each topic of the vocabulary; an
 * interest's vector is the normalized sum of its topics' vectors (embedding every distinct generated interest would
 * take the model hours at 1,000,000 subscribers), which keeps the arithmetic of ranking exactly as in production.
 */
final class ScaleBenchmark {

    static final int BATCH = 500;
    static final int THREADS = 2;
    /** With -Dchecksum=true, each run also prints a checksum of every list (to compare two builds' lists). */
    private static final boolean CHECKSUM = Boolean.getBoolean("checksum");
    /** {@code -Dhalves=false}: papers without halves (compared by their vector alone), as before V27. */
    private static final boolean HALVES = Boolean.parseBoolean(System.getProperty("halves", "true"));
    private static final String[] CATEGORIES = {"cs.LG", "cs.CL", "cs.CV", "stat.ML", "cs.AI", "cs.IR", "cs.NE",
            "cs.RO", "math.OC", "physics.comp-ph"};

    private final MiniLm model = new MiniLm();
    private final List<String> titles = new ArrayList<>();
    private final List<String> sentences = new ArrayList<>();
    private final List<String> topics;
    private final Map<String, float[]> topicVectors;
    /** Sizes measured so far in this JVM: the first one pays for the JIT's warm-up (and class loading). */
    private int runs;

    ScaleBenchmark() throws IOException {
        JsonNode sample;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("sample/trending-papers.json")) {
            sample = new ObjectMapper().readTree(in);
        }
        for (JsonNode paper : sample) {
            titles.add(paper.get("title").asText());
            for (String s : paper.get("abstract").asText().split("(?<=\\.) ")) {
                sentences.add(s);
            }
        }
        topics = Vocabulary.topics(sample);
        topicVectors = cached("topics-" + topics.size(), topics);
    }

    /** The real model's vectors of these texts, kept in target/ between runs. */
    private Map<String, float[]> cached(String name, List<String> texts) throws IOException {
        Path file = Path.of("target", "bench-vectors-" + name + ".bin");
        Map<String, float[]> vectors = new LinkedHashMap<>();
        if (Files.exists(file)) {
            try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
                for (String text : texts) {
                    vectors.put(text, Vectors.fromBytes(in.readNBytes(Vectors.DIMENSIONS * 4)));
                }
            }
            return vectors;
        }
        for (int from = 0; from < texts.size(); from += 64) {
            List<String> chunk = texts.subList(from, Math.min(texts.size(), from + 64));
            List<float[]> computed = model.embedAll(chunk);
            for (int i = 0; i < chunk.size(); i++) {
                vectors.put(chunk.get(i), computed.get(i));
            }
        }
        Files.createDirectories(file.getParent());
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            for (String text : texts) {
                out.write(Vectors.toBytes(vectors.get(text)));
            }
        }
        return vectors;
    }

    List<WindowPaper> papers(int count) throws IOException {
        Random random = new Random(count);
        List<String> texts = new ArrayList<>();
        List<String[]> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String title = titles.get(random.nextInt(titles.size()));
            StringBuilder abstractText = new StringBuilder();
            for (int s = 0; s < 6; s++) {
                abstractText.append(abstractText.length() == 0 ? "" : " ").append(sentences.get(random.nextInt(sentences.size())));
            }
            parts.add(new String[] {title, abstractText.toString()});
            texts.add(MiniLm.paperText(title, abstractText.toString()));
        }
        Map<String, float[]> vectors = cached("papers-" + count, texts);
        List<List<String>> halfTexts = new ArrayList<>();
        for (String[] part : parts) {
            halfTexts.add(MiniLm.halfTexts(part[0], part[1]));
        }
        Map<String, float[]> halfVectors = HALVES
                ? cached("halves-" + count, halfTexts.stream().flatMap(List::stream).distinct().toList()) : Map.of();
        Instant start = Instant.now().minus(Duration.ofHours(24));
        List<WindowPaper> papers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] categories = {CATEGORIES[random.nextInt(CATEGORIES.length)], CATEGORIES[random.nextInt(CATEGORIES.length)]};
            papers.add(new WindowPaper(i + 1, 1, parts.get(i)[0], parts.get(i)[1], new String[] {"Ada Lovelace"},
                    categories, start.plusSeconds(i), random.nextInt(4) == 0 ? random.nextInt(200) : null,
                    "https://example.org/" + i, vectors.get(texts.get(i)),
                    HALVES ? RankingQuality.halves(halfTexts.get(i).stream().map(halfVectors::get).toList()) : null));
        }
        return papers;
    }

    /** One measured size. */
    record Result(int papers, int subscribers, int runsBefore, int distinctInterests, long millis, double cpuSeconds,
                  Map<String, Double> cpuByKind, long peakHeapMb, long retainedMb, long matched) {
        @Override
        public String toString() {
            return String.format("| %,d | %,d | %s | %,d | %.1f s | %.1f s | %.1f s | %.1f s | %,d MB | %,d MB | %.1f |",
                    papers, subscribers, runsBefore == 0 ? "cold (first in its JVM)" : "warm (" + ordinal(runsBefore + 1)
                            + " in its JVM)", distinctInterests, millis / 1000.0, cpuSeconds,
                    cpuByKind.getOrDefault(ThreadCpu.JIT, Double.NaN), cpuByKind.getOrDefault(ThreadCpu.GC, Double.NaN),
                    peakHeapMb, retainedMb, (double) matched / subscribers);
        }
    }

    private static String ordinal(int n) {
        return n + (n == 2 ? "nd" : n == 3 ? "rd" : "th");
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    Result run(List<WindowPaper> papers, int subscribers) throws Exception {
        Population population = new Population(topics, subscribers);
        HeapPeak peak = new HeapPeak();
        System.gc();
        peak.start();
        double cpu = cpuSeconds();
        Map<String, Double> cpuBefore = ThreadCpu.now();
        long started = System.nanoTime();
        PaperIndex index = new PaperIndex(papers);
        Instant until = papers.get(papers.size() - 1).ingestedAt().plusSeconds(1);
        BatchMatcher matcher = new WindowMatcher(index, new int[] {0, index.size()}, until, population::profiles,
                wanted -> population.vectors(wanted, topicVectors), Fusion.THRESHOLD);
        AtomicInteger next = new AtomicInteger();
        AtomicLong matched = new AtomicLong();
        AtomicLong checksum = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            done.add(pool.submit(() -> {
                for (int from = next.getAndAdd(BATCH); from < subscribers; from = next.getAndAdd(BATCH)) {
                    List<MatchRequest> batch = new ArrayList<>(BATCH);
                    for (long id = from; id < Math.min(subscribers, from + BATCH); id++) {
                        batch.add(new MatchRequest(id, Instant.EPOCH, until, Set.of()));
                    }
                    matcher.rank(batch).forEach((id, m) -> {
                        matched.addAndGet(m.size());
                        if (CHECKSUM) {
                            checksum.addAndGet(id * 1_000_003L ^ m.hashCode());
                        }
                    });
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        double used = cpuSeconds() - cpu;
        Map<String, Double> byKind = ThreadCpu.since(cpuBefore); // before the pool's threads end
        pool.shutdown();
        peak.finish();
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long retained = (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024); // the matcher is still held
        if (CHECKSUM) {
            System.out.println("checksum of the lists of " + subscribers + " subscribers: " + checksum.get());
        }
        System.out.printf("the matcher counts %,d MB kept for its next batches (bound %,d MB)%n",
                ((WindowMatcher) matcher).held() / 1_000_000, WindowMatcher.MAX_HELD / 1_000_000);
        if (matcher.rank(List.of()).size() != 0) {
            throw new IllegalStateException("an empty batch ranks nobody");
        }
        return new Result(papers.size(), subscribers, runs++, population.distinct(), millis, used, byKind, peak.peakMb(), retained,
                matched.get());
    }

    /** The highest heap use seen while a run goes, sampled every 50 ms. */
    private static final class HeapPeak extends Thread {
        private volatile boolean running = true;
        private volatile long peak;

        HeapPeak() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                Runtime r = Runtime.getRuntime();
                peak = Math.max(peak, r.totalMemory() - r.freeMemory());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void finish() throws InterruptedException {
            running = false;
            join();
        }

        long peakMb() {
            return peak / (1024 * 1024);
        }
    }

    /**
     * How often cosines in integers (as ranking computes them) change what passes: the (interest, paper) pairs that
     * pass with cosines in floats, and how many of them also pass with the integers.
     */
    String quantization(List<WindowPaper> papers, int interests) throws Exception {
        PaperIndex approximate = new PaperIndex(papers);
        PaperIndex exact = new PaperIndex(papers, true);
        Population population = new Population(topics, interests);
        List<String> drawn = population.interests(java.util.stream.LongStream.range(0, interests / 3).boxed().toList())
                .values().stream().flatMap(List::stream).distinct().toList();
        long both = 0;
        long exactOnly = 0;
        long approximateOnly = 0;
        for (String text : drawn) {
            dev.paperboy.subscriber.interest.ParsedInterest parsed = dev.paperboy.subscriber.interest.InterestLanguage.parse(text);
            float[] vector = parsed.meaning().isEmpty() ? null
                    : population.vectors(List.of(parsed.meaning()), topicVectors).get(parsed.meaning());
            InterestQuery query = new InterestQuery(parsed, vector);
            Set<Integer> a = ordinals(Fusion.score(approximate, 0, papers.size(), query, Fusion.THRESHOLD));
            Set<Integer> e = ordinals(Fusion.score(exact, 0, papers.size(), query, Fusion.THRESHOLD));
            for (int o : e) {
                if (a.contains(o)) {
                    both++;
                } else {
                    exactOnly++;
                }
            }
            approximateOnly += a.stream().filter(o -> !e.contains(o)).count();
        }
        return String.format("%d interests: %d pairs pass with cosines in floats, %d of them with integers (%.2f %%);"
                + " %d pass with integers only", drawn.size(), both + exactOnly, both,
                100.0 * both / Math.max(1, both + exactOnly), approximateOnly);
    }

    private static Set<Integer> ordinals(InterestHits hits) {
        Set<Integer> set = new HashSet<>();
        for (int o : hits.ordinals) {
            set.add(o);
        }
        return set;
    }

    /**
     * Arguments: subscriber counts to run against 1,000 papers, then paper counts to run against 100,000, in that
     * order, each size once in this JVM: the first is measured cold (nothing warmed up before it). Without
     * arguments 100,000 (cold), 10,000, 1,000,000 and 100,000 again (warm) subscribers, then 250 and 2,000 papers.
     */
    public static void main(String[] args) throws Exception {
        ScaleBenchmark bench = new ScaleBenchmark();
        List<Integer> subscriberSizes = List.of(100_000, 10_000, 1_000_000, 100_000);
        List<Integer> paperSizes = List.of(250, 2_000);
        if (args.length > 0) {
            subscriberSizes = java.util.Arrays.stream(args[0].split(",")).map(Integer::valueOf).toList();
            paperSizes = args.length > 1 ? java.util.Arrays.stream(args[1].split(",")).map(Integer::valueOf).toList()
                    : List.of();
        }
        System.out.println("vocabulary: " + bench.topics.size() + " topics; heap max "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB; "
                + Runtime.getRuntime().availableProcessors() + " processors; JVM options "
                + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        List<WindowPaper> thousand = bench.papers(1_000);
        System.out.println("| papers | subscribers | run | distinct interests | time | CPU time | of it JIT | of it GC"
                + " | peak heap | heap held after the run | papers per subscriber |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (int s : subscriberSizes) {
            System.out.println(bench.run(thousand, s));
        }
        for (int p : paperSizes) {
            System.out.println(bench.run(bench.papers(p), 100_000));
        }
        System.out.println(bench.quantization(thousand, 6_000));
    }
}
