"""mlir-py-run: run a function of an MLIR file on numpy inputs, like ``mlir-cpu-runner`` with .npy files.

    mlir-py-run FILE [--entry NAME] [--target=interp|dsa|cpu] (--input A.npy ... | --random-inputs [--seed S])
                [--output OUT.npy ...] [--print] [--stats] [--stats-json FILE] [--trace FILE] [--repeat K]

Inputs are checked against the entry's signature (count, shape, dtype: docs/interpreter.md lists the dtype of
each type; bf16 is float32 holding bf16 values). ``--output`` files receive the results in order (fewer files
than results writes the first ones). Exit code 0 on success, 1 with an MLIR-style diagnostic on any error: the
file cannot be read, parse or verification errors, bad inputs, a runtime error (e.g. integer division by zero).

``--target=dsa`` runs a ``dsa.kernel`` function on the DSA simulator (docs/dsa.md): the inputs are its DRAM
arguments except those marked ``dsa.output``, which are the results; ``--stats`` prints the simulator's report
(cycles, utilization, bytes, energy, roofline bounds), ``--stats-json`` writes it as JSON and ``--trace`` writes
the engine timelines as a Chrome/Perfetto trace.

``--target=cpu`` lowers the module with ``lower-to-llvm``, JIT-compiles it with llvmlite at O3 for the host CPU
(mlir_py/cpu_runner.py, docs/cpu.md) and calls the entry ``--repeat K`` times; ``--stats-json`` writes
``compile_seconds`` and ``run_seconds`` (one per call), so a benchmark can take the median.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

import mlir_py
from mlir_py.attributes import FunctionType
from mlir_py.diagnostics import Diagnostic, DiagnosticError, SourceManager
from mlir_py.dialect import Context
from mlir_py.interpreter import Interpreter, InterpreterError, format_value, function_type, random_value, to_value
from mlir_py.ir import Operation, symbol_name
from mlir_py.verifier import verify

from .common import guard, read_input, report

#: a target runs ``entry`` of a verified module on checked inputs and returns the results
Runner = Callable[[Operation, str, Sequence[Any]], Sequence[Any]]


def run_interp(module: Operation, entry: str, inputs: Sequence[Any]) -> Sequence[Any]:
    return Interpreter(module).call(entry, inputs)


def run_dsa(module: Operation, entry: str, inputs: Sequence[Any], options: Any = None) -> Sequence[Any]:
    """The DSA simulator: the results are the kernel's ``dsa.output`` arguments; ``options`` (the command line)
    asks for the report (``stats``, ``stats_json``, ``trace``)."""
    from mlir_py.dsa_sim import simulate

    trace = getattr(options, "trace", None)
    result = simulate(module, entry, inputs, trace=bool(trace))
    if getattr(options, "stats", False):
        print(result.report.table())
    for path, write in ((getattr(options, "stats_json", None), result.report.write_json),
                        (trace, result.report.write_trace)):
        if path:
            try:
                write(path)
            except OSError as e:
                raise RunError(f"could not write '{path}': {e.strerror or e}") from None
    return result.outputs


def dsa_signature(fn: Operation) -> FunctionType:
    """A DSA kernel's inputs and results as tensor types (its non-output and ``dsa.output`` DRAM arguments)."""
    from mlir_py.dsa_sim import kernel_signature

    return kernel_signature(fn).function_type


def run_cpu(module: Operation, entry: str, inputs: Sequence[Any], options: Any = None) -> Sequence[Any]:
    """The LLVM JIT (mlir_py/cpu_runner.py): ``lower-to-llvm``, O3 for the host CPU, ``--repeat K`` calls;
    ``--stats-json`` records ``compile_seconds`` and the K ``run_seconds``."""
    import json

    from mlir_py.cpu_runner import compile_function

    f = compile_function(module, entry)
    outs = f.new_outputs()  # the result buffers, reused by the --repeat calls
    results: Sequence[Any] = []
    for _ in range(max(1, getattr(options, "repeat", 1) or 1)):
        results = f(*inputs, out=outs)
    path = getattr(options, "stats_json", None)
    if path:
        try:
            with open(path, "w") as fh:
                json.dump({"target": "cpu", "entry": entry, "compile_seconds": f.compile_seconds,
                           "run_seconds": f.run_seconds}, fh, indent=2)
        except OSError as e:
            raise RunError(f"could not write '{path}': {e.strerror or e}") from None
    return results


