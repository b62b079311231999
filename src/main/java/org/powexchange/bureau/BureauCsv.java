package org.powexchange.bureau;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bureau's CSV: UTF-8 with a byte-order mark (so spreadsheets read Cyrillic names right), RFC 4180
 * quoting, and no cell a spreadsheet would run as a formula (a leading = + - @ tab or carriage return is
 * escaped with an apostrophe).
 */
final class BureauCsv {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    static byte[] write(BureauReport report) {
        StringBuilder out = new StringBuilder();
        line(out, List.copyOf(BureauReport.COLUMNS));
        for (BureauReport.Row row : report.people()) {
            line(out, row.cells());
        }
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(body, 0, all, BOM.length, body.length);
        return all;
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || s.startsWith("'")) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private BureauCsv() {
    }
}
