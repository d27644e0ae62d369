"""mlir-py-translate: translate between MLIR and other formats, like ``mlir-translate``.

    mlir-py-translate --import-onnx model.onnx [--random-weights[=SEED] | --random-weights --seed=S] -o model.mlir
        [--sidecar | --inline-weights] [--mlir-elide-elementsattrs-if-larger=N]
    mlir-py-translate --import-tc kernels.tc
    mlir-py-translate --mlir-to-llvmir in.mlir -o out.ll
    mlir-py-translate --list-translations

Exactly one translation flag is given; the translations are those of the registry (:mod:`mlir_py.translate`:
built-in modules and the ``mlir_py.translations`` entry points), each with its own ``--option=value`` flags
(``--help`` lists them). An import reads a foreign file, verifies the module and prints it (``-o FILE``, stdout by
default; ``--mlir-print-debuginfo`` shows the locations, e.g. the ONNX node names; large ``dense_resource`` blobs
go to a sidecar ``FILE.npz`` (``--sidecar`` always, ``--inline-weights`` never, by default when they exceed
1 MiB; see mlir_py/resources.py and docs/onnx.md). An export parses and verifies an MLIR
file (``-`` for stdin), then writes the translation's text or bytes.

Exit codes as mlir-translate: 0 on success, 1 with an MLIR-style diagnostic when the input cannot be read,
translated, parsed or verified (never a traceback: unexpected exceptions become ``internal error``)."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import Any

import mlir_py
from mlir_py import resources
from mlir_py.diagnostics import DiagnosticError, SourceManager
from mlir_py.dialect import Context
from mlir_py.printer import Printer
from mlir_py.translate import Translation, load_translations
from mlir_py.verifier import verify

from .common import guard, read_input, report


def _dest(option: str) -> str:
    return "opt_" + option.replace("-", "_")


def build_arg_parser(translations: dict[str, Translation]) -> argparse.ArgumentParser:
    lines = [f"  --{t.name:<24} {t.description}" for t in sorted(translations.values(), key=lambda t: t.name)]
    # an explicit usage: argparse cannot format one for a mutually exclusive group whose members are all hidden
    p = argparse.ArgumentParser(prog="mlir-py-translate", description="MLIR translation driver (mlir-py)",
                                usage="mlir-py-translate [options] --<translation> [input] [-o output]",
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog="Translations to perform:\n" + ("\n".join(lines) or "  (none registered)"))
    p.add_argument("input", nargs="?", default="-", help="input file ('-' for stdin)")
    p.add_argument("-o", dest="output", default="-", help="output file ('-' for stdout)")
    group = p.add_mutually_exclusive_group()
    for t in translations.values():
        group.add_argument(f"--{t.name}", dest="translation", action="store_const", const=t.name,
                           help=argparse.SUPPRESS)
    seen: set[str] = set()
    for t in translations.values():
        for name, help_text, default in t.options:
            if name in seen:
                continue
            seen.add(name)
            p.add_argument(f"--{name}", dest=_dest(name), default=None, metavar="VALUE", nargs="?", const="",
                           help=f"[--{t.name}] {help_text}" + (f" (default {default})" if default is not None else ""))
    p.add_argument("--list-translations", action="store_true", help="print the registered translations and exit")
    p.add_argument("--mlir-print-debuginfo", action="store_true", help="print locations")
    p.add_argument("--mlir-print-op-generic", action="store_true", help="print the generic op form")
    p.add_argument("--mlir-elide-elementsattrs-if-larger", type=int, default=None, metavar="N",
                   help="elide dense elements attributes with more than N elements")
    resources.add_arguments(p)
    p.add_argument("--sidecar", dest="mlir_resources_sidecar", action="store_const", const="always",
                   help="alias of --mlir-resources-sidecar=always")
    p.add_argument("--inline-weights", dest="mlir_resources_sidecar", action="store_const", const="never",
                   help="alias of --mlir-resources-sidecar=never")
    p.add_argument("--no-verify", dest="verify", action="store_false", help="skip verification")
    p.add_argument("--allow-unregistered-dialect", action="store_true", help="allow operations of unknown dialects")
    p.add_argument("--version", action="version", version=f"mlir-py-translate {mlir_py.__version__}")
    return p


def _options(t: Translation, args: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, _, default in t.options:
        v = getattr(args, _dest(name), None)
        out[name] = default if v is None else v
    return out


def _write(path: str, data: str | bytes) -> None:
    if path == "-":
        if isinstance(data, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        return
    if isinstance(data, bytes):
        with open(path, "wb") as fb:
            fb.write(data)
    else:
        with open(path, "w", encoding="utf-8") as ft:
            ft.write(data)


@guard
def main(argv: list[str] | None = None) -> int:
    enabled = gc.isenabled()
    gc.disable()  # a one-shot tool (see mlir-py-opt)
    try:
        return _main(argv)
    finally:
        if enabled:
            gc.enable()


def _main(argv: list[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    translations = load_translations()
    args = build_arg_parser(translations).parse_args(argv)
    if args.list_translations:
        for t in sorted(translations.values(), key=lambda t: t.name):
            print(f"--{t.name}: {t.description} ({t.kind})")
            for name, help_text, default in t.options:
                print(f"    --{name}=VALUE  {help_text}" + (f" (default {default})" if default is not None else ""))
        return 0
    if args.translation is None:
        print("error: no translation specified; use one of: "
              + ", ".join(f"--{n}" for n in sorted(translations)), file=sys.stderr)
        return 1
    t = translations[args.translation]
    for other in translations.values():
        if other is t:
            continue
        for name, _, _ in other.options:
            if getattr(args, _dest(name), None) is not None and name not in {o[0] for o in t.options}:
                print(f"error: option '--{name}' does not apply to --{t.name}", file=sys.stderr)
                return 1
    ctx = Context(allow_unregistered_dialects=args.allow_unregistered_dialect)
    options = _options(t, args)
    sources = SourceManager()
    if t.kind == "import":
        return _import(t, args, ctx, options, sources)
    return _export(t, args, ctx, options, sources)


def _print(module: Any, args: Any) -> str:
    printer = Printer(generic=args.mlir_print_op_generic, debuginfo=args.mlir_print_debuginfo,
                      elide_elements_larger=args.mlir_elide_elementsattrs_if_larger)
    return resources.print_module(module, printer, args.output, args.mlir_resources_sidecar,
                                  args.mlir_elide_resource_strings_if_larger) + "\n"


def _import(t: Translation, args: Any, ctx: Context, options: dict[str, Any], sources: SourceManager) -> int:
    if args.input != "-" and not os.path.exists(args.input):
        print(f"error: cannot open input file '{args.input}': No such file or directory", file=sys.stderr)
        return 1
    try:
        module = t.fn(args.input, ctx, options)
        if args.verify:
            verify(module)
    except DiagnosticError as e:
        for name, text in getattr(e, "sources", {}).items():  # text inputs (.tc) show the line and a caret
            sources.add(name, text)
        report([e.diagnostic], sources)
        return 1
    try:
        _write(args.output, _print(module, args))
    except OSError as e:
        print(f"error: cannot write output file '{args.output}': {e.strerror or e}", file=sys.stderr)
        return 1
    return 0


def _export(t: Translation, args: Any, ctx: Context, options: dict[str, Any], sources: SourceManager) -> int:
    try:
        text = read_input(args.input)
    except OSError as e:
        print(f"error: cannot open input file '{args.input}': {e.strerror}", file=sys.stderr)
        return 1
    filename = args.input if args.input != "-" else "<stdin>"
    sources.add(filename, text)
    try:
        module = ctx.parser.parse(text, filename)
        if args.verify:
            verify(module)
        data = t.fn(module, options)
    except DiagnosticError as e:
        report([e.diagnostic], sources)
        return 1
    try:
        _write(args.output, data)
    except OSError as e:
        print(f"error: cannot write output file '{args.output}': {e.strerror or e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(None))
