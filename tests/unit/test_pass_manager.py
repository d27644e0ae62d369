"""The pass manager (mlir_py/pass_manager.py): options, textual pipelines, nesting, failure, verification,
instrumentation (IR printing, timing, statistics), the command line, the built-in passes and the pass docs."""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dialects.func import FuncOp
from mlir_py import Context, parse_module, print_op
from mlir_py.attributes import FileLineColLoc, StringAttr
from mlir_py.diagnostics import Diagnostic
from mlir_py.dialect import Dialect
from mlir_py.ir import Operation
from mlir_py.opdef import IsTerminator, Op, successor_def, var_operand
from mlir_py.pass_manager import (
    PASS_REGISTRY,
    PIPELINE_REGISTRY,
    OpPassManager,
    Pass,
    PassCommandLine,
    PassFailure,
    PassManager,
    PassOption,
    PassOptionError,
    PipelineError,
    Timing,
    gen_docs,
    load_pass_plugins,
    parse_options_string,
    parse_pass_pipeline,
    register_pass,
    register_pipeline,
    statistics_report,
)

ROOT = Path(__file__).resolve().parents[2]

SOURCE = """
func.func @f(%a: i32) -> i32 {
  %c2 = arith.constant 2 : i32
  %0 = arith.muli %a, %c2 : i32
  return %0 : i32
}
func.func private @g() {
  return
}
"""


# --- test passes (registered for this module only) --------------------------------------------------------------


class MarkPass(Pass):
    """Adds ``test.mark`` to the op; counts runs."""

    argument = "ut-mark"
    summary = "mark"
    anchor = "func.func"
    options = [PassOption("value", str, "x", "the mark"), PassOption("n", int, 1, "a number"),
               PassOption("flag", bool, False, "a flag"), PassOption("sizes", int, [], "sizes", is_list=True)]
    statistic_defs = {"runs": "Number of runs"}

    def run_on_operation(self, op: Operation) -> None:
        op.attributes["test.mark"] = StringAttr(self.option("value"))
        self.statistics["runs"] += 1


class AnyPass(Pass):
    argument = "ut-any"
    summary = "runs anywhere"

    def run_on_operation(self, op: Operation) -> None:
        self.emit_remark(f"ran on {op.name}", op)


class FailPass(Pass):
    argument = "ut-fail"
    summary = "fails"

    def run_on_operation(self, op: Operation) -> None:
        raise self.failure("nope", op)


class BreakPass(Pass):
    """Removes every terminator of a function: the verifier must catch it."""

    argument = "ut-break"
    summary = "breaks the IR"
    anchor = "func.func"

    def run_on_operation(self, op: Operation) -> None:
        for b in op.regions[0].blocks:
            if b.last_op is not None:
                b.last_op.erase()


class InitPass(Pass):
    argument = "ut-init"
    summary = "counts initialize calls"
    inits = 0

    def initialize(self) -> None:
        type(self).inits += 1

    def run_on_operation(self, op: Operation) -> None:
        assert self.context is not None


@pytest.fixture(autouse=True)
def registry() -> Iterator[None]:
    load_pass_plugins(entry_points_too=False)
    saved = dict(PASS_REGISTRY), dict(PIPELINE_REGISTRY)
    for c in (MarkPass, AnyPass, FailPass, BreakPass, InitPass):
        register_pass(c)
    yield
    PASS_REGISTRY.clear()
    PASS_REGISTRY.update(saved[0])
    PIPELINE_REGISTRY.clear()
    PIPELINE_REGISTRY.update(saved[1])


@pytest.fixture
def ctx() -> Context:
    return Context()


def module(ctx: Context, text: str = SOURCE) -> Operation:
    return parse_module(text, ctx, "t.mlir")


def funcs(m: Operation) -> list[FuncOp]:
    return [o for o in m.regions[0].blocks[0].ops if isinstance(o, FuncOp)]


# --- options ------------------------------------------------------------------------------------------------------


def test_options_string() -> None:
    assert parse_options_string("a=1 b={x y} c='p q' d=\"r\" flag  e=") == [
        ("a", "1"), ("b", "x y"), ("c", "p q"), ("d", "r"), ("flag", None), ("e", "")]
    assert parse_options_string("p={func.func(cse, canonicalize{x=1})}") == [("p", "func.func(cse, canonicalize{x=1})")]


