#===- scan.py - read a Python project with Python's own parser ------------===#
#
# Semcom ports Python to LLVM IR; this script is the only part that understands Python. It runs in
# the sandbox (the project bound read-only), parses every .py file with `ast`, and prints one JSON
# document: files, top-level functions and classes, imports, the call graph, the
# `if __name__ == "__main__":` block, what cannot be mapped to IR, and every file that failed
# (syntax errors, too large, import cycles, depending on a failed file).
#
# usage: python3 scan.py PROJECT_DIR
#===----------------------------------------------------------------------===#
import ast
import json
import os
import sys

MAX_FILE_BYTES = 512 * 1024
MAX_FILES = 200
# Calls whose meaning depends on values known only at run time: no static IR port exists.
DYNAMIC_CALLS = {
    "eval": "calls eval() (code built at run time has no static IR equivalent)",
    "exec": "calls exec() (code built at run time has no static IR equivalent)",
    "compile": "calls compile() (code built at run time has no static IR equivalent)",
    "__import__": "calls __import__() (modules chosen at run time)",
    "globals": "reads globals() (the namespace as a run-time dictionary)",
    "locals": "reads locals() (the namespace as a run-time dictionary)",
    "getattr": "calls getattr() (attributes chosen at run time)",
    "setattr": "calls setattr() (attributes chosen at run time)",
}


def annotation(node):
    return ast.unparse(node) if node is not None else ""


def call_name(func):
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        base = call_name(func.value)
        return base + "." + func.attr if base else func.attr
    return ""


def unmappable(node):
    """The first reason the function (or method) cannot be ported, or ''."""
    if isinstance(node, ast.AsyncFunctionDef):
        return "is async (no event loop in the runtime)"
    for sub in ast.walk(node):
        if isinstance(sub, (ast.Yield, ast.YieldFrom)):
            return "is a generator (yield has no direct IR equivalent)"
        if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Name):
            reason = DYNAMIC_CALLS.get(sub.func.id)
            if reason:
                return reason
    return ""


def function_info(node, source):
    args = node.args
    params = [{"name": a.arg, "type": annotation(a.annotation)}
              for a in args.posonlyargs + args.args + args.kwonlyargs]
    if args.vararg:
        params.append({"name": "*" + args.vararg.arg, "type": annotation(args.vararg.annotation)})
    if args.kwarg:
        params.append({"name": "**" + args.kwarg.arg, "type": annotation(args.kwarg.annotation)})
    calls = sorted({call_name(c.func) for c in ast.walk(node)
                    if isinstance(c, ast.Call) and call_name(c.func)})
    doc = ast.get_docstring(node) or ""
    return {
        "name": node.name,
        "line": node.lineno,
        "params": params,
        "returns": annotation(node.returns),
        "doc": doc.split("\n")[0],
        "calls": calls,
        "unmappable": unmappable(node),
        "lines": (node.end_lineno or node.lineno) - node.lineno + 1,
    }


def is_main_guard(node):
    if not isinstance(node, ast.If) or not isinstance(node.test, ast.Compare):
        return False
    t = node.test
    names = [t.left] + list(t.comparators)
    has_name = any(isinstance(n, ast.Name) and n.id == "__name__" for n in names)
    has_main = any(isinstance(n, ast.Constant) and n.value == "__main__" for n in names)
    return has_name and has_main


