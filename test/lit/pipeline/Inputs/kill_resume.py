#!/usr/bin/env python3
"""Kills `semcom run` with SIGKILL at random moments, again and again, resuming the same run each
time, and checks after every kill that the tree holds no unparsable module and no stray temporary
file and that the manifest still loads; finally a resume must finish the task.

usage: kill_resume.py --kills N --tree DIR --task FILE --port-file FILE -- SEMCOM_ARGS...
"""
import argparse
import glob
import os
import random
import signal
import subprocess
import sys
import time

p = argparse.ArgumentParser()
p.add_argument("--kills", type=int, default=20)
p.add_argument("--seed", type=int, default=1)
p.add_argument("--tree", required=True)
p.add_argument("--task", required=True)
p.add_argument("--llvm-as", required=True)
p.add_argument("--semcom-manifest", required=True)
p.add_argument("llm", nargs=argparse.REMAINDER)
a = p.parse_args()
llm = [x for x in a.llm if x != "--"]
rng = random.Random(a.seed)
env = dict(os.environ, ANTHROPIC_API_KEY="test-key")


def run_id():
    runs = sorted(glob.glob(os.path.join(a.tree, ".semcom/runs/*/task.txt")))
    return os.path.basename(os.path.dirname(runs[0])) if runs else None


def command():
    rid = run_id()
    cache = ["--no-cache"] if rng.random() < 0.7 else []
    if rid:
        return ["semcom", "run", "--resume", rid] + cache + llm
    return ["semcom", "run", a.task] + cache + llm


def check_tree(when):
    for root, dirs, files in os.walk(a.tree):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            path = os.path.join(root, f)
            if ".tmp-" in f:
                sys.exit(f"{when}: temporary file left in the tree: {path}")
            if f.endswith(".ll"):
                r = subprocess.run([a.llvm_as, path, "-o", os.devnull], capture_output=True)
                if r.returncode:
                    sys.exit(f"{when}: {path} does not parse: {r.stderr.decode()}")
    manifest = os.path.join(a.tree, ".semcom/manifest.txt")
    if os.path.exists(manifest):
        r = subprocess.run([a.semcom_manifest, "lookup", "sq", "-m", manifest], capture_output=True)
        if r.returncode == 2:
            sys.exit(f"{when}: the manifest does not load: {r.stderr.decode()}")


killed_mid_run = 0
for i in range(a.kills):
    proc = subprocess.Popen(command(), cwd=a.tree, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(rng.uniform(0.0, 0.9))
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
        killed_mid_run += 1
    proc.wait()
    check_tree(f"after kill {i + 1}")

rid = run_id()
final = subprocess.run(["semcom", "run", "--resume", rid] + llm if rid else
                       ["semcom", "run", a.task] + llm,
                       cwd=a.tree, env=env, capture_output=True, text=True, timeout=120)
if final.returncode:
    sys.exit(f"the final resume failed ({final.returncode}):\n{final.stdout}{final.stderr}")
check_tree("after the final resume")
manifest = os.path.join(a.tree, ".semcom/manifest.txt")
for name in ["sq", "cube", "neg"]:
    r = subprocess.run([a.semcom_manifest, "lookup", name, "-m", manifest], capture_output=True)
    if r.returncode:
        sys.exit(f"the manifest does not know @{name} after the task finished")
print(f"{a.kills} kills ({killed_mid_run} mid-run): every module parsed, no temporary file, "
      f"the manifest loaded; the resume finished the task")
