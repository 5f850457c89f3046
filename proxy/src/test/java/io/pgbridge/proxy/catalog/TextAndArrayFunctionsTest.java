package io.pgbridge.proxy.catalog;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each function's answers as PostgreSQL 15 gives them for the same arguments. */
class TextAndArrayFunctionsTest {

    @Test
    void splitsAsStringToArray() {
        assertThat(TextAndArrayFunctions.stringToArray("\"$user\", public", ",")).containsExactly("\"$user\"", " public");
        assertThat(TextAndArrayFunctions.stringToArray("a,,b", ",")).containsExactly("a", "", "b");
        assertThat(TextAndArrayFunctions.stringToArray("", ",")).isEmpty();
        assertThat(TextAndArrayFunctions.stringToArray("ab", null)).containsExactly("a", "b");
        assertThat(TextAndArrayFunctions.stringToArray("ab", "")).containsExactly("ab");
        assertThat(TextAndArrayFunctions.stringToArray(null, ",")).isNull();
    }

    @Test
    void parsesIdentifiers() throws SQLException {
        assertThat(TextAndArrayFunctions.parseIdent("Public.Cat_Books")).containsExactly("public", "cat_books");
        assertThat(TextAndArrayFunctions.parseIdent("\"My \"\"T\"\"\" . x")).containsExactly("My \"T\"", "x");
        assertThat(TextAndArrayFunctions.parseIdent("cat_books")).containsExactly("cat_books");
        assertThatThrownBy(() -> TextAndArrayFunctions.parseIdent("a..b")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> TextAndArrayFunctions.parseIdent("a b")).isInstanceOf(SQLException.class);
    }
}