def scan_file(path, rel, modules):
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        return None, "cannot be read: %s" % (e.strerror or e)
    if len(data) > MAX_FILE_BYTES:
        return None, "is larger than %d KB; too large to port in one module" % (MAX_FILE_BYTES // 1024)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return None, "is not UTF-8 (byte %d)" % e.start
    try:
        tree = ast.parse(text, filename=rel)
    except SyntaxError as e:
        return None, "%s:%s:%s: syntax error: %s" % (rel, e.lineno or 0, e.offset or 0, e.msg)
    except (ValueError, RecursionError) as e:
        return None, "cannot be parsed: %s" % e
    functions, classes, imports, globals_, main = [], [], [], [], None
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            functions.append(function_info(node, text))
        elif isinstance(node, ast.ClassDef):
            fields = []
            for sub in ast.walk(node):
                if isinstance(sub, ast.Attribute) and isinstance(sub.ctx, ast.Store) \
                        and isinstance(sub.value, ast.Name) and sub.value.id == "self" \
                        and sub.attr not in fields:
                    fields.append(sub.attr)
            methods = [function_info(m, text) for m in node.body
                       if isinstance(m, (ast.FunctionDef, ast.AsyncFunctionDef))]
            classes.append({"name": node.name, "line": node.lineno, "fields": fields,
                            "methods": methods})
        elif isinstance(node, ast.Import):
            imports.extend(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module:
                imports.append(node.module)
            elif node.module:
                imports.append(node.module)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for t in targets:
                if isinstance(t, ast.Name):
                    globals_.append(t.id)
        elif is_main_guard(node):
            calls = sorted({call_name(c.func) for c in ast.walk(node)
                            if isinstance(c, ast.Call) and call_name(c.func)})
            main = {"line": node.lineno, "calls": calls,
                    "source": ast.get_source_segment(text, node) or ""}
    local = sorted({i.split(".")[0] for i in imports if i.split(".")[0] in modules})
    external = sorted({i.split(".")[0] for i in imports if i.split(".")[0] not in modules})
    return {
        "path": rel,
        "module": rel[:-3].replace(os.sep, "."),
        "bytes": len(data),
        "lines": text.count("\n") + 1,
        "functions": functions,
        "classes": classes,
        "globals": globals_,
        "imports": local,
        "external_imports": external,
        "main": main,
        "source": text,
    }, ""


def find_cycles(graph):
    """Files on an import cycle (Tarjan's strongly connected components, iteratively)."""
    index, low, on_stack, stack, result, counter = {}, {}, set(), [], set(), [0]
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in graph:
                    continue
                if child not in index:
                    index[child] = low[child] = counter[0]
                    counter[0] += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                if len(component) > 1 or node in graph[node]:
                    result.update(component)
    return result


def main():
    if len(sys.argv) != 2:
        print("usage: scan.py PROJECT_DIR", file=sys.stderr)
        return 2
    root = sys.argv[1]
    if not os.path.isdir(root):
        print(json.dumps({"error": root + ": not a directory"}))
        return 1
    paths = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames
                             if not d.startswith(".") and d not in ("__pycache__", "samples"))
        for name in sorted(filenames):
            if name.endswith(".py"):
                paths.append(os.path.relpath(os.path.join(dirpath, name), root))
    if not paths:
        print(json.dumps({"error": "no Python files (*.py) in " + root}))
        return 1
    if len(paths) > MAX_FILES:
        print(json.dumps({"error": "%d Python files; at most %d are ported at once"
                          % (len(paths), MAX_FILES)}))
        return 1
    modules = {p[:-3].replace(os.sep, ".").split(".")[0] for p in paths}
    files, failed = {}, []
    for rel in paths:
        info, error = scan_file(os.path.join(root, rel), rel, modules)
        if info is None:
            failed.append({"path": rel, "reason": error if error.startswith(rel) else
                           rel + ": " + error})
        else:
            files[info["module"]] = info
    graph = {m: set(f["imports"]) for m, f in files.items()}
    for m in sorted(find_cycles(graph)):
        others = sorted(i for i in graph[m] if i in graph and i != m)
        failed.append({"path": files[m]["path"],
                       "reason": files[m]["path"] + ": imports form a cycle (" +
                       " -> ".join([m] + others) + "); break the cycle to port it"})
        del files[m]
    # A file importing a failed file fails too, until nothing changes.
    failed_modules = {f["path"][:-3].replace(os.sep, ".") for f in failed}
    changed = True
    while changed:
        changed = False
        for m in sorted(files):
            bad = [i for i in files[m]["imports"] if i in failed_modules]
            if bad:
                failed.append({"path": files[m]["path"],
                               "reason": files[m]["path"] + ": imports " + bad[0] +
                               ", which cannot be ported"})
                failed_modules.add(m)
                del files[m]
                changed = True
    # Order: a file after the files it imports.
    order, seen = [], set()

    def visit(m):
        if m in seen or m not in files:
            return
        seen.add(m)
        for i in sorted(files[m]["imports"]):
            visit(i)
        order.append(m)
    for m in sorted(files):
        visit(m)
    print(json.dumps({"root": root, "files": [files[m] for m in order],
                      "failed": sorted(failed, key=lambda f: f["path"])}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
