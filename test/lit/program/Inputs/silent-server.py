#!/usr/bin/python3
# Listens and accepts, but never answers.
import socket, time
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 8080))
s.listen(1)
c = s.accept()
time.sleep(60)
