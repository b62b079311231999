package org.powexchange.bench;

import com.ibm.icu.text.Transliterator;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a Cyrillic name the way the world's registers do: Ukraine's 2010 passport table (Russian:
 * ICAO passports), BGN/PCGN, ISO 9, GOST 7.79 B, Library of Congress, and German, Polish and French
 * spellings. Written from the published tables, independently of the application's normaliser.
 */
public final class Romaniser {

    public enum System { PASSPORT, BGN, ISO9, GOST_779B, LIBRARY_OF_CONGRESS, GERMAN, POLISH, FRENCH }

    private static final String VOWELS = "аеєиіїоуюяёыэ";
    private static final String SOFTENING = "еєиіїйьюяё";

    private final Transliterator ukBgn = Transliterator.getInstance("Ukrainian-Latin/BGN");
    private final Transliterator ruBgn = Transliterator.getInstance("Russian-Latin/BGN");
    private final Map<String, String> cache = new HashMap<>();

    public String write(String cyrillic, System system, boolean russian) {
        return cache.computeIfAbsent(system + "|" + russian + "|" + cyrillic, k -> compute(cyrillic, system, russian));
    }

    private String compute(String cyrillic, System system, boolean russian) {
        if (system == System.BGN) {
            String s = (russian ? ruBgn : ukBgn).transliterate(cyrillic);
            return s.replace("\u00B7", "").replaceAll("[\u02B9\u02BA\u2019']", "");
        }
        String lower = cyrillic.toLowerCase(java.util.Locale.ROOT).replace("’", "'");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            char prev = i == 0 ? ' ' : lower.charAt(i - 1);
            char next = i + 1 < lower.length() ? lower.charAt(i + 1) : ' ';
            boolean initial = i == 0 || !Character.isLetter(prev);
            out.append(letter(c, prev, next, initial, system, russian));
        }
        String s = out.toString();
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String letter(char c, char prev, char next, boolean initial, System sys, boolean ru) {
        boolean betweenVowels = VOWELS.indexOf(prev) >= 0 && VOWELS.indexOf(next) >= 0;
        switch (c) {
            case 'а': return "a";
            case 'б': return "b";
            case 'в': return sys == System.GERMAN || sys == System.POLISH ? "w" : "v";
            case 'г':
                if (ru) {
                    return sys == System.FRENCH && "еиі".indexOf(next) >= 0 ? "gu" : "g";
                }
                return sys == System.ISO9 || sys == System.GOST_779B ? "g" : "h";
            case 'ґ': return sys == System.ISO9 ? "g̀" : sys == System.GOST_779B ? "g`" : "g";
            case 'д': return "d";
            case 'е':
                if (ru && initial && (sys == System.GERMAN || sys == System.POLISH)) {
                    return "je";
                }
                return sys == System.FRENCH && !initial ? "e" : "e";
            case 'є':
                return switch (sys) {
                    case PASSPORT -> initial ? "ye" : "ie";
                    case ISO9 -> "ê";
                    case GOST_779B -> "ye";
                    case GERMAN, POLISH -> "je";
                    default -> "ie";
                };
            case 'ё':
                return switch (sys) {
                    case ISO9, LIBRARY_OF_CONGRESS -> "ë";
                    case GOST_779B -> "yo";
                    case GERMAN -> "jo";
                    case POLISH, FRENCH -> "io";
                    default -> "e";
                };
            case 'ж':
                return switch (sys) {
                    case ISO9 -> "ž";
                    case GERMAN -> "sch";
                    case POLISH -> "ż";
                    case FRENCH -> "j";
                    default -> "zh";
                };
            case 'з': return sys == System.GERMAN && (initial || betweenVowels) ? "s" : "z";
            case 'и':
                if (ru) {
                    return sys == System.POLISH ? (initial ? "i" : "i") : "i";
                }
                return switch (sys) {
                    case ISO9 -> "i";
                    case GOST_779B -> "y`";
                    default -> "y";
                };
            case 'і': return sys == System.ISO9 ? "ì" : "i";
            case 'ї':
                return switch (sys) {
                    case PASSPORT -> initial ? "yi" : "i";
                    case ISO9, LIBRARY_OF_CONGRESS, FRENCH -> "ï";
                    case GOST_779B -> "yi";
                    case GERMAN, POLISH -> "ji";
                    default -> "i";
                };
            case 'й':
                return switch (sys) {
                    case PASSPORT -> initial ? "y" : "i";
                    case ISO9, GOST_779B, GERMAN, POLISH -> "j";
                    case LIBRARY_OF_CONGRESS -> "ĭ";
                    case FRENCH -> "ï";
                    default -> "y";
                };
            case 'к': return "k";
            case 'л': return sys == System.POLISH && SOFTENING.indexOf(next) < 0 ? "ł" : "l";
            case 'м': return "m";
            case 'н': return "n";
            case 'о': return "o";
            case 'п': return "p";
            case 'р': return "r";
            case 'с': return (sys == System.GERMAN || sys == System.FRENCH) && betweenVowels ? "ss" : "s";
            case 'т': return "t";
            case 'у': return sys == System.FRENCH ? "ou" : "u";
            case 'ф': return "f";
            case 'х':
                return switch (sys) {
                    case ISO9 -> "h";
                    case GOST_779B -> "x";
                    case GERMAN, POLISH -> "ch";
                    default -> "kh";
                };
            case 'ц':
                return switch (sys) {
                    case ISO9, POLISH -> "c";
                    case GOST_779B -> "еиіїйыєюя".indexOf(next) >= 0 ? "cz" : "c";
                    case GERMAN -> "z";
                    default -> "ts";
                };
            case 'ч':
                return switch (sys) {
                    case ISO9 -> "č";
                    case GERMAN -> "tsch";
                    case POLISH -> "cz";
                    case FRENCH -> "tch";
                    default -> "ch";
                };
            case 'ш':
                return switch (sys) {
                    case ISO9 -> "š";
                    case GERMAN -> "sch";
                    case POLISH -> "sz";
                    case FRENCH -> "ch";
                    default -> "sh";
                };
            case 'щ':
                return switch (sys) {
                    case ISO9 -> "ŝ";
                    case GOST_779B -> "shh";
                    case GERMAN -> "schtsch";
                    case POLISH -> "szcz";
                    case FRENCH -> "chtch";
                    default -> "shch";
                };
            case 'ъ': return sys == System.ISO9 || sys == System.LIBRARY_OF_CONGRESS ? "ʺ" : sys == System.GOST_779B ? "``" : "";
            case 'ы': return sys == System.GOST_779B ? "y`" : "y";
            case 'ь': return sys == System.ISO9 || sys == System.LIBRARY_OF_CONGRESS ? "ʹ" : sys == System.GOST_779B ? "`" : "";
            case 'э': return sys == System.ISO9 ? "è" : sys == System.LIBRARY_OF_CONGRESS ? "ė" : sys == System.GOST_779B ? "e`" : "e";
            case 'ю':
                return switch (sys) {
                    case PASSPORT -> initial ? "yu" : "iu";
                    case ISO9 -> "û";
                    case GOST_779B -> "yu";
                    case GERMAN, POLISH -> "ju";
                    case FRENCH -> "iou";
                    default -> "iu";
                };
            case 'я':
                return switch (sys) {
                    case PASSPORT -> initial ? "ya" : "ia";
                    case ISO9 -> "â";
                    case GOST_779B -> "ya";
                    case GERMAN, POLISH -> "ja";
                    default -> "ia";
                };
            case '\'': return "";
            default: return String.valueOf(c);
        }
    }
}
