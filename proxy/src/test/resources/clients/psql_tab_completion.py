"""Drives psql on a pseudo-terminal, so that readline's tab completion runs, and prints what psql wrote after
the keys were typed: python3 psql_tab_completion.py HOST PORT USER DATABASE KEYS (KEYS with \\t for a tab)."""
import os
import pty
import select
import sys
import time

host, port, user, database, keys = sys.argv[1:6]


def drain(fd, seconds):
    out = b''
    end = time.time() + seconds
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                out += os.read(fd, 4096)
            except OSError:
                break
    return out


pid, fd = pty.fork()
if pid == 0:
    os.environ['TERM'] = 'dumb'
    os.environ.pop('PSQLRC', None)
    os.execvp('psql', ['psql', '-X', '-h', host, '-p', port, '-U', user, '-d', database])
drain(fd, 2.0)   # the banner and the first prompt
os.write(fd, keys.replace('\\t', '\t').encode())
out = drain(fd, 2.0)
os.write(fd, b'\x15\\q\n')   # clear the line, quit
drain(fd, 1.0)
try:
    os.kill(pid, 9)
except ProcessLookupError:
    pass
os.waitpid(pid, 0)
sys.stdout.write(out.decode('utf-8', 'replace'))