def test_typed_options() -> None:
    p = MarkPass.from_options("value=hello n=0x10 flag sizes=1,2,3")
    assert p.option_values == {"value": "hello", "n": 16, "flag": True, "sizes": [1, 2, 3]}
    assert MarkPass.from_options("flag=false").option("flag") is False
    assert MarkPass.from_options("").option_values == {"value": "x", "n": 1, "flag": False, "sizes": []}
    assert MarkPass(n=3).option("n") == 3
    # defaults of list options are copied, not shared
    a, b = MarkPass(), MarkPass()
    a.option("sizes").append(1)
    assert b.option("sizes") == []


@pytest.mark.parametrize("text, message", [
    ("bogus=1", "no such option 'bogus'"),
    ("n=abc", "invalid value 'abc' for option 'n' (expected int)"),
    ("flag=maybe", "invalid value 'maybe' for option 'flag' (expected bool)"),
    ("n", "option 'n' expects a value"),
])
def test_option_errors(text: str, message: str) -> None:
    with pytest.raises(PassOptionError, match=re.escape(message)):
        MarkPass.from_options(text)


def test_pipeline_text_round_trip() -> None:
    text = "builtin.module(func.func(ut-mark{flag=true n=2 sizes=4,5 value={a b}}),any(ut-any),symbol-dce)"
    pm = parse_pass_pipeline(text)
    assert pm.pipeline_text() == text
    assert parse_pass_pipeline(pm.pipeline_text()).pipeline_text() == text
    assert MarkPass().pipeline_text() == "ut-mark{flag=false n=1 value=x}"


# --- textual pipelines ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, col, message", [
    ("builtin.module(foo)", 16, "'foo' does not refer to a registered pass or pass pipeline"),
    ("builtin.module(ut-any,,ut-any)", 23, "'' does not refer to a registered pass or pass pipeline"),
    ("builtin.module(func.func(ut-mark)", 15, "encountered unbalanced parentheses while parsing pipeline"),
    ("builtin.module(ut-any))", 23, "encountered extra closing ')'"),
    ("builtin.module(ut-any{)", 22, "missing closing '}' while processing pass options"),
    ("builtin.module(ut-any ut-any)", 23, "expected ',' after 'ut-any'"),
    ("ut-any", 1, "expected pass pipeline to be wrapped with the anchor operation type"),
    ("builtin.module(ut-mark)", 16, "can't add pass 'ut-mark' restricted to 'func.func' on a PassManager intended "
                                    "to run on 'builtin.module', did you intend to nest?"),
    ("builtin.module(func.func(ut-mark{n=x}))", 26, "failed to add `ut-mark` with options `n=x`: invalid value"),
])
def test_pipeline_errors(text: str, col: int, message: str) -> None:
    with pytest.raises(PipelineError) as e:
        parse_pass_pipeline(text)
    d = e.value.diagnostic
    assert message in d.message
    assert isinstance(d.location, FileLineColLoc) and d.location.col == col
    rendered = e.value.render().splitlines()
    assert rendered[1] == text and rendered[2] == " " * (col - 1) + "^"


def test_empty_pipelines() -> None:
    assert parse_pass_pipeline("builtin.module()").passes == []
    assert parse_pass_pipeline(" builtin.module( func.func( ) ) ").pipeline_text() == "builtin.module(func.func())"


def test_implicit_and_explicit_nesting() -> None:
    pm = OpPassManager("builtin.module", nesting="implicit")
    pm.add(MarkPass()).add(MarkPass(n=2)).add(AnyPass()).add(MarkPass())
    assert pm.pipeline_text() == ("builtin.module(func.func(ut-mark{flag=false n=1 value=x},ut-mark{flag=false n=2 "
                                  "value=x}),ut-any,func.func(ut-mark{flag=false n=1 value=x}))")
    with pytest.raises(PipelineError, match="did you intend to nest"):
        OpPassManager("builtin.module").add(MarkPass())
    any_pm = OpPassManager(None)
    any_pm.add(MarkPass())  # op-agnostic managers take op-specific passes
    assert any_pm.pipeline_text().startswith("any(ut-mark")


