package io.pgbridge.proxy.session.cursor;

import io.pgbridge.proxy.error.PgException;
import io.pgbridge.proxy.error.SqlState;
import io.pgbridge.proxy.session.cursor.CursorStatement.Fetch;
import io.pgbridge.proxy.session.cursor.CursorStatement.FetchDirection;

/**
 * Where a cursor stands and how FETCH and MOVE move it: PostgreSQL 15's portal position ({@code atStart},
 * {@code atEnd}, {@code portalPos}) and the steps of its DoPortalRunFetch, PortalRunSelect and DoPortalRewind
 * (pquery.c), so that which rows each direction returns, the counts in the tags, and when a NO SCROLL cursor
 * refuses to go back are PostgreSQL's to the row, over {@link CursorRows} as the executor.
 */
public final class CursorPosition {
    private final CursorRows rows;
    private final boolean noScroll;
    private boolean atStart = true;
    private boolean atEnd;
    private long portalPos;
    /** The sink of the FETCH running now has been started. */
    private boolean started;

    public CursorPosition(CursorRows rows, boolean noScroll) {
        this.rows = rows;
        this.noScroll = noScroll;
    }

    /**
     * Runs a FETCH ({@code sink} receives the rows) or a MOVE ({@code sink} null); returns the count of its tag.
     */
    public long fetch(FetchDirection direction, long count, RowSink sink) throws Exception {
        started = false;
        switch (direction) {
            case FORWARD, BACKWARD -> {
                boolean forward = direction == FetchDirection.FORWARD;
                if (count < 0) {
                    forward = !forward;
                    count = -count;
                }
                return step(forward, count, sink);
            }
            case ABSOLUTE -> {
                return absolute(count, sink);
            }
            default -> {
                return relative(count, sink);
            }
        }
    }

    private long absolute(long count, RowSink sink) throws Exception {
        if (count > 0) {
            // Rewind and advance count-1 rows, unless going from here is shorter; the row itself is fetched forward.
            if (count - 1 <= portalPos / 2) {
                rewind();
                if (count > 1) {
                    runSelect(true, count - 1, null);
                }
            } else {
                long pos = portalPos;
                if (atEnd) {
                    pos++;   // one extra fetch when off the end
                }
                if (count <= pos) {
                    runSelect(false, pos - count + 1, null);
                } else if (count > pos + 1) {
                    runSelect(true, count - pos - 1, null);
                }
            }
            return runSelect(true, 1, sink);
        }
        if (count < 0) {
            // To the end, back abs(count)-1 rows, and return the row before.
            runSelect(true, Fetch.ALL, null);
            if (count < -1) {
                runSelect(false, -count - 1, null);
            }
            return runSelect(false, 1, sink);
        }
        rewind();
        return runSelect(true, 0, sink);
    }

    private long relative(long count, RowSink sink) throws Exception {
        if (count > 0) {
            if (count > 1) {
                runSelect(true, count - 1, null);
            }
            return runSelect(true, 1, sink);
        }
        if (count < 0) {
            if (count < -1) {
                runSelect(false, -count - 1, null);
            }
            return runSelect(false, 1, sink);
        }
        return step(true, 0, sink);
    }

    /** FORWARD or BACKWARD with a count of at least 0. */
    private long step(boolean forward, long count, RowSink sink) throws Exception {
        if (count == 0) {
            // Zero means the current row again, if the cursor stands on one.
            boolean onRow = !atStart && !atEnd;
            if (sink == null) {
                return onRow ? 1 : 0;   // MOVE 0 says whether FETCH 0 would return a row
            }
            if (onRow) {
                runSelect(false, 1, null);
                count = 1;
                forward = true;
            }
        }
        if (!forward && count == Fetch.ALL && sink == null) {
            // MOVE BACKWARD ALL is a rewind
            long result = portalPos;
            if (result > 0 && !atEnd) {
                result--;
            }
            rewind();
            return result;
        }
        return runSelect(forward, count, sink);
    }

    private long runSelect(boolean forward, long count, RowSink sink) throws Exception {
        if (!forward && noScroll) {
            throw scanForwardOnly();
        }
        if (sink != null && !started) {
            started = true;
            sink.start();
        }
        if (forward) {
            if (atEnd || count <= 0) {
                return 0;
            }
            long processed = rows.forward(count, sink);
            if (processed > 0) {
                atStart = false;
            }
            if (processed < count) {
                atEnd = true;
            }
            portalPos += processed;
            return processed;
        }
        if (atStart || count <= 0) {
            return 0;
        }
        long processed = rows.backward(count, sink);
        if (processed > 0 && atEnd) {
            atEnd = false;
            portalPos++;
        }
        if (processed < count) {
            atStart = true;
            portalPos = 0;
        } else {
            portalPos -= processed;
        }
        return processed;
    }

    private void rewind() {
        if (atStart && !atEnd) {
            return;   // nothing moved yet: no error even for NO SCROLL
        }
        if (noScroll) {
            throw scanForwardOnly();
        }
        rows.rewind();
        atStart = true;
        atEnd = false;
        portalPos = 0;
    }

    private static PgException scanForwardOnly() {
        return new PgException("ERROR", SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE.code(),
                "cursor can only scan forward", null, "Declare it with SCROLL option to enable backward scan.", 0, null);
    }
}