#: --target name -> runner
TARGETS: dict[str, Runner] = {"interp": run_interp, "dsa": run_dsa, "cpu": run_cpu}
KNOWN_TARGETS = ("interp", "dsa", "cpu")


class RunError(Exception):
    """A user-facing failure of the driver: one diagnostic, exit code 1."""

    def __init__(self, message: str, location: Any = None):
        super().__init__(message)
        self.diagnostic = Diagnostic("error", message, location)


def build_arg_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="mlir-py-run", description="run a function of an MLIR file (mlir-py)",
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", nargs="?", default="-", help="input .mlir file ('-', the default: standard input)")
    p.add_argument("--entry", default="main", help="the function to run (default: main)")
    p.add_argument("--target", default="interp", help="where to run: interp (numpy reference interpreter), "
                                                      "dsa (accelerator simulator), cpu (LLVM JIT)")
    p.add_argument("--input", dest="inputs", action="append", default=[], metavar="FILE.npy",
                   help="an argument as a .npy file; repeat in argument order")
    p.add_argument("--random-inputs", action="store_true", help="seeded random arguments of the argument types")
    p.add_argument("--seed", type=int, default=0, help="seed of --random-inputs (default 0)")
    p.add_argument("--output", dest="outputs", action="append", default=[], metavar="FILE.npy",
                   help="write a result to a .npy file; repeat in result order")
    p.add_argument("--print", dest="print_results", action="store_true", help="print the results")
    p.add_argument("--stats", action="store_true", help="--target=dsa: print the simulator's statistics")
    p.add_argument("--stats-json", metavar="FILE", help="--target=dsa|cpu: write the statistics as JSON (cpu: "
                                                         "compile_seconds and the run_seconds of each call)")
    p.add_argument("--repeat", type=int, default=1, metavar="K", help="--target=cpu: call the entry K times")
    p.add_argument("--trace", metavar="FILE", help="--target=dsa: write the engine timelines as a Chrome/Perfetto "
                                                   "trace (JSON trace-event format)")
    p.add_argument("--allow-unregistered-dialect", action="store_true", help="allow operations of unknown dialects")
    p.add_argument("--load-dialect-plugin", action="append", default=[], metavar="PATH",
                   help="load a dialect plugin (a .py file, package directory or module name)")
    p.add_argument("--version", action="version", version=f"mlir-py-run {mlir_py.__version__}")
    return p


def find_entry(module: Operation, name: str) -> tuple[Operation, FunctionType]:
    for op in module.regions[0].ops():
        ft = function_type(op)
        if symbol_name(op) == name and ft is not None:
            if not op.regions or not op.regions[0].blocks:
                raise RunError(f"entry function '@{name}' is a declaration", op.location)
            return op, ft
    raise RunError(f"entry function '@{name}' not found")


def load_inputs(args: Any, fn: Operation, ft: FunctionType) -> list[Any]:
    """The entry's arguments from --input files or --random-inputs, checked against its signature."""
    name = symbol_name(fn)
    if args.random_inputs:
        rng = np.random.default_rng(args.seed)
        try:
            return [random_value(t, rng) for t in ft.inputs]
        except InterpreterError as e:
            raise RunError(f"--random-inputs for '@{name}': {e.message}", fn.location) from None
    if len(args.inputs) != len(ft.inputs):
        raise RunError(f"'@{name}' takes {len(ft.inputs)} argument(s) but {len(args.inputs)} --input file(s) were "
                       "given" + (" (or use --random-inputs)" if not args.inputs else ""), fn.location)
    values = []
    for i, (path, t) in enumerate(zip(args.inputs, ft.inputs)):
        try:
            data = np.load(path, allow_pickle=False)
        except OSError as e:
            raise RunError(f"could not read --input '{path}': {e.strerror or e}") from None
        except ValueError as e:
            raise RunError(f"could not read --input '{path}': {e}") from None
        try:
            values.append(to_value(data, t))
        except InterpreterError as e:
            raise RunError(f"argument #{i} of '@{name}' ('{path}'): {e.message}", fn.location) from None
    return values