def test_coalescing() -> None:
    pm = PassManager.parse("builtin.module(func.func(ut-mark),func.func(ut-any),ut-any,func.func(ut-mark))")
    pm.coalesce()
    assert pm.pipeline_text() == ("builtin.module(func.func(ut-mark{flag=false n=1 value=x},ut-any),ut-any,"
                                  "func.func(ut-mark{flag=false n=1 value=x}))")


def test_named_pipelines(ctx: Context) -> None:
    register_pipeline("ut-text", "text", "func.func(ut-mark{value=t})")
    register_pipeline("ut-one", "one arg", lambda pm: pm.add("ut-any"))
    register_pipeline("ut-two", "options", lambda pm, o: [pm.add(f"func.func(ut-mark{{n={o['n']}}})")
                                                           for _ in range(o["times"])],
                      [PassOption("times", int, 1), PassOption("n", int, 0)])
    pm = PassManager.parse("builtin.module(ut-text,ut-one,ut-two{times=2 n=7})", ctx)
    assert pm.pipeline_text() == ("builtin.module(func.func(ut-mark{flag=false n=1 value=t}),ut-any,"
                                  "func.func(ut-mark{flag=false n=7 value=x}),func.func(ut-mark{flag=false n=7 value=x}))")
    with pytest.raises(PipelineError, match="no such option 'bad'"):
        parse_pass_pipeline("builtin.module(ut-two{bad=1})")
    m = module(ctx)
    pm.run(m)
    assert all(f.attributes["test.mark"] == StringAttr("x") for f in funcs(m))


# --- running ----------------------------------------------------------------------------------------------------------


def test_nested_run(ctx: Context) -> None:
    m = module(ctx)
    pm = PassManager(context=ctx)
    pm.nest("func.func").add(MarkPass(value="v"))
    diags: list[Diagnostic] = []
    pm.add(AnyPass())
    pm.run(m, diags)
    assert [f.attributes["test.mark"] for f in funcs(m)] == [StringAttr("v")] * 2
    assert [d.message for d in diags] == ["ran on builtin.module"]
    assert [p for p in pm.all_passes() if isinstance(p, MarkPass)][0].statistics["runs"] == 2


def test_any_runs_on_isolated_ops(ctx: Context) -> None:
    m = module(ctx)
    diags: list[Diagnostic] = []
    PassManager.parse("builtin.module(any(ut-any))", ctx).run(m, diags)
    assert [d.message for d in diags] == ["ran on func.func"] * 2


def test_wrong_top_level_op(ctx: Context) -> None:
    with pytest.raises(PassFailure, match="can't run 'func.func' pass manager on 'builtin.module' op"):
        PassManager("func.func").run(module(ctx))


def test_failure_stops_the_pipeline(ctx: Context) -> None:
    m = module(ctx)
    pm = PassManager.parse("builtin.module(ut-fail,func.func(ut-mark))", ctx)
    diags: list[Diagnostic] = []
    with pytest.raises(PassFailure) as e:
        pm.run(m, diags)
    assert e.value.diagnostic.message == "'builtin.module' op nope"
    assert diags == [e.value.diagnostic]
    assert all("test.mark" not in f.attributes for f in funcs(m))


def test_signal_pass_failure(ctx: Context) -> None:
    class Signal(Pass):
        argument = "ut-signal"

        def run_on_operation(self, op: Operation) -> None:
            self.emit_warning("w", op)
            self.emit_error("first", op)
            self.emit_error("second", op)
            self.signal_pass_failure()

    class Silent(Pass):
        argument = "ut-silent"

        def run_on_operation(self, op: Operation) -> None:
            self.signal_pass_failure()

    diags: list[Diagnostic] = []
    with pytest.raises(PassFailure) as e:
        PassManager().add(Signal()).run(module(ctx), diags)
    assert e.value.diagnostic.message == "first"
    assert [(d.severity, d.message) for d in diags] == [("warning", "w"), ("error", "first"), ("error", "second")]
    with pytest.raises(PassFailure, match="pass 'ut-silent' failed"):
        PassManager().add(Silent()).run(module(ctx))


