"""``convert-math-to-llvm``: math ops on scalars and vectors to LLVM intrinsics (MLIR's MathToLLVM).

``math.exp`` -> ``llvm.intr.exp``, likewise ``exp2 log log2 log10 sqrt ceil floor sin cos tan tanh round roundeven
trunc copysign powf(pow) fma absf(fabs)``, with the fast-math flags kept. Expanded as MLIR does:
``math.rsqrt`` -> ``1 / sqrt(x)``, ``math.expm1`` -> ``exp(x) - 1``, ``math.log1p`` -> ``log(1 + x)``
(mlir/lib/Conversion/MathToLLVM/MathToLLVM.cpp). Other math ops (``erf``, ``atan``...) have no LLVM intrinsic and
stay, to be reported by the translation.
"""

from __future__ import annotations

from dialects import llvm
from mlir_py.attributes import DenseElementsAttr, VectorType
from mlir_py.conversion import ConversionPattern, ConversionPatternRewriter, ConversionTarget
from mlir_py.ir import Operation, Value
from mlir_py.pass_manager import Pass, register_pass

from ._llvm_common import TYPE_CONVERTER, const, run_conversion
from .convert_arith_to_llvm import OneToOnePattern, convert_flags, legal_unless_converted

#: math op -> LLVM intrinsic
INTRINSICS: dict[str, str] = {
    "exp": "exp", "exp2": "exp2", "log": "log", "log2": "log2", "log10": "log10", "sqrt": "sqrt", "ceil": "ceil",
    "floor": "floor", "sin": "sin", "cos": "cos", "tan": "tan", "tanh": "tanh", "round": "round",
    "roundeven": "roundeven", "trunc": "trunc", "copysign": "copysign", "powf": "pow", "fma": "fma",
    "absf": "fabs",
}


class ExpandPattern(ConversionPattern):
    """``rsqrt(x) = 1 / sqrt(x)``, ``expm1(x) = exp(x) - 1``, ``log1p(x) = log(1 + x)`` (scalars and vectors)."""

    def __init__(self, src: str):
        super().__init__(src, type_converter=TYPE_CONVERTER)
        self.kind = src.split(".")[1]

    def match_and_rewrite(self, op: Operation, operands: list[Value], rw: ConversionPatternRewriter) -> bool:
        x = operands[0]
        t, loc = x.type, op.location
        fm = convert_flags(op, llvm.BINARY_OPS["fadd"])
        if isinstance(t, VectorType):
            one = rw.create(llvm.ConstantOp, [], [t], {"value": DenseElementsAttr(t, 1.0)}, location=loc).results[0]
        else:
            one = const(rw, 1.0, t, loc)

        def call(name: str, *args: Value) -> Value:
            cls = llvm.INTRINSIC_OPS[name] if name in llvm.INTRINSIC_OPS else llvm.BINARY_OPS[name]
            r: Value = rw.create(cls, list(args), [t], fm, location=loc).results[0]
            return r

        if self.kind == "rsqrt":
            res = call("fdiv", one, call("sqrt", x))
        elif self.kind == "expm1":
            res = call("fsub", call("exp", x), one)
        else:
            res = call("log", call("fadd", one, x))
        rw.replace_op(op, [res])
        return True


def math_to_llvm_patterns() -> list[ConversionPattern]:
    """The patterns of this conversion (reused by ``lower-to-llvm``)."""
    pats: list[ConversionPattern] = [OneToOnePattern("math." + s, "intr." + d) for s, d in INTRINSICS.items()]
    return pats + [ExpandPattern("math." + k) for k in ("rsqrt", "expm1", "log1p")]


@register_pass
class ConvertMathToLLVMPass(Pass):
    """Convert math ops to LLVM intrinsics (MLIR's ``convert-math-to-llvm``): ``math.exp`` -> ``llvm.intr.exp``
    and the like, fast-math flags kept; ``rsqrt``, ``expm1`` and ``log1p`` expanded into two ops. Math ops
    without an LLVM intrinsic (``erf``, ``atan``, ...) and ops on tensors are left unchanged."""

    argument = "convert-math-to-llvm"
    summary = "Convert math ops to LLVM intrinsics"

    def initialize(self) -> None:
        self.patterns = math_to_llvm_patterns()

    def run_on_operation(self, op: Operation) -> None:
        target = ConversionTarget()
        target.add_legal_dialect("llvm")
        handled = {p.root_name for p in self.patterns}
        target.add_dynamically_legal_dialect("math", lambda o: o.name not in handled or legal_unless_converted(o))
        run_conversion(self, op, target, self.patterns)


__all__ = ["ConvertMathToLLVMPass", "math_to_llvm_patterns"]
