package org.powexchange.drafting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.RuntimeService;
import org.powexchange.audit.AuditLog;
import org.powexchange.exchange.Exchange;
import org.powexchange.exchange.ExchangeProcess;
import org.powexchange.exchange.ExchangeRepository;
import org.powexchange.exchange.ExchangeService;
import org.powexchange.exchange.Stage;
import org.powexchange.refusal.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports one source file (CSV or JSON) into an exchange in one transaction: a file that cannot be
 * read as a whole (missing or unknown columns, too large, not CSV/JSON) is refused and nothing is
 * stored; otherwise every valid row is kept and every invalid row is kept in the report with its
 * row number and reason. The same file imported again changes nothing.
 */
@Service
public class SourceImportService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SourceImportService.class);

    public record Rejection(int row, String field, String reason) {
    }

    /** A row kept despite a doubt (e.g. a military record without service number), for the clerk to follow up. */
    public record Warning(int row, String field, String note) {
    }

    public record Report(long batchId, String source, String format, int rows, int created, int updated,
                         int unchanged, int rejected, List<Rejection> rejections, boolean alreadyImported,
                         boolean draftingResumed, int warned, List<Warning> warnings) {
    }

    private final ImportBatchRepository batches;
    private final ExchangeRepository exchanges;
    private final ExchangeService exchangeService;
    private final SourceRecordRepository records;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final int maxRows;

    public SourceImportService(ImportBatchRepository batches, ExchangeRepository exchanges, ExchangeService exchangeService,
                               SourceRecordRepository records, RuntimeService runtime, AuditLog audit, ObjectMapper json,
                               @Value("${powexchange.drafting.import-max-rows:30000}") int maxRows) {
        this.batches = batches;
        this.exchanges = exchanges;
        this.exchangeService = exchangeService;
        this.records = records;
        this.runtime = runtime;
        this.audit = audit;
        this.json = json;
        this.maxRows = maxRows;
    }

    @Transactional
    public Report importFile(UUID exchangeId, SourceKind kind, String format, byte[] content, boolean complete,
                             String actor) {
        long t0 = System.nanoTime();
        Exchange e = exchanges.lock(exchangeId).orElseThrow(() -> Refusal.notFound("exchange " + exchangeId));
        String stage = exchangeService.stage(e);
        if (!Stage.DRAFTING.equals(stage)) {
            throw Refusal.conflict(null, "sources are imported while drafting; the exchange is in stage " + stage);
        }
        String sha = Hashing.sha256(content);
        var earlier = batches.findByContent(exchangeId, kind, sha);
        if (earlier.isPresent()) {
            Report r = report(earlier.get(), true, wake(exchangeId, complete));
            audit.record(exchangeId, actor, "SOURCE_REIMPORTED", kind.path(), "same file as batch " + earlier.get());
            return r;
        }
        List<Map<String, String>> rows;
        List<String> ignored = List.of();
        if ("csv".equals(format)) {
            // the report says how the file was read
            String text = utf16(content);
            if (text != null) {
                format = "csv/utf-16";
            } else if ((text = utf8(content)) == null) {
                text = cyrillicWindows(content);
                format = "csv/cp1251";
            }
            Parsed parsed = parseCsv(kind, text, maxRows);
            rows = parsed.rows();
            ignored = parsed.ignoredColumns();
        } else {
            rows = parseJson(kind, content, maxRows);
        }
        long tParsed = System.nanoTime();
        LocalDate today = LocalDate.now();
        // validation and fingerprints are pure functions of one row: both cores take a share of a large file
        Checked[] checked = IntStream.range(0, rows.size()).parallel().mapToObj(i -> {
            Map<String, String> row = rows.get(i);
            if (row.get(NOT_PLAIN) != null) {
                return null;
            }
            SourceRowValidator.Outcome o = SourceRowValidator.validate(exchangeId, kind, row, today);
            return new Checked(o, o.record() == null ? null : o.record().fingerprint());
        }).toArray(Checked[]::new);
        List<Rejection> rejections = new ArrayList<>();
        List<SourceRecord> valid = new ArrayList<>();
        List<String> fingerprints = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        if (!ignored.isEmpty()) {
            // row 0: the header line. A spreadsheet's own columns (notes, region) cost no one a record
            warnings.add(new Warning(0, ignored.get(0), "column(s) " + ignored + " are not columns of the "
                    + kind.path() + " source (it has " + kind.columns() + "): their values are not stored"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            int rowNo = i + 1;
            if (checked[i] == null) {
                rejections.add(new Rejection(rowNo, rows.get(i).get(NOT_PLAIN), rows.get(i).get(NOT_PLAIN_REASON)));
                continue;
            }
            SourceRowValidator.Outcome o = checked[i].outcome();
            if (o.record() == null) {
                rejections.add(new Rejection(rowNo, o.problems().get(0).field(), o.problems().stream()
                        .map(p -> p.field() + " " + p.reason()).reduce((a, b) -> a + "; " + b).orElse("")));
            } else if (!seen.add(o.record().sourceRef())) {
                rejections.add(new Rejection(rowNo, "record_id", "record_id appears more than once in this file"));
            } else {
                valid.add(o.record());
                fingerprints.add(checked[i].fingerprint());
                o.warnings().forEach(x -> warnings.add(new Warning(rowNo, x.field(), x.reason())));
            }
        }
        long tChecked = System.nanoTime();
        long batchId = batches.insert(exchangeId, kind, format, sha, rows.size(), rejections.size(), actor);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        Map<String, String> known = records.fingerprints(exchangeId, kind, seen);
        List<SourceRecord> fresh = new ArrayList<>();
        List<String> freshFingerprints = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            SourceRecord r = valid.get(i);
            String fingerprint = fingerprints.get(i);
            String existing = known.get(r.sourceRef());
            if (existing == null) {
                fresh.add(r);
                freshFingerprints.add(fingerprint);
                created++;
            } else if (existing.equals(fingerprint)) {
                unchanged++;
            } else {
                records.updateContent(r, batchId);
                updated++;
            }
        }
        long tKnown = System.nanoTime();
        records.insertAll(fresh, freshFingerprints, batchId);
        long tStored = System.nanoTime();
        batches.insertRejections(batchId, rejections);
        batches.insertWarnings(batchId, warnings);
        batches.setCounts(batchId, created, updated, unchanged);
        audit.record(exchangeId, actor, "SOURCE_IMPORTED", kind.path(), rows.size() + " rows: created " + created
                + ", updated " + updated + ", unchanged " + unchanged + ", rejected " + rejections.size()
                + ", kept with a warning " + warnings.size());
        Report report = report(batchId, false, wake(exchangeId, complete));
        // where a large import spent its time (the commit follows), for an administrator sizing the database
        log.info("exchange {}: {} rows of {} imported in {} ms (read {}, checked {}, compared {}, stored {}, reported {})",
                exchangeId, rows.size(), kind.path(), ms(t0, System.nanoTime()), ms(t0, tParsed), ms(tParsed, tChecked),
                ms(tChecked, tKnown), ms(tKnown, tStored), ms(tStored, System.nanoTime()));
        return report;
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** One row's validation and, when valid, its content fingerprint. */
    private record Checked(SourceRowValidator.Outcome outcome, String fingerprint) {
    }

    /** The report of an earlier import. */
    public Report report(long batchId, boolean alreadyImported, boolean resumed) {
        Map<String, Object> b = batches.find(batchId);
        List<Rejection> rej = batches.rejections(batchId);
        List<Warning> warn = batches.warnings(batchId);
        return new Report(batchId, SourceKind.valueOf((String) b.get("source")).path(), (String) b.get("file_format"),
                ((Number) b.get("row_count")).intValue(), alreadyImported ? 0 : ((Number) b.get("created_count")).intValue(),
                alreadyImported ? 0 : ((Number) b.get("updated_count")).intValue(),
                alreadyImported ? ((Number) b.get("row_count")).intValue() - rej.size()
                        : ((Number) b.get("unchanged_count")).intValue(),
                rej.size(), rej, alreadyImported, resumed, warn.size(), warn);
    }

    public List<Report> reports(UUID exchangeId) {
        return batches.idsOf(exchangeId).stream().map(id -> report(id, false, false)).toList();
    }

    private boolean wake(UUID exchangeId, boolean complete) {
        return complete && !runtime.createMessageCorrelation(ExchangeProcess.MSG_CANDIDATES_SUBMITTED)
                .processInstanceBusinessKey(exchangeId.toString()).correlateAllWithResult().isEmpty();
    }

    /** Marks a row that cannot be read as one record: the field at fault, and why (set by {@link #unreadable}). */
    static final String NOT_PLAIN = "\u0000not-plain";
    private static final String NOT_PLAIN_REASON = "\u0000not-plain-reason";
    private static final String NOT_A_VALUE = "must be a plain value (text, number, true/false)";

    private static void unreadable(Map<String, String> row, String field, String reason) {
        row.put(NOT_PLAIN, field);
        row.put(NOT_PLAIN_REASON, reason);
    }

    /** The file as UTF-8 text (a byte order mark dropped), or null when its bytes are not UTF-8. */
    private static String utf8(byte[] content) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(content)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * A file with a UTF-16 byte order mark as text, or null without one: Excel's "Unicode Text" (tab-separated
     * UTF-16) is how many offices save a sheet with Cyrillic names when "CSV UTF-8" is not offered.
     */
    static String utf16(byte[] content) {
        boolean little = content.length >= 2 && (content[0] & 0xff) == 0xff && (content[1] & 0xff) == 0xfe;
        boolean big = content.length >= 2 && (content[0] & 0xff) == 0xfe && (content[1] & 0xff) == 0xff;
        if (!little && !big) {
            return null;
        }
        try {
            return (little ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE).newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content, 2, content.length - 2)).toString();
        } catch (CharacterCodingException e) {
            throw Refusal.invalid("file", "the file starts as UTF-16 text but is not: save it as UTF-8 (Excel: \"CSV UTF-8\")");
        }
    }

    private static final java.nio.charset.Charset WINDOWS_1251 = java.nio.charset.Charset.forName("windows-1251");

    /**
     * A file that is not UTF-8 read as Windows-1251: what Excel on a Ukrainian or Russian Windows saves as "CSV".
     * Any bytes decode in that code page, so the text is taken only when every word with a letter beyond ASCII is
     * mostly Cyrillic (Latin-1's "Müller" would read "Mьller" and is refused, as is anything with NUL bytes).
     */
    static String cyrillicWindows(byte[] content) {
        String refusal = "the file is neither UTF-8 text nor Cyrillic text in Windows-1251: save it as UTF-8 (Excel: "
                + "\"CSV UTF-8\")";
        String s;
        try {
            s = WINDOWS_1251.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw Refusal.invalid("file", refusal);
        }
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean letter = i < s.length() && Character.isLetter(s.charAt(i));
            if (i < s.length() && s.charAt(i) == 0) {
                throw Refusal.invalid("file", refusal);
            }
            if (letter && start < 0) {
                start = i;
            } else if (!letter && start >= 0) {
                if (!plausibleWord(s, start, i)) {
                    throw Refusal.invalid("file", refusal);
                }
                start = -1;
            }
        }
        return s;
    }

    /**
     * A word of ASCII letters, of Cyrillic letters, or mostly Cyrillic with a Latin look-alike typed in (Петрiв with
     * a Latin i, common in Ukrainian registers); a mostly Latin word with a Cyrillic letter is a Latin-1 accent read
     * in the wrong code page.
     */
    private static boolean plausibleWord(String s, int from, int to) {
        int ascii = 0;
        int cyrillic = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                ascii++;
            } else if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
                cyrillic++;
            } else {
                return false;
            }
        }
        return cyrillic == 0 || ascii < cyrillic;
    }

    /**
     * The field separator a file uses, read off its header line: Excel in a Ukrainian or Russian locale saves "CSV"
     * with semicolons, and some registers export tab-separated text; a comma unless another separator is more
     * frequent in the header (column names hold none of the three).
     */
    static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long commas = header.chars().filter(c -> c == ',').count();
        long semicolons = header.chars().filter(c -> c == ';').count();
        long tabs = header.chars().filter(c -> c == '\t').count();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas && tabs > semicolons ? '\t' : ',';
    }

    /**
     * A column name as a clerk's export may write it ("Family name", "FAMILY_NAME", "family-name") in the sources'
     * own form ({@code family_name}); an unnamed column (a separator left at the end of the header line, as
     * spreadsheets write it) is blank and ignored while its cells are empty.
     */
    static String columnName(String raw) {
        return raw == null ? "" : COLUMN_BREAKS.matcher(raw.strip().toLowerCase(java.util.Locale.ROOT)).replaceAll("_");
    }

    private static final java.util.regex.Pattern COLUMN_BREAKS = java.util.regex.Pattern.compile("[\\s-]+");

    /** The line {@code sep=;} that tells Excel a file's separator, quoted or with separators after it. */
    private static final java.util.regex.Pattern SEPARATOR_LINE =
            java.util.regex.Pattern.compile("(?i)\"?sep=([,;\t|])\"?[,;\t|]*\r?\n");

    /** A CSV file's rows, and the columns of its header line the source does not have (their values are dropped). */
    record Parsed(List<Map<String, String>> rows, List<String> ignoredColumns) {
    }

    /** The rows of a CSV file; refused as soon as it has more than {@code maxRows} (never all parsed first). */
    private static Parsed parseCsv(SourceKind kind, String text, int maxRows) {
        java.util.regex.Matcher sep = SEPARATOR_LINE.matcher(text);
        char delimiter;
        if (sep.lookingAt()) {
            delimiter = sep.group(1).charAt(0);
            text = text.substring(sep.end());
        } else {
            delimiter = delimiter(text);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader()
                .setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            List<String> header = parser.getHeaderNames().stream().map(SourceImportService::columnName).toList();
            List<String> named = header.stream().filter(c -> !c.isEmpty()).toList();
            named.stream().filter(c -> named.indexOf(c) != named.lastIndexOf(c)).findFirst().ifPresent(c -> {
                throw Refusal.invalid(c, "column " + c + " appears more than once in the header line");
            });
            List<String> unknown = named.stream().filter(c -> !kind.columns().contains(c)).toList();
            checkColumns(kind, named, unknown);
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord rec : parser) {
                if (rows.size() == maxRows) {
                    throw Refusal.tooLarge("file", "the file has more than " + maxRows
                            + " rows; at most " + maxRows + " are accepted per import: split it");
                }
                Map<String, String> m = new LinkedHashMap<>();
                if (rec.size() != header.size()) {
                    unreadable(m, "row", "has another number of values than the header line has columns");
                }
                for (int i = 0; i < header.size() && i < rec.size(); i++) {
                    if (unknown.contains(header.get(i))) {
                        continue; // reported once for the file
                    } else if (!header.get(i).isEmpty()) {
                        m.put(header.get(i), rec.get(i));
                    } else if (!rec.get(i).isBlank()) {
                        unreadable(m, "column " + (i + 1) + " (no name in the header line)",
                                "holds a value, but the header line names no column for it");
                    }
                }
                rows.add(m);
            }
            return new Parsed(rows, unknown);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw Refusal.invalid("file", "the file is not valid CSV with one header line: "
                    + (e instanceof IllegalArgumentException ? e.getMessage() : "unbalanced quotes or broken lines"));
        }
    }

    private static final java.util.regex.Pattern CAMEL_CASE = java.util.regex.Pattern.compile("([a-z0-9])([A-Z])");

    private List<Map<String, String>> parseJson(SourceKind kind, byte[] content, int maxRows) {
        JsonNode root;
        try {
            root = json.readTree(content);
        } catch (IOException e) {
            throw Refusal.invalid("file", "the file is not valid JSON");
        }
        JsonNode array = root != null && root.isObject() ? root.get("records") : root;
        if (array == null || !array.isArray()) {
            throw Refusal.invalid("records", "expected a JSON array of records or {\"records\": [...]}");
        }
        if (array.size() > maxRows) {
            throw Refusal.tooLarge("file", "the file has " + array.size() + " records; at most " + maxRows
                    + " are accepted per import: split it");
        }
        Set<String> columns = kind.columns();
        java.util.TreeSet<String> unknown = new java.util.TreeSet<>();
        List<Map<String, String>> rows = new ArrayList<>();
        // every record names the same few fields: each name is read once per file
        Map<String, String> keyNames = new java.util.HashMap<>();
        for (JsonNode item : array) {
            Map<String, String> m = new LinkedHashMap<>();
            if (!item.isObject()) {
                unreadable(m, "record", NOT_A_VALUE);
                rows.add(m);
                continue;
            }
            item.fields().forEachRemaining(f -> {
                // the sources' own names (family_name), or as /candidates and most JSON write them (familyName)
                String key = keyNames.computeIfAbsent(f.getKey(),
                        k -> columnName(CAMEL_CASE.matcher(k).replaceAll("$1_$2")));
                if (!columns.contains(key)) {
                    unknown.add(f.getKey());
                } else if (m.containsKey(key)) {
                    unreadable(m, f.getKey(), "names a field given already in this record (family_name and familyName)");
                } else if (f.getValue().isValueNode()) {
                    m.put(key, f.getValue().isNull() ? null : f.getValue().asText());
                } else {
                    unreadable(m, f.getKey(), NOT_A_VALUE);
                }
            });
            rows.add(m);
        }
        if (!unknown.isEmpty()) {
            throw Refusal.invalid(unknown.first(), "unknown field(s) " + unknown + "; the " + kind.path()
                    + " source has " + columns);
        }
        return rows;
    }

    /** A CSV header without a required column is refused, naming the columns it has that the source does not. */
    private static void checkColumns(SourceKind kind, List<String> header, List<String> unknown) {
        List<String> missing = kind.required().stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw Refusal.invalid(missing.get(0), "missing column(s) " + missing + "; the " + kind.path()
                    + " source needs " + kind.required() + " and may have " + kind.columns()
                    + (unknown.isEmpty() ? "" : "; the header line has " + unknown + ", which it does not know"));
        }
    }
}
