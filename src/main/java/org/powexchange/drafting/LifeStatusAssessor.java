package org.powexchange.drafting;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.powexchange.people.LifeStatus;
import org.powexchange.people.Side;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Life status from the evidence and its age: a DNA match to remains means deceased; a neutral-party
 * registration, photo or video, or letter recent enough confirms the person alive; an intercepted
 * communication alone, or evidence too old, leaves the person unconfirmed, with what would confirm them.
 */
@Component
public class LifeStatusAssessor {

    public record Assessment(LifeStatus status, String basis, String wouldConfirm) {
    }

    private final Duration registrationMaxAge;
    private final Duration visualMaxAge;

    public LifeStatusAssessor(@Value("${powexchange.drafting.registration-max-age:P365D}") Duration registrationMaxAge,
                              @Value("${powexchange.drafting.photo-letter-max-age:P180D}") Duration visualMaxAge) {
        this.registrationMaxAge = registrationMaxAge;
        this.visualMaxAge = visualMaxAge;
    }

    public Assessment assess(Side side, List<SourceRecord> records, LocalDate today) {
        for (SourceRecord r : records) {
            if ("DNA_REMAINS_MATCH".equals(r.evidenceType())) {
                return new Assessment(LifeStatus.DECEASED, "DNA match to remains of " + r.evidenceDate() + " [" + r.label() + "]",
                        null);
            }
        }
        List<SourceRecord> evidence = records.stream().filter(r -> r.evidenceType() != null)
                .sorted(Comparator.comparing(SourceRecord::evidenceDate).reversed()).toList();
        for (SourceRecord r : evidence) {
            long age = ChronoUnit.DAYS.between(r.evidenceDate(), today);
            boolean confirms = switch (r.evidenceType()) {
                case "NEUTRAL_REGISTRATION" -> age <= registrationMaxAge.toDays();
                case "PHOTO_VIDEO", "LETTER" -> age <= visualMaxAge.toDays();
                default -> false;
            };
            if (confirms) {
                return new Assessment(LifeStatus.CONFIRMED_ALIVE, label(r.evidenceType()) + " of " + r.evidenceDate()
                        + " (" + age + " days old) [" + r.label() + "]", null);
            }
        }
        for (SourceRecord r : records) {
            if (r.declaredLifeStatus() != null) {
                return new Assessment(LifeStatus.valueOf(r.declaredLifeStatus()), "declared in candidate record " + r.label(),
                        LifeStatus.CONFIRMED_ALIVE.name().equals(r.declaredLifeStatus()) ? null : WOULD_CONFIRM);
            }
        }
        if (side == Side.RELEASE) {
            return new Assessment(LifeStatus.CONFIRMED_ALIVE, "held by us", null);
        }
        if (!evidence.isEmpty()) {
            SourceRecord latest = evidence.get(0);
            return new Assessment(LifeStatus.UNCONFIRMED, "latest evidence: " + label(latest.evidenceType()) + " of "
                    + latest.evidenceDate() + " (" + ChronoUnit.DAYS.between(latest.evidenceDate(), today)
                    + " days old) does not confirm life", WOULD_CONFIRM);
        }
        return new Assessment(LifeStatus.UNCONFIRMED, "no evidence of life in the sources", WOULD_CONFIRM);
    }

    static final String WOULD_CONFIRM = "a neutral-party registration, or a recent photo, video or letter";

    private static String label(String type) {
        return switch (type) {
            case "NEUTRAL_REGISTRATION" -> "neutral-party registration";
            case "PHOTO_VIDEO" -> "photo or video";
            case "LETTER" -> "letter";
            case "INTERCEPT" -> "intercepted communication";
            default -> type;
        };
    }
}