def test_verify_each(ctx: Context) -> None:
    with pytest.raises(PassFailure, match="block with no terminator|empty block"):
        PassManager.parse("builtin.module(func.func(ut-break))", ctx).run(module(ctx))
    m = module(ctx)
    PassManager.parse("builtin.module(func.func(ut-break))", ctx, verify_each=False).run(m)
    assert all(f.regions[0].blocks[0].last_op is None or f.regions[0].blocks[0].last_op.name != "func.return"
               for f in funcs(m))


def test_internal_error_names_pass_and_op(ctx: Context) -> None:
    class Crash(Pass):
        argument = "ut-crash"

        def run_on_operation(self, op: Operation) -> None:
            raise ZeroDivisionError("x")

    pm = PassManager()
    pm.nest("func.func").add(Crash())
    with pytest.raises(ZeroDivisionError) as e:
        pm.run(module(ctx))
    assert e.value.mlir_py_context == " in pass 'ut-crash' on 'func.func' (@f)"  # type: ignore[attr-defined]


def test_initialize_once_and_context(ctx: Context) -> None:
    InitPass.inits = 0
    pm = PassManager(context=ctx)
    pm.add(InitPass())
    pm.run(module(ctx))
    pm.run(module(ctx))
    assert InitPass.inits == 1


def test_not_isolated(ctx: Context) -> None:
    with pytest.raises(PassFailure, match="not marked as 'IsolatedFromAbove'"):
        PassManager.parse("builtin.module(func.func(func.return(ut-any)))", ctx).run(module(ctx))


# --- instrumentation ----------------------------------------------------------------------------------------------


def test_ir_printing(ctx: Context) -> None:
    out = io.StringIO()
    pm = PassManager.parse("builtin.module(func.func(ut-mark),ut-any,symbol-dce)", ctx)
    pm.enable_ir_printing(before=lambda p: p.argument == "symbol-dce", after=lambda p: True,
                          after_only_on_change=True, stream=out)
    pm.run(module(ctx))
    heads = [ln for ln in out.getvalue().splitlines() if ln.startswith("// -----//")]
    assert heads == [
        "// -----// IR Dump After MarkPass: ut-mark{flag=false n=1 value=x} //----- //",
        "// -----// IR Dump After MarkPass: ut-mark{flag=false n=1 value=x} //----- //",
        "// -----// IR Dump Before SymbolDCEPass: symbol-dce //----- //",
        "// -----// IR Dump After SymbolDCEPass: symbol-dce //----- //",
    ]
    # a nested op is followed by one blank line, the top-level op by two (as MLIR)
    assert '\n}\n\n// -----// IR Dump After MarkPass' in out.getvalue()
    assert out.getvalue().endswith("}\n\n\n")


def test_ir_printing_after_failure_and_module_scope(ctx: Context) -> None:
    out = io.StringIO()
    pm = PassManager.parse("builtin.module(func.func(ut-mark),ut-fail)", ctx)
    pm.enable_ir_printing(after=lambda p: True, after_only_on_failure=True, module_scope=True, stream=out,
                          printer_options={"generic": True})
    with pytest.raises(PassFailure):
        pm.run(module(ctx))
    text = out.getvalue()
    assert text.startswith("// -----// IR Dump After FailPass Failed: ut-fail ('builtin.module' operation) //----- //"
                           '\n"builtin.module"() ({')
    assert "IR Dump After MarkPass" not in text


def test_timing_report(ctx: Context) -> None:
    timing = Timing()
    pm = PassManager.parse("builtin.module(func.func(ut-mark,ut-any),symbol-dce)", ctx)
    pm.enable_timing(timing)
    with pm.time("Parser"):
        m = module(ctx)
    pm.run(m)
    lines = timing.report().splitlines()
    assert lines[0] == lines[2] == "===" + "-" * 73 + "==="
    assert lines[1] == " " * 25 + "... Execution time report ..."
    assert re.fullmatch(r"  Total Execution Time: \d+\.\d{4} seconds", lines[3])
    assert lines[4:6] == ["", "  ----Wall Time----  ----Name----"]
    names = [re.fullmatch(r" *\d+\.\d{4} \( *\d+\.\d%\)  (.*)", ln).group(1) for ln in lines[6:]]  # type: ignore[union-attr]
    assert names == ["Parser", "'func.func' Pipeline", "  MarkPass", "  AnyPass", "SymbolDCEPass", "Rest", "Total"]
    assert lines[-1].endswith("(100.0%)  Total")
    listed = [ln.split("  ")[-1] for ln in timing.report("list").splitlines()[6:]]
    assert set(listed[:-2]) == {"Parser", "'func.func' Pipeline", "MarkPass", "AnyPass", "SymbolDCEPass"}


