package io.pgbridge.proxy.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Malformed binary parameters fail with PostgreSQL's SQLSTATE instead of a Netty or Java exception. */
class BinaryInputErrorsTest {

    static void fails(PgType<?> type, String sqlState, Consumer<ByteBuf> writer) {
        ByteBuf buf = Unpooled.buffer();
        writer.accept(buf);
        int length = buf.readableBytes();
        assertThatThrownBy(() -> type.decodeBinary(buf, length)).as(type.name())
                .isInstanceOfSatisfying(PgTypeException.class, e -> assertThat(e.sqlState()).isEqualTo(sqlState));
    }

    @Test
    void wrongLengths() {
        fails(BoolType.INSTANCE, "22P03", b -> b.writeShort(1));
        fails(Int2Type.INSTANCE, "22P03", b -> b.writeInt(1));
        fails(Int8Type.INSTANCE, "22P03", b -> b.writeInt(1));
        fails(Float8Type.INSTANCE, "22P03", b -> b.writeInt(1));
        fails(UuidType.INSTANCE, "22P03", b -> b.writeLong(1));
        fails(DateType.INSTANCE, "22P03", b -> b.writeLong(1));
        fails(IntervalType.INSTANCE, "22P03", b -> b.writeLong(1));
        fails(TimeTzType.INSTANCE, "22P03", b -> b.writeLong(1));
    }

    @Test
    void badContents() {
        fails(NumericType.INSTANCE, "22P03", b -> b.writeShort(0).writeShort(0).writeShort(0x1234).writeShort(0));
        fails(NumericType.INSTANCE, "22P03", b -> b.writeShort(1).writeShort(0).writeShort(0).writeShort(0)
                .writeShort(10000));
        fails(NumericType.INSTANCE, "22P03", b -> b.writeShort(2).writeShort(0).writeShort(0).writeShort(0));
        fails(TimeType.INSTANCE, "22008", b -> b.writeLong(-1));
        fails(JsonbType.INSTANCE, "22P03", b -> b.writeByte(2).writeByte('1'));
        fails(TextType.INSTANCE, "22021", b -> b.writeByte(0xC3));
        fails(TextType.INSTANCE, "22021", b -> b.writeByte(0));
        ArrayType<?> ints = PgTypes.arrayOf(Int4Type.INSTANCE.oid());
        fails(ints, "22P03", b -> b.writeInt(7).writeInt(0).writeInt(23));
        fails(ints, "22P03", b -> b.writeInt(1).writeInt(2).writeInt(23).writeInt(1).writeInt(1).writeInt(4)
                .writeInt(1));
        fails(ints, "0A000", b -> b.writeInt(2).writeInt(0).writeInt(23).writeInt(1).writeInt(1).writeInt(1)
                .writeInt(1).writeInt(4).writeInt(1));
        // an element whose length does not fit its type
        fails(ints, "22P03", b -> b.writeInt(1).writeInt(0).writeInt(23).writeInt(1).writeInt(1).writeInt(2)
                .writeShort(1));
        fails(ints, "22P03", b -> b.writeInt(1).writeInt(0).writeInt(23).writeInt(5).writeInt(1).writeInt(4));
    }
}
