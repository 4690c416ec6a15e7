package dev.paperboy.paper;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** One paper, from whichever source brought it first. */
@Entity
public class Paper extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "title_key")
    public String titleKey;

    public String title;

    @Column(name = "abstract")
    public String abstractText;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] authors;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] categories;

    public String url;

    public Instant published;

    public String source;

    /** The arXiv version the stored text is from (2 for v2), when the source said. */
    public Integer version;

    /** Hugging Face's upvotes, when the paper came through its daily papers. */
    public Integer upvotes;

    @Column(name = "primary_category")
    public String primaryCategory;

    /** When the source last changed the paper (arXiv's {@code updated}). */
    public Instant updated;

    @Column(name = "pdf_url")
    public String pdfUrl;

    @Column(name = "ingested_at", insertable = false, updatable = false)
    public Instant ingestedAt;

    /** Set by the database on insert and on every change of what matching reads (V3_1__paper_revision.sql). */
    @Column(insertable = false, updatable = false)
    public long revision;

    /** The papers ingested after {@code since}, oldest first. */
    public static List<Paper> ingestedAfter(Instant since) {
        return list("ingestedAt > ?1 order by ingestedAt, id", since);
    }

    /** The {@code limit} papers ingested last, newest first. */
    public static List<Paper> newest(int limit) {
        return find("order by ingestedAt desc, id desc").page(0, limit).list();
    }

    /** The paper's own page, or an arXiv title search when the source gave no link. */
    public String link() {
        if (url != null) {
            return url;
        }
        return "https://arxiv.org/search/?searchtype=title&query=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
    }

    public String authorLine() {
        if (authors == null || authors.length == 0) {
            return "";
        }
        return authors.length <= 6 ? String.join(", ", authors)
                : String.join(", ", List.of(authors).subList(0, 5)) + " and " + (authors.length - 5) + " more";
    }

    /** The abstract cut at a sentence or word boundary near {@code max} characters. */
    public String shortAbstract(int max) {
        if (abstractText.length() <= max) {
            return abstractText;
        }
        String head = abstractText.substring(0, max);
        int sentence = head.lastIndexOf(". ");
        if (sentence > max / 2) {
            return head.substring(0, sentence + 1);
        }
        int space = head.lastIndexOf(' ');
        return (space > 0 ? head.substring(0, space) : head) + " …";
    }
}
