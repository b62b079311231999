package org.powexchange.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL server of the development and CI machines (127.0.0.1:5432, user postgres, trust
 * authentication; override with POW_IT_PG_HOST/PORT/USER). Each test creates its own database and drops it.
 */
public final class Pg {

    public static final String HOST = env("POW_IT_PG_HOST", "127.0.0.1");
    public static final String PORT = env("POW_IT_PG_PORT", "5432");
    public static final String USER = env("POW_IT_PG_USER", "postgres");

    private Pg() {
    }

    public static String url(String db) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + db;
    }

    /** null when reachable, else why not (for the skip message). */
    public static String unreachable() {
        try (Connection c = DriverManager.getConnection(url("postgres") + "?connectTimeout=3", USER, "")) {
            return null;
        } catch (SQLException e) {
            return "PostgreSQL at " + HOST + ":" + PORT + " (user " + USER + ") is unreachable: " + e.getMessage();
        }
    }

    public static String createDatabase(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        admin("create database " + name);
        return name;
    }

    public static void dropDatabase(String name) {
        admin("drop database if exists " + name + " with (force)");
    }

    public static Connection connect(String db) throws SQLException {
        return DriverManager.getConnection(url(db), USER, "");
    }

    static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String env(String key, String def) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? def : v;
    }
}
