package io.pgbridge.proxy.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * The pipeline's outbound half of the codec: writes {@link BackendMessage} records with
 * {@link BackendMessageEncoder}. Anything else written to the channel (such as the ByteBufs the result streamer
 * fills with DataRows) passes through untouched.
 *
 * <p>Stateless, hence {@link Sharable}: one {@link #INSTANCE} serves every connection.
 */
@Sharable
public final class BackendMessageHandler extends MessageToByteEncoder<BackendMessage> {

    /** The one instance every pipeline may share. */
    public static final BackendMessageHandler INSTANCE = new BackendMessageHandler();

    public BackendMessageHandler() {
        super(BackendMessage.class); // explicit type: no generic-signature lookup at construction
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, BackendMessage msg, boolean preferDirect) {
        int size = BackendMessageEncoder.sizeHint(msg);
        return preferDirect ? ctx.alloc().ioBuffer(size) : ctx.alloc().heapBuffer(size);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, BackendMessage msg, ByteBuf out) {
        BackendMessageEncoder.encode(msg, out);
    }
}
