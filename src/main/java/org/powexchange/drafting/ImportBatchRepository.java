package org.powexchange.drafting;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** One imported source file (import_batch) and its rows refused or kept with a warning. */
@Repository
public class ImportBatchRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public ImportBatchRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The batch that imported exactly this file (by content) into this source of the exchange, if any. */
    public Optional<Long> findByContent(UUID exchangeId, SourceKind source, String contentSha256) {
        return jdbc.sql("select id from import_batch where exchange_id = ? and source = ? and content_sha256 = ?")
                .params(exchangeId, source.name(), contentSha256).query(Long.class).optional();
    }

    /** A new batch; its counts of created, updated and unchanged rows follow with {@link #setCounts}. */
    public long insert(UUID exchangeId, SourceKind source, String format, String contentSha256, int rows, int rejected,
                       String actor) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into import_batch (exchange_id, source, file_format, content_sha256, row_count, created_count, "
                        + "updated_count, unchanged_count, rejected_count, imported_by, imported_at) "
                        + "values (?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?)")
                .params(exchangeId, source.name(), format, contentSha256, rows, rejected, actor, OffsetDateTime.now())
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void setCounts(long batchId, int created, int updated, int unchanged) {
        jdbc.sql("update import_batch set created_count = ?, updated_count = ?, unchanged_count = ? where id = ?")
                .params(created, updated, unchanged, batchId).update();
    }

    /** Rejected rows in JDBC batches (a 30,000-row file can refuse thousands); reasons cut at 1,000 characters. */
    public void insertRejections(long batchId, List<SourceImportService.Rejection> rejections) {
        batch.batchUpdate("insert into import_rejection (batch_id, row_no, field_name, reason) values (?, ?, ?, ?)",
                rejections.stream().map(r -> new Object[] {batchId, r.row(), r.field(),
                        r.reason().length() > 1000 ? r.reason().substring(0, 1000) : r.reason()}).toList());
    }

    /** Rows kept with a warning, in JDBC batches. */
    public void insertWarnings(long batchId, List<SourceImportService.Warning> warnings) {
        batch.batchUpdate("insert into import_warning (batch_id, row_no, field_name, note) values (?, ?, ?, ?)",
                warnings.stream().map(w -> new Object[] {batchId, w.row(), w.field(), w.note()}).toList());
    }

    /** The batch's row (source, file_format, row_count and the counts). */
    public Map<String, Object> find(long batchId) {
        return jdbc.sql("select * from import_batch where id = ?").param(batchId).query().singleRow();
    }

    public List<SourceImportService.Rejection> rejections(long batchId) {
        return jdbc.sql("select row_no, field_name, reason from import_rejection where batch_id = ? order by row_no, id")
                .param(batchId)
                .query((rs, n) -> new SourceImportService.Rejection(rs.getInt("row_no"), rs.getString("field_name"),
                        rs.getString("reason")))
                .list();
    }

    public List<SourceImportService.Warning> warnings(long batchId) {
        return jdbc.sql("select row_no, field_name, note from import_warning where batch_id = ? order by row_no, id")
                .param(batchId)
                .query((rs, n) -> new SourceImportService.Warning(rs.getInt("row_no"), rs.getString("field_name"),
                        rs.getString("note")))
                .list();
    }

    public List<Long> idsOf(UUID exchangeId) {
        return jdbc.sql("select id from import_batch where exchange_id = ? order by id").param(exchangeId)
                .query(Long.class).list();
    }
}
