"""Property: ``canonicalize`` then ``cse`` never change what a program computes (issue 3, acceptance).

Hypothesis builds random arith expression DAGs — integers i1, i3, i8, i16, i32, i64 and index, floats f16, bf16,
f32 and f64, as scalars or ``vector<3x...>`` — from function arguments and constants biased to edge values (0, ±1,
MIN, MAX, ±0.0, ±inf, NaN, subnormals). Each program is printed as MLIR text, parsed, verified and run by the
interpreter on drawn inputs; then ``canonicalize`` and ``cse`` run on it, it is verified and run again, both in
memory and after a print/parse round trip. The results must be identical: bit-exact for integers, bitwise for
floats except that any NaN equals any NaN (LLVM leaves the NaN payload of arithmetic unspecified, LangRef
"Floating-Point Environment").

The programs have no undefined behaviour, so every run is meaningful: divisors are made non-zero (``ori %b, 1``),
signed dividends are never MIN (``maxsi %a, MIN+1``), shift amounts are reduced below the width (``remui``).
A float is bitcast to an integer only when its NaN payload is determined (arguments, constants, bitcasts and
selects of those). The remaining poison — fptosi/fptoui out of range — is materialized the same way on both runs
(saturation), and MLIR's folders leave it alone.

``MLIR_PY_PROPERTY_EXAMPLES`` (default 300) sets the number of programs.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from mlir_py import Context, verify
from mlir_py.apfloat import format_float
from mlir_py.attributes import FloatType, IndexType, IntegerType, Type
from mlir_py.interpreter import Interpreter, float_bits, round_float, same_value, wrap
from mlir_py.printer import print_op

HAVE_PASSES = all(importlib.util.find_spec(f"passes.{m}") is not None for m in ("canonicalize", "cse"))
pytestmark = pytest.mark.skipif(not HAVE_PASSES, reason="passes/canonicalize.py and passes/cse.py are not written "
                                                        "yet")

EXAMPLES = int(os.environ.get("MLIR_PY_PROPERTY_EXAMPLES", "300"))
VECTOR_LEN = 3

WIDTH = {"i1": 1, "i3": 3, "i8": 8, "i16": 16, "i32": 32, "i64": 64, "index": 64}
INTS = list(WIDTH)
CAST_INTS = [t for t in INTS if t != "index"]  # arith casts do not take index (except index_cast)
FLOATS = ["f16", "bf16", "f32", "f64"]
FWIDTH = {"f16": 16, "bf16": 16, "f32": 32, "f64": 64}

TOTAL_INT_OPS = ["addi", "subi", "muli", "andi", "ori", "xori", "maxsi", "minsi", "maxui", "minui"]
SHIFTS = ["shli", "shrsi", "shrui"]
SIGNED_DIVS = ["divsi", "ceildivsi", "floordivsi", "remsi"]
UNSIGNED_DIVS = ["divui", "ceildivui", "remui"]
FLOAT_OPS = ["addf", "subf", "mulf", "divf", "remf", "maximumf", "minimumf", "maxnumf", "minnumf"]
CMPI = ["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"]
CMPF = ["false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord", "ueq", "ugt", "uge", "ult", "ule", "une", "uno",
        "true"]
ROUNDING = ["", " to_nearest_even", " downward", " upward", " toward_zero", " to_nearest_away"]


def elem_type(e: str) -> Type:
    return IndexType() if e == "index" else IntegerType(WIDTH[e]) if e in WIDTH else FloatType(e)


# --- values -----------------------------------------------------------------------------------------------------


def int_values(e: str) -> st.SearchStrategy[int]:
    w = WIDTH[e]
    lo, hi = -(1 << (w - 1)), (1 << (w - 1)) - 1
    edges = sorted({(v - lo) % (1 << w) + lo for v in (0, 1, -1, 2, w, lo, hi, lo + 1, hi - 1)})  # wrapped
    return st.one_of(st.sampled_from(edges), st.integers(lo, hi))


def float_values(e: str) -> st.SearchStrategy[float]:
    specials = [0.0, -0.0, 1.0, -1.0, 0.5, 3.0, float("inf"), float("-inf"), float("nan"), -float("nan"), 65504.0,
                1e-7, 2.0**-24, 3.4e38, 1e-45, 1.0000001]
    width = {"f16": 16, "bf16": 32, "f32": 32, "f64": 64}[e]
    return st.one_of(st.sampled_from(specials), st.floats(width=width)).map(
        lambda x: float(round_float(x, e)) if e != "f64" else x)


def scalar_strategy(e: str) -> st.SearchStrategy[float | int]:
    return int_values(e) if e in WIDTH else float_values(e)


def as_value(xs: list[Any], e: str, shaped: bool) -> Any:
    t = elem_type(e)
    if e in WIDTH:
        arr = wrap(np.array(xs, dtype=np.int64), t)
    else:
        arr = round_float(np.array(xs, dtype=np.float64), e)
    return arr if shaped else arr[0]


def constant_text(xs: list[Any], e: str, shaped: bool) -> str:
    """The ``arith.constant`` operand: ``5 : i8``, ``true``, ``dense<[...]> : vector<3xf32>``."""

    def one(x: Any) -> str:
        if e == "i1":
            return "true" if x & 1 else "false"
        if e in WIDTH:
            return str(x)
        if x != x:  # a NaN keeps its sign and payload: spelled by its bits
            return f"0x{int(float_bits(round_float(x, e), elem_type(e))):0{FWIDTH[e] // 4}X}"
        return format_float(x, e)

    if not shaped:
        return one(xs[0]) if e == "i1" else f"{one(xs[0])} : {e}"
    body = one(xs[0]) if len(set(map(str, xs))) == 1 else "[" + ", ".join(one(x) for x in xs) + "]"
    return f"dense<{body}> : vector<{VECTOR_LEN}x{e}>"


# --- programs ---------------------------------------------------------------------------------------------------


@dataclass
class Val:
    name: str
    elem: str
    exact_bits: bool = True  # its NaN payloads are determined (safe to bitcast to an integer)
    constant: bool = False


@dataclass
class Program:
    shaped: bool
    args: list[Val] = field(default_factory=list)
    inputs: list[Any] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)
    vals: list[Val] = field(default_factory=list)
    results: list[Val] = field(default_factory=list)

    def ty(self, e: str) -> str:
        return f"vector<{VECTOR_LEN}x{e}>" if self.shaped else e

    @property
    def text(self) -> str:
        params = ", ".join(f"{a.name}: {self.ty(a.elem)}" for a in self.args)
        rtypes = ", ".join(self.ty(r.elem) for r in self.results)
        body = "\n".join("  " + line for line in self.lines)
        names = ", ".join(r.name for r in self.results)
        return f"func.func @f({params}) -> ({rtypes}) {{\n{body}\n  return {names} : {rtypes}\n}}\n"


class Gen:
    """Draws one program: each step picks an op kind, then operands among the values so far (or new constants)."""

    def __init__(self, draw: Any, shaped: bool):
        self.draw, self.p = draw, Program(shaped)
        #: out of 10, how often an operand is a new constant: programs range from mostly-argument to
        #: mostly-constant (whole subtrees fold then)
        self.const_bias = draw(st.sampled_from([2, 5, 8]))

    def name(self) -> str:
        return f"%v{len(self.p.vals) + len(self.p.args)}"

    def emit(self, rhs: str, elem: str, exact: bool = False) -> Val:
        v = Val(self.name(), elem, exact)
        self.p.lines.append(f"{v.name} = {rhs}")
        self.p.vals.append(v)
        return v

    def emit2(self, rhs: str, elems: tuple[str, str]) -> tuple[Val, Val]:
        n = len(self.p.vals) + len(self.p.args)
        a, b = Val(f"%v{n}", elems[0], False), Val(f"%v{n + 1}", elems[1], False)
        self.p.lines.append(f"{a.name}, {b.name} = {rhs}")
        self.p.vals += [a, b]
        return a, b

    def draw_values(self, e: str) -> list[Any]:
        n = VECTOR_LEN if self.p.shaped else 1
        if self.p.shaped and self.draw(st.booleans()):  # a splat
            return [self.draw(scalar_strategy(e))] * n
        return [self.draw(scalar_strategy(e)) for _ in range(n)]

    def constant(self, e: str, xs: list[Any] | None = None) -> Val:
        xs = self.draw_values(e) if xs is None else xs
        v = self.emit(f"arith.constant {constant_text(xs, e, self.p.shaped)}", e, exact=True)
        v.constant = True
        return v

    def splat(self, e: str, x: int) -> Val:
        return self.constant(e, [x] * (VECTOR_LEN if self.p.shaped else 1))

    def operand(self, e: str) -> Val:
        pool = [v for v in self.p.args + self.p.vals if v.elem == e]
        if pool and self.draw(st.integers(0, 9)) >= self.const_bias:
            return self.draw(st.sampled_from(pool))
        return self.constant(e)

    def elem(self, choices: list[str]) -> str:
        """An element type, preferring those of existing values (so the DAG connects)."""
        have = sorted({v.elem for v in self.p.args + self.p.vals if v.elem in choices})
        if have and self.draw(st.integers(0, 3)) > 0:
            return self.draw(st.sampled_from(have))
        return self.draw(st.sampled_from(choices))

    # each op kind ------------------------------------------------------------------------------------------------
    def int_binary(self) -> None:
        e = self.elem(INTS)
        a, b = self.operand(e), self.operand(e)
        op = self.draw(st.sampled_from(TOTAL_INT_OPS))
        self.emit(f"arith.{op} {a.name}, {b.name} : {self.p.ty(e)}", e)

    def shift(self) -> None:
        e = self.elem(INTS)
        a, b = self.operand(e), self.operand(e)
        amount = self.emit(f"arith.remui {b.name}, {self.splat(e, WIDTH[e]).name} : {self.p.ty(e)}", e)
        op = self.draw(st.sampled_from(SHIFTS))
        self.emit(f"arith.{op} {a.name}, {amount.name} : {self.p.ty(e)}", e)

    def division(self) -> None:
        e = self.elem(INTS)
        t = self.p.ty(e)
        a, b = self.operand(e), self.operand(e)
        b = self.emit(f"arith.ori {b.name}, {self.splat(e, 1).name} : {t}", e)  # never zero
        op = self.draw(st.sampled_from(SIGNED_DIVS + UNSIGNED_DIVS))
        if op in SIGNED_DIVS and op != "remsi":  # never MIN / -1
            a = self.emit(f"arith.maxsi {a.name}, {self.splat(e, -(1 << (WIDTH[e] - 1)) + 1).name} : {t}", e)
        self.emit(f"arith.{op} {a.name}, {b.name} : {t}", e)

    def compare(self, op: str, elems: list[str], predicates: list[str]) -> None:
        """``arith.<op> <predicate>, a, b`` on two operands of one of ``elems``."""
        e = self.elem(elems)
        a, b = self.operand(e), self.operand(e)
        self.emit(f"arith.{op} {self.draw(st.sampled_from(predicates))}, {a.name}, {b.name} : {self.p.ty(e)}", "i1")

    def cmpi(self) -> None:
        self.compare("cmpi", INTS, CMPI)

    def select(self) -> None:
        e = self.elem(INTS + FLOATS)
        c, a, b = self.operand("i1"), self.operand(e), self.operand(e)
        types = f"{self.p.ty('i1')}, {self.p.ty(e)}" if self.p.shaped else e
        self.emit(f"arith.select {c.name}, {a.name}, {b.name} : {types}", e, a.exact_bits and b.exact_bits)

    def extended(self) -> None:
        e = self.elem(INTS)
        a, b = self.operand(e), self.operand(e)
        op = self.draw(st.sampled_from(["addui_extended", "mulsi_extended", "mului_extended"]))
        if op == "addui_extended":
            self.emit2(f"arith.{op} {a.name}, {b.name} : {self.p.ty(e)}, {self.p.ty('i1')}", (e, "i1"))
        else:
            self.emit2(f"arith.{op} {a.name}, {b.name} : {self.p.ty(e)}", (e, e))

    def int_cast(self) -> None:
        kind = self.draw(st.sampled_from(["ext", "trunc", "index"]))
        if kind == "index":
            src = self.elem(INTS)
            dst = "index" if src != "index" else self.draw(st.sampled_from(CAST_INTS))
            op = self.draw(st.sampled_from(["index_cast", "index_castui"]))
        else:
            src = self.elem(CAST_INTS)
            wider = [t for t in CAST_INTS if WIDTH[t] > WIDTH[src]]
            narrower = [t for t in CAST_INTS if WIDTH[t] < WIDTH[src]]
            if kind == "ext" and wider:
                dst, op = self.draw(st.sampled_from(wider)), self.draw(st.sampled_from(["extsi", "extui"]))
            elif narrower:
                dst, op = self.draw(st.sampled_from(narrower)), "trunci"
            else:
                return
        a = self.operand(src)
        self.emit(f"arith.{op} {a.name} : {self.p.ty(src)} to {self.p.ty(dst)}", dst)

    def float_binary(self) -> None:
        e = self.elem(FLOATS)
        a, b = self.operand(e), self.operand(e)
        op = self.draw(st.sampled_from(FLOAT_OPS + ["negf"]))
        if op == "negf":
            self.emit(f"arith.negf {a.name} : {self.p.ty(e)}", e, a.exact_bits)
        else:
            self.emit(f"arith.{op} {a.name}, {b.name} : {self.p.ty(e)}", e)

    def cmpf(self) -> None:
        self.compare("cmpf", FLOATS, CMPF)

    def float_cast(self) -> None:
        kind = self.draw(st.sampled_from(["extf", "truncf", "itof", "ftoi", "bitcast"]))
        if kind in ("extf", "truncf"):
            src = self.elem(FLOATS)
            cands = [f for f in FLOATS if (FWIDTH[f] > FWIDTH[src]) == (kind == "extf") and FWIDTH[f] != FWIDTH[src]]
            if not cands:
                return
            dst = self.draw(st.sampled_from(cands))
            mode = self.draw(st.sampled_from(ROUNDING)) if kind == "truncf" else ""
            a = self.operand(src)
            self.emit(f"arith.{kind} {a.name}{mode} : {self.p.ty(src)} to {self.p.ty(dst)}", dst)
        elif kind == "itof":
            src, dst = self.elem(CAST_INTS), self.draw(st.sampled_from(FLOATS))
            op = self.draw(st.sampled_from(["sitofp", "uitofp"]))
            a = self.operand(src)
            self.emit(f"arith.{op} {a.name} : {self.p.ty(src)} to {self.p.ty(dst)}", dst)
        elif kind == "ftoi":
            src, dst = self.elem(FLOATS), self.draw(st.sampled_from(CAST_INTS))
            op = self.draw(st.sampled_from(["fptosi", "fptoui"]))
            a = self.operand(src)
            self.emit(f"arith.{op} {a.name} : {self.p.ty(src)} to {self.p.ty(dst)}", dst)
        else:
            f = self.draw(st.sampled_from(FLOATS))
            i = f"i{FWIDTH[f]}"
            exact = [v for v in self.p.args + self.p.vals if v.elem == f and v.exact_bits]
            if exact and self.draw(st.booleans()):
                a = self.draw(st.sampled_from(exact))
                self.emit(f"arith.bitcast {a.name} : {self.p.ty(f)} to {self.p.ty(i)}", i)
            else:
                a = self.operand(i)
                self.emit(f"arith.bitcast {a.name} : {self.p.ty(i)} to {self.p.ty(f)}", f, exact=True)


KINDS = ["int_binary", "int_binary", "shift", "division", "cmpi", "select", "extended", "int_cast", "float_binary",
         "float_binary", "cmpf", "float_cast"]


@st.composite
def programs(draw: Any) -> Program:
    g = Gen(draw, shaped=draw(st.integers(0, 3)) == 0)
    p = g.p
    for i in range(draw(st.integers(1, 3))):
        e = draw(st.sampled_from(INTS + FLOATS))
        p.args.append(Val(f"%a{i}", e, True))
        p.inputs.append(as_value(g.draw_values(e), e, p.shaped))
    for _ in range(draw(st.integers(1, 12))):
        getattr(g, draw(st.sampled_from(KINDS)))()
    if not p.vals:
        g.constant(p.args[0].elem)
    # every unused non-constant value is a result, so no op is dead code
    used = {name for line in p.lines for name in re.findall(r"%[av]\d+", line.split("=", 1)[1])}
    sinks = [v for v in p.vals if v.name not in used and not v.constant]
    p.results = sinks or [p.vals[-1]]
    return p


# --- the property -----------------------------------------------------------------------------------------------


CTX = Context()


def run(text: str, inputs: list[Any]) -> tuple[Any, list[Any]]:
    module = CTX.parser.parse(text, "property.mlir")
    verify(module)
    return module, Interpreter(module).call("f", inputs)


def assert_same(before: list[Any], after: list[Any], what: str) -> None:
    assert len(before) == len(after)
    for i, (b, a) in enumerate(zip(before, after)):
        assert same_value(b, a), f"result #{i} differs {what}: {b!r} before, {a!r} after"


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                      HealthCheck.data_too_large])
@given(programs())
def test_canonicalize_cse_preserve_results(p: Program) -> None:
    importlib.import_module("passes.canonicalize")  # registers the pass
    importlib.import_module("passes.cse")
    from mlir_py.pass_manager import PASS_REGISTRY

    note(p.text)
    note(f"inputs: {p.inputs!r}")
    module, before = run(p.text, p.inputs)
    for name in ("canonicalize", "cse"):
        PASS_REGISTRY[name]().run_on_operation(module)
    verify(module)
    text = print_op(module)
    note(f"after canonicalize,cse:\n{text}")
    assert_same(before, Interpreter(module).call("f", p.inputs), "after canonicalize,cse")
    assert_same(before, run(text, p.inputs)[1], "after canonicalize,cse and a print/parse round trip")


def test_generator_covers_the_dialect() -> None:
    """The generator's op names are arith's: a typo would silently test less."""
    import dialects.arith as arith

    names = {n.split(".", 1)[1] for n in arith.DIALECT.ops}
    used = set(TOTAL_INT_OPS + SHIFTS + SIGNED_DIVS + UNSIGNED_DIVS + FLOAT_OPS) | {
        "negf", "cmpi", "cmpf", "select", "constant", "addui_extended", "mulsi_extended", "mului_extended",
        "extsi", "extui", "trunci", "index_cast", "index_castui", "extf", "truncf", "sitofp", "uitofp", "fptosi",
        "fptoui", "bitcast"}
    assert used <= names and names - used == set(), names - used
