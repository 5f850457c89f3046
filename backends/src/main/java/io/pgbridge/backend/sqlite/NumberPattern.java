package io.pgbridge.backend.sqlite;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * PostgreSQL's to_char number patterns made of {@code 9} (a digit, or a space where there is none), {@code 0} (a
 * digit, zero where there is none), {@code .} or {@code D} (the point), {@code ,} or {@code G} (a group separator
 * where a digit precedes it) and {@code FM} (no padding, no trailing zeros in 9 places). Without FM the result is
 * padded to the pattern's width plus one place for the sign; a value too wide for the pattern prints as {@code #}s.
 */
final class NumberPattern {
    private NumberPattern() {
    }

    static String format(BigDecimal value, String template) {
        boolean fill = template.startsWith("FM") || template.startsWith("fm");
        String pattern = fill ? template.substring(2) : template;
        if (!pattern.matches("[90,G]*([.D][90]*)?")) {
            throw new IllegalArgumentException("the number pattern \"" + template
                    + "\" is not supported on sqlite backends");
        }
        int point = Math.max(pattern.indexOf('.'), pattern.indexOf('D'));
        String integerPart = point < 0 ? pattern : pattern.substring(0, point);
        String fraction = point < 0 ? "" : pattern.substring(point + 1);
        BigDecimal rounded = value.abs().setScale(fraction.length(), RoundingMode.HALF_UP);
        String digits = rounded.toPlainString();
        String whole = digits.contains(".") ? digits.substring(0, digits.indexOf('.')) : digits;
        String decimals = digits.contains(".") ? digits.substring(digits.indexOf('.') + 1) : "";
        int places = integerPart.replaceAll("[,G]", "").length();
        if (whole.equals("0") && integerPart.indexOf('0') < 0 && places > 0) {
            whole = "";   // 9s print no zero before the point
        }
        boolean overflow = whole.length() > places;
        StringBuilder out = new StringBuilder();
        int digit = whole.length() - places;   // index into whole of the current place
        int firstZero = integerPart.replaceAll("[,G]", "").indexOf('0');
        int place = 0;
        for (char c : integerPart.toCharArray()) {
            if (c == ',' || c == 'G') {
                out.append(digit > 0 && !overflow ? "," : overflow ? "," : fill ? "" : " ");
                continue;
            }
            boolean forced = firstZero >= 0 && place >= firstZero;
            out.append(overflow ? "#" : digit >= 0 ? String.valueOf(whole.charAt(digit)) : forced ? "0"
                    : fill ? "" : " ");
            digit++;
            place++;
        }
        if (point >= 0) {
            String shown = overflow ? "#".repeat(fraction.length()) : decimals;
            if (fill && !overflow) {
                int keep = fraction.lastIndexOf('0') + 1;
                shown = shown.substring(0, Math.max(keep, shown.replaceAll("0+$", "").length()));
            }
            out.append('.').append(shown);
        }
        String text = out.toString();
        String sign = value.signum() < 0 && rounded.signum() != 0 ? "-" : fill ? "" : " ";
        int firstDigit = 0;
        while (firstDigit < text.length() && text.charAt(firstDigit) == ' ') {
            firstDigit++;
        }
        return text.substring(0, firstDigit) + sign + text.substring(firstDigit);
    }
}