def test_statistics_report(ctx: Context) -> None:
    pm = PassManager.parse("builtin.module(func.func(ut-mark),symbol-dce,func.func(ut-mark))", ctx)
    pm.run(module(ctx))
    assert statistics_report(pm).splitlines()[3:] == [
        "'func.func' Pipeline",
        "  MarkPass",
        "    (S) 2 runs - Number of runs",
        "SymbolDCEPass",
        "  (S) 1 num-dce'd - Number of symbols DCE'd",
        "'func.func' Pipeline",
        "  MarkPass",
        "    (S) 1 runs - Number of runs",
    ]
    assert statistics_report(pm, "list").splitlines()[3:] == [
        "  MarkPass",
        "    (S) 3 runs - Number of runs",
        "  SymbolDCEPass",
        "    (S) 1 num-dce'd - Number of symbols DCE'd",
    ]


# --- command line ------------------------------------------------------------------------------------------------------


def cli_args(argv: list[str]) -> tuple[PassCommandLine, argparse.Namespace]:
    cl = PassCommandLine()
    p = argparse.ArgumentParser()
    p.add_argument("input", nargs="?")
    PassCommandLine.add_arguments(p)
    return cl, p.parse_args(cl.extract(argv))


def test_command_line_order_and_forms(ctx: Context) -> None:
    cl, args = cli_args(["--ut-mark", "in.mlir", "-ut-any", "--pass-pipeline", "builtin.module(symbol-dce)",
                         "--ut-mark=n=2 value=q", "-p=builtin.module(ut-any)", "--verify-each"])
    assert args.input == "in.mlir" and args.verify_each is True
    assert cl.items == [("pass", "ut-mark", None), ("pass", "ut-any", None),
                        ("pipeline", "builtin.module(symbol-dce)", None), ("pass", "ut-mark", "n=2 value=q"),
                        ("pipeline", "builtin.module(ut-any)", None)]
    pm = cl.build(args, ctx)
    assert pm.pipeline_text() == ("builtin.module(func.func(ut-mark{flag=false n=1 value=x}),ut-any,symbol-dce,"
                                  "func.func(ut-mark{flag=false n=2 value=q}),ut-any)")
    _, args = cli_args(["--verify-each=false", "--mlir-timing"])
    assert args.verify_each is False and args.mlir_timing


def test_command_line_errors(ctx: Context) -> None:
    cl, args = cli_args(["--ut-mark=bogus=1"])
    with pytest.raises(PipelineError, match="failed to add `ut-mark` with options `bogus=1`: no such option"):
        cl.build(args, ctx)
    cl, args = cli_args(["--pass-pipeline=func.func(ut-mark)"])
    with pytest.raises(PipelineError, match="can't run 'func.func' pass manager on 'builtin.module' op"):
        cl.build(args, ctx)
    cl, args = cli_args(["--ut-any", "--mlir-print-ir-before=nope"])
    with pytest.raises(PipelineError, match="Cannot find option named 'nope'"):
        cl.build(args, ctx)


def test_help_lists_passes_and_pipelines() -> None:
    register_pipeline("ut-pipe", "a pipeline", "ut-any", [PassOption("k", int, 1, "k option")])
    text = PassCommandLine.help_text()
    assert text.startswith("Compiler passes to run:\n  Passes:\n")
    assert re.search(r"^    --ut-mark +-   mark$", text, re.M)
    assert re.search(r"^      --value=<string> +- the mark$", text, re.M)
    assert re.search(r"^      --flag +- a flag$", text, re.M)
    assert re.search(r"^  Pass Pipelines:\n(.*\n)*    --ut-pipe +-   a pipeline\n      --k=<int> +- k option", text, re.M)
    assert "  ut-mark" in PassCommandLine.list_text()


def test_tool_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tools.mlir_py_opt import main

    f = tmp_path / "in.mlir"
    f.write_text(SOURCE)
    assert main([str(f), "--symbol-dce", "--mlir-pass-statistics"]) == 0
    out = capsys.readouterr()
    assert "@g" not in out.out and "(S) 1 num-dce'd" in out.err
    assert main([str(f), "--pass-pipeline=builtin.module(foo)"]) == 1
    assert "'foo' does not refer to a registered pass" in capsys.readouterr().err


