#!/usr/bin/env python3
"""usage: exit_status.py [--env NAME=VALUE]... [--] COMMAND...
Runs COMMAND (with exactly the given environment when --env is used), copies its stdout, then prints
"exit status N" so FileCheck can check N."""
import subprocess
import sys

args = sys.argv[1:]
env = None
while args and args[0] == "--env":
    env = env or {}
    name, _, value = args[1].partition("=")
    env[name] = value
    args = args[2:]
if args and args[0] == "--":
    args = args[1:]
result = subprocess.run(args, stdout=subprocess.PIPE, env=env, timeout=60)
sys.stdout.buffer.write(result.stdout)
print("exit status %d" % result.returncode)
