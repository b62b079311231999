package org.powexchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rule read off the sources: SQL stands only in {@code @Repository} classes, and each table is
 * written (insert, update, delete) by the repositories of one package only, the one that owns it.
 */
@UnitTest
class SqlInRepositoriesTest {

    static final Path MAIN = Path.of("src/main/java/org/powexchange");

    /** SQL pending its move into repositories; nothing may be added here (issue 16 emptied it). */
    static final Set<String> SQL_OUTSIDE_PENDING = Set.of();
    /** Tables written by a second package, pending the same move: table → that package (none left). */
    static final Map<String, String> SECOND_WRITER_PENDING = Map.of();

    static final Pattern SQL_USE = Pattern.compile("JdbcClient|JdbcTemplate|batchUpdate|\\.sql\\(");
    static final Pattern WRITE = Pattern.compile(
            "(?i)\\b(?:insert\\s+into|delete\\s+from|merge\\s+into)\\s+([a-z_]+)|\\bupdate\\s+([a-z_]+)\\s+set\\b");

    @Test
    void sqlStandsOnlyInRepositories() throws IOException {
        List<String> outside = new ArrayList<>();
        for (Path f : sources()) {
            String text = Files.readString(f);
            String name = MAIN.relativize(f).toString();
            if (SQL_USE.matcher(text).find() && !text.contains("@Repository") && !SQL_OUTSIDE_PENDING.contains(name)) {
                outside.add(name);
            }
        }
        assertThat(outside).withFailMessage("SQL outside a @Repository class: %s", outside).isEmpty();
    }

    @Test
    void eachTableIsWrittenByTheOnePackageThatOwnsIt() throws IOException {
        Map<String, Set<String>> writers = new TreeMap<>();
        for (Path f : sources()) {
            Path dir = MAIN.relativize(f).getParent();
            String pkg = dir == null ? "" : dir.toString();
            Matcher m = WRITE.matcher(Files.readString(f));
            while (m.find()) {
                String table = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase();
                if (!pkg.equals(SECOND_WRITER_PENDING.get(table))) {
                    writers.computeIfAbsent(table, t -> new TreeSet<>()).add(pkg);
                }
            }
        }
        Map<String, Set<String>> shared = new TreeMap<>(writers);
        shared.values().removeIf(p -> p.size() == 1);
        assertThat(shared).withFailMessage("tables written by more than one package: %s", shared).isEmpty();
        // the scan itself works: the audit trail is found, written by its own package
        assertThat(writers).containsEntry("audit_event", Set.of("audit")).hasSizeGreaterThan(20);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
