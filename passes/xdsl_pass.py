"""``xdsl-pass``: run a pass of xDSL (https://xdsl.dev, ``xdsl.transforms``) inside an mlir-py pipeline.

The module is converted to xDSL's IR, the xDSL pass runs there, and the result is converted back
(``mlir_py.interop.xdsl``: a structural op-by-op conversion, attributes and types through each side's parser).
``mlir-py-opt --xdsl-pass=cse`` is a shorthand for ``--pass-pipeline='builtin.module(xdsl-pass{name=cse})'``;
options of the xDSL pass are written in xDSL's syntax, ``--xdsl-pass='scf-for-loop-unroll{unroll-factor=2}'``.
"""

from __future__ import annotations

from typing import Any

from mlir_py.diagnostics import DiagnosticError
from mlir_py.ir import Operation
from mlir_py.pass_manager import Pass, PassOption, register_pass


@register_pass
class XdslPass(Pass):
    """Run the xDSL pass ``name`` on the module (any argument of ``xdsl.transforms.get_all_passes()``:
    ``canonicalize``, ``cse``, ``dce``, ``licm``, ``convert-scf-to-cf``, ...). Locations of the ops that survive
    are kept. Errors: no or an unknown pass name, bad options, a module xDSL cannot represent, verify or transform
    — a diagnostic at the module naming the xDSL pass and xDSL's message."""

    argument = "xdsl-pass"
    summary = "Run an xDSL pass (xdsl.transforms) on the module"
    name = "XdslPass"
    anchor = "builtin.module"
    options = [PassOption("name", str, "", "the xDSL pass, with its options in xDSL's syntax")]

    @classmethod
    def parse_options(cls, text: str | None) -> dict[str, Any]:
        """``name=NAME`` or just ``NAME`` (so that ``--xdsl-pass=cse`` works)."""
        t = (text or "").strip()
        if t and not t.startswith("name="):
            return {"name": t}
        return super().parse_options(text)

    def run_on_operation(self, op: Operation) -> None:
        from mlir_py.interop.xdsl import replace_contents, run_xdsl_pass

        name = self.option("name")
        if not name:
            self.emit_error("'xdsl-pass' expects a pass name: xdsl-pass{name=NAME} or --xdsl-pass=NAME", op)
            self.signal_pass_failure()
            return
        try:
            new = run_xdsl_pass(op, name, self.context)
        except DiagnosticError as e:
            self.emit_error(e.diagnostic.message, op)
            self.signal_pass_failure()
            return
        replace_contents(op, new)
