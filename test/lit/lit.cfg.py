# lit suite for Semcom: the opt plugin, semcom-fix and the command-line tools.
import os
import lit.formats

config.name = "Semcom"
config.test_format = lit.formats.ShTest(not lit_config.isWindows)
config.suffixes = [".ll", ".test", ".c"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.semcom_obj_root, "test", "lit")

# LLVM 19's tools first: a bare `opt` on PATH may be another LLVM.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, config.semcom_bin_dir, config.environment.get("PATH", "")])

plugin = os.path.join(config.semcom_lib_dir, "SemcomPasses.so")
config.substitutions.append(("%plugin", plugin))
config.substitutions.append(("%opt", os.path.join(config.llvm_tools_dir, "opt")))
config.substitutions.append(("%llc", os.path.join(config.llvm_tools_dir, "llc")))
config.substitutions.append(("%clang", os.path.join(config.llvm_tools_dir, "clang")))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%src_root", config.semcom_src_root))
config.substitutions.append(("%bin", config.semcom_bin_dir))

if os.path.exists(plugin):
    config.available_features.add("plugin")
for triple_tool in ["qemu-aarch64-static"]:
    if any(os.path.exists(os.path.join(d, triple_tool)) for d in os.environ.get("PATH", "").split(os.pathsep)):
        config.available_features.add("qemu-aarch64")

# End-to-end runs of the semcom CLI against semcom-mock-llm on loopback, one mock per test:
#   RUN: %start-mock SCRIPT.json            serves the script's answers, records requests
#   RUN: %semcom-mock SUBCOMMAND … %llm      semcom pointed at that mock
# Inserted first so that the %t inside them is substituted afterwards.
config.substitutions.insert(0, ("%start-mock",
    "semcom-mock-llm --background --lifetime 120 --port-file %t/port "
    "--record %t/requests.jsonl --script"))
config.substitutions.insert(0, ("%semcom-mock", "env ANTHROPIC_API_KEY=test-key semcom"))
config.substitutions.insert(0, ("%llm",
    "--provider anthropic --base-url http://127.0.0.1:$(cat %t/port) --model mock-model"))
