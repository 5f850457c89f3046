package io.pgbridge.translation.h2;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class H2IntervalsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1 day|INTERVAL '1' DAY",
            "3 days|INTERVAL '3' DAY",
            "2 hours|INTERVAL '2:0:0' HOUR TO SECOND",
            "90 minutes|INTERVAL '1:30:0' HOUR TO SECOND",
            "1.5 seconds|INTERVAL '0:0:1.5' HOUR TO SECOND",
            "1 day 2 hours|INTERVAL '1 2:0:0' DAY TO SECOND",
            "1 day 02:03:04|INTERVAL '1 2:3:4' DAY TO SECOND",
            "1 year|INTERVAL '1' YEAR",
            "14 mons|INTERVAL '14' MONTH",
            "1 year 2 months 3 days|(INTERVAL '14' MONTH + INTERVAL '3' DAY)",
            "2 weeks|INTERVAL '14' DAY",
            "-1 day|INTERVAL '-1' DAY",
            "1 day ago|INTERVAL '-1' DAY",
            "1 day -2 hours|(INTERVAL '1' DAY + INTERVAL '-2:0:0' HOUR TO SECOND)",
            "1.5 days|INTERVAL '1 12:0:0' DAY TO SECOND",
            "10|INTERVAL '0:0:10' HOUR TO SECOND",
            "500 ms|INTERVAL '0:0:0.5' HOUR TO SECOND",
            "0 days|INTERVAL '0' SECOND",
    })
    void readsPostgresIntervalInput(String postgres, String h2) {
        assertThat(H2Intervals.toH2(postgres)).isEqualTo(h2);
    }

    @ParameterizedTest
    @CsvSource({"P1D", "1 fortnight", "abc", "''"})
    void leavesWhatItCannotReadToH2(String postgres) {
        assertThat(H2Intervals.toH2(postgres)).isNull();
    }
}
