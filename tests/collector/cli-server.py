"""
A fork server for the real AWS CLI, so the emulator test can make thousands of CLI calls on a
small machine: the CLI's Python modules are imported once, and each call is a fork that runs the
CLI's own entry point (awscli.clidriver.main, as /usr/bin/aws does) with the caller's argv,
environment, working folder and stdin/stdout/stderr (passed over a Unix socket). Argument
parsing, pagination, retries, output formatting and exit codes are the CLI's own.

usage: <python of the CLI under test> cli-server.py SOCKET
"""
import array
import json
import os
import signal
import socket
import sys

_before = dict(os.environ)
import awscli.clidriver  # noqa: E402  (imported once, before any fork)

# What importing the CLI put into the environment (Debian's CLI v2 sets AWS_DATA_PATH): kept.
_IMPORT_ENV = {k: v for k, v in os.environ.items() if _before.get(k) != v}

path = sys.argv[1]
try:
    os.unlink(path)
except FileNotFoundError:
    pass
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(path)
server.listen(64)
signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children reap themselves
print("ready", flush=True)


def run(conn):
    fds = array.array("i")
    data = b""
    while not data.endswith(b"\n"):
        msg, anc, _, _ = conn.recvmsg(1 << 20, socket.CMSG_LEN(3 * fds.itemsize))
        if not msg:
            return
        data += msg
        for level, kind, payload in anc:
            if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                fds.frombytes(payload[: len(payload) - (len(payload) % fds.itemsize)])
    req = json.loads(data)
    for target, fd in enumerate(fds[:3]):
        os.dup2(fd, target)
    os.environ.clear()
    os.environ.update(req["env"])
    for k, v in _IMPORT_ENV.items():
        os.environ.setdefault(k, v)
    os.chdir(req["cwd"])
    sys.argv = ["aws"] + req["argv"]
    code = 255
    try:
        code = awscli.clidriver.main() or 0
    except SystemExit as e:
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 255)
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except Exception:
            pass
        conn.sendall(b"%d\n" % code)
        os._exit(code)


while True:
    conn, _ = server.accept()
    if os.fork() == 0:
        server.close()
        run(conn)
    conn.close()
