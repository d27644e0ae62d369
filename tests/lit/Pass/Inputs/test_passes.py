"""Test-only passes for the pass-manager lit tests (as MLIR's mlir/test/lib/Pass), loaded with
``--load-pass-plugin %S/Inputs/test_passes.py``."""

from __future__ import annotations

from mlir_py.attributes import StringAttr, UnitAttr
from mlir_py.ir import Operation
from mlir_py.pass_manager import Pass, PassOption, register_pass, register_pipeline


@register_pass
class TestOptionsPass(Pass):
    """Reports its option values as a remark on the op it runs on."""

    argument = "test-options"
    summary = "Test pass options"
    options = [PassOption("i", int, 0, "an integer"), PassOption("f", float, 0.5, "a number"),
               PassOption("s", str, "dflt", "a string"), PassOption("flag", bool, False, "a flag"),
               PassOption("list", int, [], "a list of integers", is_list=True)]

    def run_on_operation(self, op: Operation) -> None:
        vals = " ".join(f"{o.name}={o.format(self.option(o.name))}" for o in self.options)
        self.emit_remark(f"test-options: {vals}", op)


@register_pass
class TestFuncPass(Pass):
    """Marks each function it runs on with ``test.visited``; counts them."""

    argument = "test-func-pass"
    summary = "Test function pass"
    anchor = "func.func"
    statistic_defs = {"num-visited": "Number of functions visited", "extra": "Another counter"}

    def run_on_operation(self, op: Operation) -> None:
        op.attributes["test.visited"] = UnitAttr()
        self.statistics["num-visited"] += 1


@register_pass
class TestModulePass(Pass):
    """Sets ``test.module`` on the module."""

    argument = "test-module-pass"
    summary = "Test module pass"
    anchor = "builtin.module"

    def run_on_operation(self, op: Operation) -> None:
        op.attributes["test.module"] = StringAttr("done")


@register_pass
class TestFailPass(Pass):
    """Fails on ops named ``on`` (default: every op it runs on)."""

    argument = "test-fail"
    summary = "Test pass failure"
    options = [PassOption("on", str, "", "fail only on this function")]

    def run_on_operation(self, op: Operation) -> None:
        name = op.get_attr("sym_name")
        if not self.option("on") or (isinstance(name, StringAttr) and name.value == self.option("on")):
            raise self.failure("test pass failure", op)


@register_pass
class TestSignalFailPass(Pass):
    """Emits two errors and signals failure."""

    argument = "test-signal-fail"
    summary = "Test signalPassFailure"

    def run_on_operation(self, op: Operation) -> None:
        self.emit_error("first error", op)
        self.emit_warning("a warning", op)
        self.signal_pass_failure()


@register_pass
class TestBreakIRPass(Pass):
    """Erases the terminator of every function: invalid IR for the verifier to catch."""

    argument = "test-break-ir"
    summary = "Test pass producing invalid IR"
    anchor = "func.func"

    def run_on_operation(self, op: Operation) -> None:
        for b in op.regions[0].blocks:
            t = b.last_op
            if t is not None:
                t.erase()


@register_pass
class TestCrashPass(Pass):
    """Raises a Python exception (a bug in a pass): the tool reports an internal error."""

    argument = "test-crash"
    summary = "Test pass crashing"

    def run_on_operation(self, op: Operation) -> None:
        raise KeyError("boom")


register_pipeline("test-pipeline", "Test named pipeline", "func.func(test-func-pass),test-module-pass")


def _build(pm, options):  # type: ignore[no-untyped-def]
    for _ in range(options["times"]):
        pm.add("func.func(test-func-pass)")


register_pipeline("test-pipeline-opts", "Test pipeline with options", _build,
                  [PassOption("times", int, 1, "how many times to run test-func-pass")])
