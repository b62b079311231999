package org.powexchange.security;

import java.util.List;

/** The groups of the Coordination Staff on POW Affairs and its partners, as Camunda group ids. */
public final class Groups {

    public static final String ADMIN = "camunda-admin";
    public static final String COORDINATION_STAFF = "coordination-staff";
    public static final String DEFENCE = "defence";
    public static final String MILITARY_INTELLIGENCE = "military-intelligence";
    public static final String SECURITY_SERVICE = "security-service";
    public static final String FOREIGN_INTELLIGENCE = "foreign-intelligence";
    public static final String INTERIOR = "interior";
    public static final String OMBUDSMAN = "ombudsman";
    public static final String NEUTRAL_PARTY = "neutral-party";

    /** The agencies that review the lists; each has its own review task and Tasklist filter. */
    public static final List<String> AGENCIES = List.of(DEFENCE, MILITARY_INTELLIGENCE, SECURITY_SERVICE,
            FOREIGN_INTELLIGENCE, INTERIOR, OMBUDSMAN);

    public static final List<String> ALL = List.of(COORDINATION_STAFF, DEFENCE, MILITARY_INTELLIGENCE,
            SECURITY_SERVICE, FOREIGN_INTELLIGENCE, INTERIOR, OMBUDSMAN, NEUTRAL_PARTY);

    public static String displayName(String group) {
        return switch (group) {
            case COORDINATION_STAFF -> "Coordination Staff on POW Affairs";
            case DEFENCE -> "Ministry of Defence";
            case MILITARY_INTELLIGENCE -> "Main Intelligence Directorate";
            case SECURITY_SERVICE -> "Security Service";
            case FOREIGN_INTELLIGENCE -> "Foreign Intelligence Service";
            case INTERIOR -> "Ministry of Internal Affairs";
            case OMBUDSMAN -> "Office of the Ombudsman";
            case NEUTRAL_PARTY -> "Neutral intermediary";
            default -> group;
        };
    }

    private Groups() {
    }
}