def write_outputs(paths: Sequence[str], results: Sequence[Any], fn: Operation) -> None:
    if len(paths) > len(results):
        raise RunError(f"{len(paths)} --output file(s) given but '@{symbol_name(fn)}' returns {len(results)} "
                       "result(s)", fn.location)
    for path, value in zip(paths, results):
        if isinstance(value, Operation):
            raise RunError(f"cannot write a function value to '{path}'", fn.location)
        try:
            np.save(path, np.asarray(value), allow_pickle=False)
        except OSError as e:
            raise RunError(f"could not write --output '{path}': {e.strerror}") from None


def run(args: Any, sources: SourceManager) -> int:
    if args.target not in KNOWN_TARGETS:
        raise RunError(f"unknown target '{args.target}' (expected one of: {', '.join(KNOWN_TARGETS)})")
    runner = TARGETS.get(args.target)
    if runner is None:
        raise RunError(f"target '{args.target}' is not available yet")
    if args.inputs and args.random_inputs:
        raise RunError("--input and --random-inputs are mutually exclusive")
    dsa_only = [f for f, v in (("--stats", args.stats), ("--trace", args.trace)) if v]
    if dsa_only and args.target != "dsa":
        raise RunError(f"{dsa_only[0]} needs --target=dsa")
    if args.stats_json and args.target not in ("dsa", "cpu"):
        raise RunError("--stats-json needs --target=dsa or --target=cpu")
    if args.repeat != 1 and args.target != "cpu":
        raise RunError("--repeat needs --target=cpu")
    ctx = Context(allow_unregistered_dialects=args.allow_unregistered_dialect)
    for path in args.load_dialect_plugin:
        try:
            ctx.load_dialect_plugin(path)
        except (ImportError, OSError, SyntaxError) as e:
            raise RunError(f"could not load plugin: {e}") from None
    try:
        text = read_input(args.file)
    except OSError as e:
        raise RunError(f"could not open input file '{args.file}': {e.strerror}") from None
    filename = args.file if args.file != "-" else "<stdin>"
    sources.add(filename, text)
    module = ctx.parser.parse(text, filename)
    verify(module)
    fn, ft = find_entry(module, args.entry)
    if args.target == "dsa":
        ft = dsa_signature(fn)
    inputs = load_inputs(args, fn, ft)
    if args.target == "dsa":
        results = run_dsa(module, args.entry, inputs, args)
    elif args.target == "cpu":
        results = run_cpu(module, args.entry, inputs, args)
    else:
        results = runner(module, args.entry, inputs)
    write_outputs(args.outputs, results, fn)
    if args.print_results:
        for i, (v, t) in enumerate(zip(results, ft.results)):
            head = f"result #{i}: {t} = "
            print(head + format_value(v, t).replace("\n", "\n" + " " * len(head)))
    return 0


@guard
def main(argv: list[str] | None = None) -> int:
    args = build_arg_parser().parse_args(sys.argv[1:] if argv is None else argv)
    sources = SourceManager()
    try:
        return run(args, sources)
    except RunError as e:
        if e.diagnostic.location is None:  # a driver error, not about the IR
            print(f"error: {e.diagnostic.message}", file=sys.stderr)
        else:
            report([e.diagnostic], sources)
    except DiagnosticError as e:
        report([e.diagnostic], sources)
    return 1


if __name__ == "__main__":
    sys.exit(main(None))
