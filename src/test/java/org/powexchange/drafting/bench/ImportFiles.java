package org.powexchange.drafting.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the benchmark's records as source files for an import through the API: one CSV per source and
 * chunk of at most {@code rows-per-file} rows. Arguments: directory [people=40000] [records=100000] [seed=1]
 * [rows-per-file=20000].
 */
public final class ImportFiles {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int people = args.length > 1 ? Integer.parseInt(args[1]) : 40_000;
        int total = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1L;
        int chunkRows = args.length > 4 ? Integer.parseInt(args[4]) : 20_000;
        SyntheticSources gen = new SyntheticSources(seed);
        List<SyntheticSources.Record> records = gen.records(gen.people(people), total);
        Files.createDirectories(dir);
        for (SyntheticSources.Source s : SyntheticSources.Source.values()) {
            List<String> rows = new ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                SyntheticSources.Record r = records.get(i);
                if (r.source() != s) {
                    continue;
                }
                String common = csv(r.family()) + "," + csv(r.given()) + "," + csv(r.patronymic()) + "," + r.birth();
                rows.add(switch (s) {
                    case MILITARY_RECORDS -> "M-" + i + "," + csv(r.serviceNumber()) + "," + common;
                    case INTELLIGENCE -> "I-" + i + "," + csv(r.serviceNumber()) + "," + common;
                    case FAMILY_APPEALS -> "F-" + i + "," + csv(r.serviceNumber()) + "," + common + ",+380 44 "
                            + String.format("%03d %04d", i % 1000, i % 10000);
                });
            }
            String header = switch (s) {
                case MILITARY_RECORDS -> "record_id,service_number,family_name,given_name,patronymic,birth_date";
                case INTELLIGENCE -> "record_id,service_number,family_name,given_name,patronymic,birth_date";
                case FAMILY_APPEALS -> "record_id,service_number,family_name,given_name,patronymic,birth_date,relative_contact";
            };
            // as few files as the limit allows, of equal size (a source of 45,000 rows: two files of 22,500)
            int files = Math.max(1, (rows.size() + chunkRows - 1) / chunkRows);
            String name = switch (s) {
                case MILITARY_RECORDS -> "military-records";
                case INTELLIGENCE -> "intelligence-assessments";
                case FAMILY_APPEALS -> "family-appeals";
            };
            for (int part = 0; part < files; part++) {
                List<String> chunk = rows.subList(rows.size() * part / files, rows.size() * (part + 1) / files);
                Files.writeString(dir.resolve(name + "-" + (part + 1) + ".csv"),
                        header + "\n" + String.join("\n", chunk) + "\n", StandardCharsets.UTF_8);
            }
        }
    }

    private static String csv(String s) {
        return s == null ? "" : s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
