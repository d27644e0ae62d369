"""Passes and the pass manager (MLIR's ``Pass``/``PassManager``, mlir/docs/PassManagement.md).

A pass is a subclass of :class:`Pass` registered with :func:`register_pass`::

    @register_pass
    class CanonicalizePass(Pass):
        \"\"\"Canonicalize operations: folds and registered canonicalization patterns.\"\"\"
        argument = "canonicalize"
        summary = "Canonicalize operations"
        options = [PassOption("max-iterations", int, 10, "maximum greedy driver iterations")]

        def run_on_operation(self, op: Operation) -> None:
            ...  # self.option("max-iterations"), self.statistics["num-folded"] += 1
            # on failure: raise self.failure("message", op)  (a located diagnostic; the pipeline stops)

``anchor`` (an op name or None for any op) says which ops the pass runs on when nested. Registration makes the
pass available as ``--<argument>`` in mlir-py-opt and in textual pipelines.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from .diagnostics import DiagnosticError, VerifyError
from .ir import Operation


@dataclass
class PassOption:
    """A typed pass option with a default (``pass{name=value}`` in pipelines)."""

    name: str
    type: Callable[[str], Any]
    default: Any
    description: str = ""
    is_list: bool = False


class PassFailure(DiagnosticError):
    """Raised by a pass to stop the pipeline with a located diagnostic."""


class Pass:
    """Base class of passes; see the module docstring."""

    argument: ClassVar[str] = ""
    summary: ClassVar[str] = ""
    anchor: ClassVar[str | None] = None
    options: ClassVar[list[PassOption]] = []

    def __init__(self, **option_values: Any):
        self.option_values: dict[str, Any] = {o.name: o.default for o in self.options}
        for k, v in option_values.items():
            key = k.replace("_", "-")
            if key not in self.option_values:
                raise ValueError(f"pass '{self.argument}' has no option '{key}'")
            self.option_values[key] = v
        self.statistics: dict[str, int] = {}

    def option(self, name: str) -> Any:
        return self.option_values[name]

    def run_on_operation(self, op: Operation) -> None:
        raise NotImplementedError

    def failure(self, message: str, op: Operation | None = None) -> PassFailure:
        err = VerifyError(message, op)
        return PassFailure(err.diagnostic)


#: argument -> pass class
PASS_REGISTRY: dict[str, type[Pass]] = {}


def register_pass(cls: type[Pass]) -> type[Pass]:
    if not cls.argument:
        raise ValueError(f"{cls.__name__} has no 'argument'")
    PASS_REGISTRY[cls.argument] = cls
    return cls
