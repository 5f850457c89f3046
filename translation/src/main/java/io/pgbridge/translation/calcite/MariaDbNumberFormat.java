package io.pgbridge.translation.calcite;

import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.TranslationException;
import org.apache.calcite.sql.SqlNode;

/**
 * {@code to_char(number, pattern)} with a constant pattern of PostgreSQL's number template ({@code 9} a digit or a
 * space, {@code 0} a digit or a zero, {@code .} the point, {@code ,} thousands groups, {@code FM} no padding and no
 * trailing zeros in 9 places), written with MariaDB's string functions; MariaDB's TO_CHAR formats dates only.
 * Without FM the text is padded to the pattern's width plus a place for the sign; a value too wide for the pattern
 * prints as {@code #}s, as in PostgreSQL.
 */
final class MariaDbNumberFormat {
    private MariaDbNumberFormat() {
    }

    /** Whether {@code template} is a number pattern this class writes; date patterns go to MariaDB's TO_CHAR. */
    static boolean isNumberPattern(String template) {
        return template.replaceFirst("^(?i)fm", "").matches("[90,]*(\\.[90]*)?") && template.matches(".*[90].*");
    }

    static SqlNode toChar(SqlNode value, String template) {
        boolean fill = template.regionMatches(true, 0, "FM", 0, 2);
        String pattern = fill ? template.substring(2) : template;
        int point = pattern.indexOf('.');
        String integerPart = point < 0 ? pattern : pattern.substring(0, point);
        String fraction = point < 0 ? "" : pattern.substring(point + 1);
        String places = integerPart.replace(",", "");
        boolean groups = integerPart.contains(",");
        int forcedDigits = places.indexOf('0') < 0 ? 0 : places.length() - places.indexOf('0');
        if (groups && (forcedDigits > 1 || !integerPart.matches("9{0,3}(,999)*"))) {
            throw TranslationException.unsupported("to_char with the number pattern \"" + template + "\"",
                    SqlTarget.MARIADB);
        }
        String rounded = "CAST(ROUND(CAST({0} AS DECIMAL(65, 30)), " + fraction.length() + ") AS DECIMAL(65, "
                + fraction.length() + "))";
        String whole = "FLOOR(ABS(" + rounded + "))";
        String wholeText = groups ? "FORMAT(" + whole + ", 0)" : "CAST(" + whole + " AS CHAR)";
        String integerText = "(CASE WHEN " + whole + " = 0 AND " + forcedDigits + " = 0 THEN '' ELSE LPAD("
                + wholeText + ", GREATEST(" + forcedDigits + ", CHAR_LENGTH(" + wholeText + ")), '0') END)";
        String fractionText = "''";
        if (point >= 0) {
            fractionText = fraction.isEmpty() ? "'.'" : "CONCAT('.', SUBSTRING_INDEX(CAST(ABS(" + rounded
                    + ") AS CHAR), '.', -1))";
            int kept = fraction.lastIndexOf('0') + 1;
            if (fill && kept < fraction.length()) {
                String trimmed = "TRIM(TRAILING '0' FROM SUBSTRING_INDEX(CAST(ABS(" + rounded + ") AS CHAR), '.', -1))";
                fractionText = "CONCAT('.', IF(CHAR_LENGTH(" + trimmed + ") >= " + kept + ", " + trimmed + ", RPAD("
                        + trimmed + ", " + kept + ", '0')))";
            }
        }
        String body = "CONCAT(IF(" + rounded + " < 0, '-', ''), " + integerText + ", " + fractionText + ")";
        String shown = fill ? body : "LPAD(" + body + ", " + (pattern.length() + 1) + ", ' ')";
        String overflow = (fill ? "" : " ") + pattern.replaceAll("[90]", "#");
        return DialectRules.template("(CASE WHEN " + whole + " >= 1" + "0".repeat(places.length()) + " THEN '"
                + overflow + "' ELSE " + shown + " END)", value);
    }
}