# --- the built-in passes -----------------------------------------------------------------------------------------------


def test_builtin_passes_are_registered() -> None:
    import passes

    names = passes.load_builtin_passes()
    assert {"inline", "print_op_stats", "symbol_dce", "view_op_graph"} <= set(names)
    for arg in ("inline", "print-op-stats", "symbol-dce", "view-op-graph"):
        assert PASS_REGISTRY[arg].__module__.startswith("passes.")


def test_builtin_passes_through_the_api(ctx: Context) -> None:
    from passes.print_op_stats import PrintOpStatsPass
    from passes.view_op_graph import op_graph_dot

    out = io.StringIO()
    m = module(ctx)
    pm = PassManager(context=ctx)
    pm.add(PrintOpStatsPass(stream=out, json=True))
    pm.run(m)
    assert '"func.func" : 2' in out.getvalue()
    dot = op_graph_dot(m, print_attrs=False)
    assert dot.startswith("digraph G {\n  compound = true;\n") and 'label = "func.func : ()";' in dot


def cf_context() -> Context:
    """A context with a minimal ``cf.br`` (the cf dialect is another issue's) for multi-block inlining."""
    ctx = Context()
    existing = ctx.get_op_class("cf.br")
    if existing is None:
        class BrOp(Op, name="cf.br", traits=[IsTerminator()]):
            dest_operands = var_operand()
            dest = successor_def()

        ctx.register_dialect(Dialect("cf", [BrOp]))
    return ctx


def test_inline_multi_block_callee() -> None:
    ctx = cf_context()
    text = """
    func.func private @pick(%c: i1, %x: i32) -> i32 {
      "cf.cond_br"(%c)[^a, ^b] <{operandSegmentSizes = array<i32: 1, 0, 0>}> : (i1) -> ()
    ^a:
      return %x : i32
    ^b:
      %c7 = arith.constant 7 : i32
      return %c7 : i32
    }
    func.func @main(%c: i1, %x: i32) -> i32 {
      %c1 = arith.constant 1 : i32
      %0 = call @pick(%c, %x) : (i1, i32) -> i32
      %1 = arith.addi %0, %c1 : i32
      return %1 : i32
    }
    """
    ctx.allow_unregistered_dialects = True
    m = parse_module(text, ctx, "t.mlir")
    PassManager.parse("builtin.module(inline{default-pipeline=})", ctx).run(m)
    out = print_op(m)
    assert "@pick" not in out
    # MLIR's result: the entry block merged into the caller's, returns become branches to the continuation
    assert re.search(r"\^bb1:  // pred: \^bb0\n.*cf.br.*\^bb3.*%arg1", out), out
    assert re.search(r"\^bb2:  // pred: \^bb0\n +%c7_i32 = arith.constant 7 : i32\n.*cf.br.*\^bb3.*%c7_i32", out), out
    assert re.search(r"\^bb3\(%0: i32\):  // 2 preds: \^bb1, \^bb2\n +%1 = arith.addi %0, %c1_i32 : i32", out), out


def test_inline_leaves_multi_block_without_cf() -> None:
    ctx = Context(allow_unregistered_dialects=True)
    ctx.ops.pop("cf.br", None)  # as if the cf dialect were not loaded
    m = parse_module("""
    func.func private @two(%x: i32) -> i32 {
      "test.br"()[^a] : () -> ()
    ^a:
      return %x : i32
    }
    func.func @main(%x: i32) -> i32 {
      %0 = call @two(%x) : (i32) -> i32
      return %0 : i32
    }""", ctx, "t.mlir")
    PassManager.parse("builtin.module(inline{default-pipeline=})", ctx).run(m)
    assert "call @two" in print_op(m)


def test_inline_default_pipeline_error(ctx: Context) -> None:
    with pytest.raises(PassFailure, match="'nope' does not refer to a registered pass"):
        PassManager.parse("builtin.module(inline{default-pipeline=nope})", ctx).run(module(ctx))


# --- docs ---------------------------------------------------------------------------------------------------------------


