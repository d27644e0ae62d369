"""mlir-py-opt: parse, verify, transform and print MLIR, like ``mlir-opt``.

Exit codes as mlir-opt: 0 on success, 1 when parsing, verification or a pass fails (or, with
``--verify-diagnostics``, when the produced diagnostics differ from the expected ones)."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import Any

import mlir_py
from mlir_py import resources
from mlir_py.diagnostics import Diagnostic, DiagnosticError, SourceManager
from mlir_py.dialect import Context
from mlir_py.pass_manager import PassCommandLine, PassFailure, PassManager, PipelineError, load_pass_plugin
from mlir_py.printer import Printer
from mlir_py.verifier import verify
from mlir_py.verify_diagnostics import DiagnosticVerifier

from .common import SPLIT_MARKER, guard, read_input, report, split_chunks


def build_arg_parser(pass_help: bool = True) -> argparse.ArgumentParser:
    """The driver's command line; ``pass_help``: list every registered pass in ``--help`` (loads them all)."""
    p = argparse.ArgumentParser(prog="mlir-py-opt", description="MLIR modular optimizer driver (mlir-py)",
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog=PassCommandLine.help_text() if pass_help else None)
    p.add_argument("input", nargs="?", default="-", help="input file ('-' for stdin)")
    p.add_argument("-o", dest="output", default="-", help="output file ('-' for stdout)")
    p.add_argument("--mlir-print-op-generic", action="store_true", help="print the generic op form")
    p.add_argument("--mlir-print-debuginfo", action="store_true", help="print locations")
    p.add_argument("--mlir-elide-elementsattrs-if-larger", type=int, default=None, metavar="N",
                   help="elide dense elements attributes with more than N elements")
    p.add_argument("--allow-unregistered-dialect", action="store_true", help="allow operations of unknown dialects")
    resources.add_arguments(p)  # --mlir-resources-sidecar, --mlir-elide-resource-strings-if-larger
    p.add_argument("--split-input-file", default=None, metavar="MARKER",
                   help="split the input on '// -----' (or =MARKER) and process each chunk independently")
    p.add_argument("--output-split-marker", default=SPLIT_MARKER, metavar="MARKER",
                   help="the line joining the outputs of the chunks of --split-input-file (default '// -----')")
    p.add_argument("--verify-diagnostics", action="store_true",
                   help="check that emitted diagnostics match expected-* comments in the input")
    p.add_argument("--no-verify", dest="verify", action="store_false", help="skip verification of the input")
    p.add_argument("--show-dialects", action="store_true", help="print the registered dialects and exit")
    p.add_argument("--load-dialect-plugin", action="append", default=[], metavar="PATH",
                   help="load a dialect plugin (a .py file, package directory or module name)")
    p.add_argument("--load-pass-plugin", action="append", default=[], metavar="PATH",
                   help="load a pass plugin (a .py file, package directory or module name)")
    p.add_argument("--version", action="version", version=f"mlir-py-opt {mlir_py.__version__}")
    PassCommandLine.add_arguments(p)
    return p


#: core options whose use needs the pass registry (help text, pass listing, textual pipelines, pass plugins)
_PASS_OPTIONS = {"-h", "--help", "--list-passes", "--pass-pipeline", "-p", "--load-pass-plugin"}


def _names_passes(argv: list[str]) -> bool:
    """Whether ``argv`` may name a pass: any option that is not one of the driver's own (a pass or pipeline flag,
    or a plugin's), or one of :data:`_PASS_OPTIONS`. A plain parse/verify/print run then skips importing the
    ~50 pass modules (and numpy with some of them): a third of the start-up time."""
    core = {s for a in build_arg_parser(pass_help=False)._actions for s in a.option_strings} - _PASS_OPTIONS
    for a in argv:
        if a == "--":
            break
        if a.startswith("-") and len(a) > 1 and a.split("=", 1)[0] not in core:
            return True
    return False


def make_context(args: Any) -> Context:
    ctx = Context(allow_unregistered_dialects=args.allow_unregistered_dialect)
    for path in args.load_dialect_plugin:
        ctx.load_dialect_plugin(path)
    for path in args.load_pass_plugin:
        load_pass_plugin(path)
    return ctx


