package dev.paperboy.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The plan PostgreSQL makes for a statement with one of its choices turned off, read as JSON. */
final class Plans {

    /** Binds a statement's parameters. */
    interface Binder {
        void bind(Connection connection, PreparedStatement statement) throws SQLException;
    }

    private Plans() {
    }

    /**
     * The root of the statement's plan with {@code setting} (an {@code enable_*} of the planner, or several separated
     * by commas) off.
     */
    static JsonNode without(AgroalDataSource dataSource, String setting, String sql, Binder binder) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement set = connection.createStatement()) {
                    for (String one : setting.split(",\\s*")) {
                        set.execute("set local " + one + " = off");
                    }
                }
                try (PreparedStatement explain = connection.prepareStatement("explain (format json) " + sql)) {
                    binder.bind(connection, explain);
                    try (ResultSet plan = explain.executeQuery()) {
                        plan.next();
                        return new ObjectMapper().readTree(plan.getString(1)).get(0).get("Plan");
                    }
                }
            } finally {
                connection.rollback();
            }
        }
    }

    /** This node and every node under it. */
    static List<JsonNode> nodes(JsonNode node) {
        List<JsonNode> nodes = new ArrayList<>();
        collect(node, nodes);
        return nodes;
    }

    private static void collect(JsonNode node, List<JsonNode> nodes) {
        nodes.add(node);
        node.path("Plans").forEach(child -> collect(child, nodes));
    }
}
