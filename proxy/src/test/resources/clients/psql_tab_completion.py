"""Drives psql on a pseudo-terminal, so that readline's tab completion runs, and prints what psql wrote after
the keys were typed: python3 psql_tab_completion.py HOST PORT USER DATABASE KEYS (KEYS with \\t for a tab)."""
import os
import pty
import select
import sys
import time

host, port, user, database, keys = sys.argv[1:6]


def drain(fd, quiet, longest=15.0):
    """What fd gives until it has been quiet for `quiet` seconds (or `longest` seconds have passed)."""
    out = b''
    start = last = time.time()
    while time.time() - last < quiet and time.time() - start < longest:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            out += chunk
            last = time.time()
    return out


pid, fd = pty.fork()
if pid == 0:
    os.environ['TERM'] = 'dumb'
    os.environ.pop('PSQLRC', None)
    os.execvp('psql', ['psql', '-X', '-h', host, '-p', port, '-U', user, '-d', database])
drain(fd, 1.0)   # the banner and the first prompt
os.write(fd, keys.replace('\\t', '\t').encode())
out = drain(fd, 1.5)
os.write(fd, b'\x15\\q\n')   # clear the line, quit
drain(fd, 0.3)
try:
    os.kill(pid, 9)
except ProcessLookupError:
    pass
os.waitpid(pid, 0)
sys.stdout.write(out.decode('utf-8', 'replace'))