def process_chunk(text: str, filename: str, line_offset: int, ctx: Context, args: Any,
                  diags: list[Diagnostic], pm: PassManager | None = None) -> str | None:
    """Parse, verify, run the pass pipeline and print one chunk; diagnostics are appended to ``diags``; None on
    failure."""
    pm = pm or PassManager(context=ctx)
    try:
        with pm.time("Parser"):
            module = ctx.parser.parse(text, filename, line_offset)
            if args.verify:
                verify(module)
    except DiagnosticError as e:
        diags.append(e.diagnostic)
        return None
    try:
        pm.run(module, diags)
    except PassFailure:
        return None
    printer = Printer(generic=args.mlir_print_op_generic, debuginfo=args.mlir_print_debuginfo,
                      elide_elements_larger=args.mlir_elide_elementsattrs_if_larger)
    with pm.time("Output"):  # blobs to a sidecar FILE.npz with -o FILE (mlir_py/resources.py, docs/onnx.md)
        output = "-" if args.split_input_file else args.output
        return resources.print_module(module, printer, output, args.mlir_resources_sidecar,
                                      args.mlir_elide_resource_strings_if_larger) + "\n"


@guard
def main(argv: list[str] | None = None) -> int:
    # A one-shot tool: the IR is a large graph of reference cycles that lives until exit, so generational GC
    # passes only re-traverse it (quadratic in practice on 100k-op inputs). Refcounting still frees garbage.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _main(argv)
    finally:
        if enabled:
            gc.enable()


def _main(argv: list[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    argv = [f"--split-input-file={SPLIT_MARKER}" if a == "--split-input-file" else a for a in argv]
    names_passes = _names_passes(argv)
    if names_passes:
        try:
            PassCommandLine.preload(argv)
        except (ImportError, OSError, SyntaxError) as e:
            print(f"error: could not load plugin: {e}", file=sys.stderr)
            return 1
    pass_cl = PassCommandLine()
    args = build_arg_parser(pass_help=names_passes).parse_args(pass_cl.extract(argv))
    try:
        ctx = make_context(args)
    except (ImportError, OSError, SyntaxError) as e:
        print(f"error: could not load plugin: {e}", file=sys.stderr)
        return 1
    if args.show_dialects:
        print("Available Dialects: " + ", ".join(sorted(ctx.dialects)))
        return 0
    if args.list_passes:
        sys.stdout.write(PassCommandLine.list_text())
        return 0
    try:
        pass_cl.build(args, ctx)  # report pipeline errors before reading the input
    except PipelineError as err:
        print(err.render(), file=sys.stderr)
        return 1
    try:
        text = read_input(args.input)
    except OSError as e:
        print(f"error: cannot open input file '{args.input}': {e.strerror}", file=sys.stderr)
        return 1
    filename = args.input if args.input != "-" else "<stdin>"
    sources = SourceManager()
    sources.add(filename, text)
    outputs: list[str] = []
    failed = False
    verifier = DiagnosticVerifier(text, filename, sources) if args.verify_diagnostics else None
    split_warnings: list[Diagnostic] = []
    for chunk, offset in split_chunks(text, args.split_input_file, filename, split_warnings):
        report(split_warnings, sources)
        split_warnings.clear()
        diags: list[Diagnostic] = []
        pm = pass_cl.build(args, ctx)  # a fresh pass manager per chunk, as mlir-opt
        out = process_chunk(chunk, filename, offset, ctx, args, diags, pm)
        if verifier is not None:
            for d in diags:
                verifier.process(d)
        else:
            report(diags, sources)
            failed = failed or out is None or any(d.severity == "error" for d in diags)
        sys.stderr.write(PassCommandLine.reports(pm, args))
        if out is not None:
            outputs.append(out)
        elif args.split_input_file:
            outputs.append("")
    if verifier is not None:
        failed = not verifier.finish()
        for message in verifier.errors:
            print(message, file=sys.stderr)
    result = (args.output_split_marker + "\n").join(outputs)
    if args.output == "-":
        sys.stdout.write(result)
    elif not failed:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(result)
    elif os.path.isfile(args.output) and not os.path.islink(args.output):
        # mlir-opt keeps its output file only when the run succeeds; never touch devices (-o /dev/null)
        os.remove(args.output)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(None))