def test_pass_docs_are_up_to_date() -> None:
    """docs/passes.md is generated from the pass definitions; regenerate it when a pass changes."""
    from mlir_py.pass_manager import DOCS_COMMAND

    current = (ROOT / "docs" / "passes.md").read_text(encoding="utf-8")
    assert current == gen_docs(), f"docs/passes.md is out of date: run `{DOCS_COMMAND}`"


def test_docs_cover_every_builtin_pass() -> None:
    text = gen_docs()
    for arg, cls in PASS_REGISTRY.items():
        if cls.__module__.startswith("passes."):
            assert f"### `{arg}`" in text
    assert "### `ut-mark`" not in text  # test passes are not built in


def test_docs_command(tmp_path: Path) -> None:
    out = tmp_path / "passes.md"
    r = subprocess.run([sys.executable, "-m", "mlir_py.pass_manager", "--gen-docs", "-o", str(out)], cwd=ROOT,
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8") == (ROOT / "docs" / "passes.md").read_text(encoding="utf-8")


def test_nested_pipeline_failure_reported_once(ctx: Context) -> None:
    """A pass running a pipeline (inline's default pipeline) fails with the inner error, reported once."""
    register_pass(FailPass)
    diags: list[Diagnostic] = []
    with pytest.raises(PassFailure) as e:
        PassManager.parse("builtin.module(inline{default-pipeline=ut-fail})", ctx).run(module(ctx), diags)
    assert e.value.diagnostic.message == "'func.func' op nope"
    assert diags == [e.value.diagnostic]


# --- against real MLIR ------------------------------------------------------------------------------------------------

IREE_OPT = shutil.which("iree-opt")
TRANSFORMS = ROOT / "tests" / "lit" / "Transforms"
DIALECT_OPS = sorted((ROOT / "tests" / "lit" / "Dialect").glob("*/ops.mlir"))


def _both(path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    assert IREE_OPT is not None
    common = [str(path), "--split-input-file", "--allow-unregistered-dialect", *args]
    ref = subprocess.run([IREE_OPT, *common], capture_output=True, text=True, timeout=300)
    ours = subprocess.run([sys.executable, "-m", "tools.mlir_py_opt", *common], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    return ours, ref


@pytest.mark.skipif(IREE_OPT is None, reason="iree-opt (real MLIR) is not installed")
@pytest.mark.parametrize("path, args", [
    (TRANSFORMS / "symbol-dce.mlir", ["--symbol-dce"]),
    (TRANSFORMS / "inline.mlir", ["--inline=default-pipeline="]),
    (TRANSFORMS / "inline.mlir", ["--inline"]),
], ids=["symbol-dce", "inline-no-pipeline", "inline-canonicalize"])
def test_transforms_match_mlir(path: Path, args: list[str]) -> None:
    """Our output is iree-opt's, after both are printed generically by iree-opt (the project's oracle rule)."""
    ours, ref = _both(path, *args, "--mlir-print-op-generic")
    assert ours.returncode == 0 and ref.returncode == 0, ours.stderr + ref.stderr
    assert IREE_OPT is not None
    norm = [subprocess.run([IREE_OPT, "-", "--split-input-file", "--mlir-print-op-generic"], input=r.stdout,
                           capture_output=True, text=True, timeout=300).stdout for r in (ours, ref)]
    assert norm[0] == norm[1]


@pytest.mark.skipif(IREE_OPT is None, reason="iree-opt (real MLIR) is not installed")
@pytest.mark.parametrize("path", [TRANSFORMS / "view-op-graph.mlir", TRANSFORMS / "inline.mlir", *DIALECT_OPS],
                         ids=lambda p: str(p.relative_to(ROOT)))
@pytest.mark.parametrize("args", [["--view-op-graph"], ["--view-op-graph=print-control-flow-edges=true"],
                                  ["--print-op-stats"], ["--print-op-stats=json"]], ids=" ".join)
def test_reports_match_mlir_byte_for_byte(path: Path, args: list[str]) -> None:
    ours, ref = _both(path, *args, "-o", "/dev/null")
    if ref.returncode != 0:
        pytest.skip(f"iree-opt does not take {path.name}: {ref.stderr.splitlines()[:1]}")
    assert ours.returncode == 0, ours.stderr
    assert ours.stderr == ref.stderr
