#!/usr/bin/python3
# Listens, then dies of SIGSEGV on the first connection.
import os, signal, socket
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 8080))
s.listen(1)
s.accept()
os.kill(os.getpid(), signal.SIGSEGV)
