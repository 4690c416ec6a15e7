import com.sun.net.httpserver.HttpServer;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The benchmark's OAI-PMH server: {@code pages} pages of {@code perPage} arXiv records each, one after the other by
 * resumptionToken, as export.arxiv.org/oai2 answers ListRecords with metadataPrefix=arXiv.
 * Run: java src/test/bench/OaiServer.java <port> <pages> <perPage> (src/test/bench/oai-harvest.sh does)
 */
public class OaiServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int pages = Integer.parseInt(args[1]);
        int perPage = Integer.parseInt(args[2]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/oai", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            int page = query != null && query.contains("resumptionToken=page-")
                    ? Integer.parseInt(query.substring(query.indexOf("resumptionToken=page-") + 21)) : 0;
            byte[] body = page(page, pages, perPage).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("OAI-PMH server on " + port + ": " + pages + " pages of " + perPage);
    }

    static String page(int page, int pages, int perPage) {
        StringBuilder xml = new StringBuilder(perPage * 1200);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OAI-PMH xmlns=\"http://www.openarchives.org/OAI/2.0/\">\n")
                .append("<responseDate>2026-11-10T12:00:00Z</responseDate>\n")
                .append("<request verb=\"ListRecords\" metadataPrefix=\"arXiv\" set=\"cs\">http://export.arxiv.org/oai2</request>\n<ListRecords>\n");
        for (int i = 0; i < perPage; i++) {
            int n = page * perPage + i + 1;
            String id = String.format("2901.%05d", n);
            xml.append("<record><header><identifier>oai:arXiv.org:").append(id)
                    .append("</identifier><datestamp>2026-11-09</datestamp><setSpec>cs</setSpec></header><metadata>")
                    .append("<arXiv xmlns=\"http://arxiv.org/OAI/arXiv/\"><id>").append(id).append("</id><created>2026-11-08</created>")
                    .append("<authors><author><keyname>Lovelace</keyname><forenames>Ada</forenames></author>")
                    .append("<author><keyname>Turing</keyname><forenames>Alan M.</forenames></author></authors>")
                    .append("<title>Benchmark paper ").append(n).append(": sparse attention for long documents, variant ").append(n)
                    .append("</title><categories>cs.LG cs.CL</categories><license>http://creativecommons.org/licenses/by/4.0/</license>")
                    .append("<abstract>We study sparse attention for long documents (case ").append(n)
                    .append("). Our method keeps $O(n \\log n)$ cost while matching dense attention on retrieval, summarization")
                    .append(" and question answering benchmarks; we release code and models for all experiments.</abstract>")
                    .append("</arXiv></metadata></record>\n");
        }
        xml.append(page + 1 < pages ? "<resumptionToken cursor=\"" + page * perPage + "\" completeListSize=\""
                + pages * perPage + "\">page-" + (page + 1) + "</resumptionToken>\n" : "<resumptionToken/>\n");
        return xml.append("</ListRecords>\n</OAI-PMH>\n").toString();
    }
}
