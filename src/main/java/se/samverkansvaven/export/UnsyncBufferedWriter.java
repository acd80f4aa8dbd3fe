package se.samverkansvaven.export;

import java.io.IOException;
import java.io.Writer;

/**
 * A buffered writer for one thread, without {@link java.io.BufferedWriter}'s lock on every call: {@link XmlOut}
 * writes a few characters at a time, tens of millions of times for a file at L, and the lock was a large part of
 * rendering. Flushes its buffer to {@code out} when full and on {@link #flush}; {@link #close} closes {@code out}.
 */
final class UnsyncBufferedWriter extends Writer {

    private final Writer out;
    private final char[] buffer;
    private int used;

    UnsyncBufferedWriter(Writer out, int size) {
        this.out = out;
        this.buffer = new char[size];
    }

    @Override
    public void write(int c) throws IOException {
        if (used == buffer.length) {
            drain();
        }
        buffer[used++] = (char) c;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        if (len >= buffer.length) {
            drain();
            out.write(chars, off, len);
            return;
        }
        if (len > buffer.length - used) {
            drain();
        }
        System.arraycopy(chars, off, buffer, used, len);
        used += len;
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        while (len > 0) {
            if (used == buffer.length) {
                drain();
            }
            int n = Math.min(buffer.length - used, len);
            s.getChars(off, off + n, buffer, used);
            used += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void write(String s) throws IOException {
        write(s, 0, s.length());
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }

    private void drain() throws IOException {
        if (used > 0) {
            out.write(buffer, 0, used);
            used = 0;
        }
    }
}
