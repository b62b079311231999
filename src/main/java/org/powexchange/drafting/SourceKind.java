package org.powexchange.drafting;

import java.util.List;
import java.util.Set;

/** The sources cross-referenced into the lists, with their documented columns (CSV header names = JSON keys). */
public enum SourceKind {
    MILITARY_RECORDS("military-records", "MIL",
            List.of("record_id", "service_number", "family_name", "given_name"),
            List.of("patronymic", "birth_date", "unit", "rank", "captured_on", "captured_place")),
    INTELLIGENCE("intelligence-assessments", "INT",
            List.of("record_id", "family_name", "given_name"),
            List.of("patronymic", "birth_date", "service_number", "rank", "category", "location_held", "evidence_type",
                    "evidence_date", "strategic_flags", "seriously_wounded_sick")),
    FAMILY_APPEALS("family-appeals", "FAM",
            // the contact is expected but a missing or odd one is a warning, never a refused appeal
            List.of("record_id", "family_name", "given_name", "relative_contact"),
            List.of("patronymic", "birth_date", "service_number", "category", "date_last_seen", "dna_sample_ref")),
    /** Already normalised candidate records of {@code POST /api/exchanges/{id}/candidates}. */
    CANDIDATES("candidates", "CAND", List.of(), List.of());

    private final String path;
    private final String prefix;
    private final List<String> required;
    private final List<String> optional;

    SourceKind(String path, String prefix, List<String> required, List<String> optional) {
        this.path = path;
        this.prefix = prefix;
        this.required = required;
        this.optional = optional;
    }

    public String path() {
        return path;
    }

    public String prefix() {
        return prefix;
    }

    public List<String> required() {
        return required;
    }

    public Set<String> columns() {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(required);
        all.addAll(optional);
        return all;
    }

    public static SourceKind ofPath(String path) {
        for (SourceKind k : values()) {
            if (k != CANDIDATES && k.path.equals(path)) {
                return k;
            }
        }
        return null;
    }
}
