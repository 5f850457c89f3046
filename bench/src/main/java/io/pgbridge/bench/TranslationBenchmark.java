package io.pgbridge.bench;

import io.pgbridge.translation.CachingTranslator;
import io.pgbridge.translation.SqlTarget;
import io.pgbridge.translation.Translator;
import io.pgbridge.translation.Translators;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What translating one statement costs, per backend dialect:
 * <ul>
 *   <li>{@code uncached}: the translator itself, as on the first sight of a statement shape;</li>
 *   <li>{@code cached}: the same statement again, through the cache the proxy uses;</li>
 *   <li>{@code literalVarying}: pgbench's simple mode, a new literal every time, through the same cache.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TranslationBenchmark {
    private static final String[] STATEMENTS = {
            "SELECT abalance FROM pgbench_accounts WHERE aid = 48213",
            "select o.id, c.name, count(*) filter (where l.qty > 1) as big_lines, sum(l.qty * l.price)::numeric(12,2) "
                    + "from orders o join customers c on c.id = o.customer_id left join order_lines l on l.order_id = o.id "
                    + "where o.created_at >= now() - interval '30 days' and c.name ilike 'a%' "
                    + "group by o.id, c.name order by o.id desc limit 20 offset 40",
            "insert into events (actor_id, kind, payload) values ('a-17', 'moved', '{\"x\": 1}') returning id, created_at",
            "insert into actors (actor_id, actor_type, state, version) values ('a-17', 'cart', '{}', 1) "
                    + "on conflict (actor_id) do update set state = excluded.state, version = actors.version + 1",
    };

    @Param({"H2", "MARIADB", "SQLITE"})
    public String target;

    @Param({"0", "1", "2", "3"})
    public int statement;

    private Translator translator;
    private Translator cache;
    private String sql;
    private byte[] sqlBytes;
    private int counter;

    @Setup
    public void setUp() {
        translator = Translators.forTarget(SqlTarget.valueOf(target));
        cache = new CachingTranslator(translator, 10_000);
        sql = STATEMENTS[statement];
        sqlBytes = sql.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        translator.translate(sql);
    }

    @Benchmark
    public String uncached() {
        return translator.translate(sql).sql();
    }

    /**
     * A statement seen before, decoded anew from bytes as each one read from the wire is (so its hash is computed
     * again; {@code new String(String)} would share the old one's).
     */
    @Benchmark
    public String cached() {
        return cache.translate(new String(sqlBytes, java.nio.charset.StandardCharsets.UTF_8)).sql();
    }

    @Benchmark
    public String literalVarying() {
        counter = (counter + 7919) % 1_000_000;
        return cache.translate("SELECT abalance FROM pgbench_accounts WHERE aid = " + counter).sql();
    }
}
