package io.pgbridge.proxy.session.cursor;

import io.pgbridge.proxy.types.PgType;
import io.pgbridge.proxy.types.PgTypes;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowStoreTest {
    @SuppressWarnings("unchecked")
    private static final PgType<Object>[] TYPES = List.of("int4", "text", "numeric", "date", "timestamptz", "_int4")
            .stream().map(PgTypes::byName).toArray(PgType[]::new);

    private static Object[] row(int i) {
        return new Object[] {i, i % 7 == 0 ? null : "row " + i, new BigDecimal(i + ".50"),
                LocalDate.of(2024, 1, 1).plusDays(i), OffsetDateTime.of(2024, 1, 1, 0, 0, i % 60, 0, ZoneOffset.UTC),
                List.of(i, -i)};
    }

    /** Rows past the memory limit go to the file and come back equal, in any order, numbered from {@code first}. */
    @Test
    void rowsSpillToAFileAndComeBackEqual() throws Exception {
        try (RowStore store = new RowStore(TYPES, 10, 5)) {
            for (int i = 0; i < 5_000; i++) {
                store.add(row(i));
            }
            assertThat(store.spilled()).isTrue();
            assertThat(store.size()).isEqualTo(5_000);
            for (long index : new long[] {5, 14, 15, 16, 5_004, 2_500, 5}) {
                assertThat(store.get(index)).containsExactly(row((int) (index - 5)));
            }
            store.add(row(5_000));   // adding after reading, as a cursor reads ahead
            assertThat(store.get(5_005)).containsExactly(row(5_000));
            assertThatThrownBy(() -> store.get(4)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.get(5_006)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void fewRowsStayOnTheHeap() throws Exception {
        try (RowStore store = new RowStore(TYPES, 10, 1)) {
            store.add(row(1));
            assertThat(store.spilled()).isFalse();
            assertThat(store.get(1)).isSameAs(store.get(1));
        }
    }
}
