#!/usr/bin/env python3
"""A `--llm-command` for recording the fixture: the command provider's request (Anthropic-shaped
JSON on stdin) goes to semcom-mock-llm on loopback ($MOCK_PORT); the answer's text goes to stdout."""
import json, os, sys, urllib.request

body = sys.stdin.buffer.read()
req = urllib.request.Request(
    "http://127.0.0.1:%s/v1/messages" % os.environ["MOCK_PORT"], data=body,
    headers={"content-type": "application/json", "x-api-key": "test-key",
             "anthropic-version": "2023-06-01"})
with urllib.request.urlopen(req, timeout=60) as resp:
    answer = json.load(resp)
sys.stdout.write("".join(c.get("text", "") for c in answer.get("content", [])))
