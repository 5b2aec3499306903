"""The client of cli-server.py: sends argv, environment, folder and fds 0-2; exits with the CLI's status."""
import json
import os
import socket
import sys

s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect(os.environ["ATLAS_CLI_SOCKET"])
req = json.dumps({"argv": sys.argv[1:], "env": dict(os.environ), "cwd": os.getcwd()}).encode() + b"\n"
socket.send_fds(s, [req], [0, 1, 2])
reply = b""
while not reply.endswith(b"\n"):
    chunk = s.recv(64)
    if not chunk:
        sys.exit(255)
    reply += chunk
sys.exit(int(reply))
