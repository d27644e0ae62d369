"""Pattern rewriting, the greedy driver, side-effect interfaces, CSE and the arith folders (mlir_py.rewrite,
mlir_py.interfaces, passes/canonicalize.py, passes/cse.py, dialects/arith.py)."""

from __future__ import annotations

import math
import random
from fractions import Fraction
from typing import Any

import numpy as np
import pytest

import mlir_py.rewrite as rw_mod
from dialects.arith import _C as ARITH
from dialects.arith import _cmpf, _int_ops, _int_to_float
from mlir_py import Context, parse_module, verify
from mlir_py.apfloat import round_to, to_bits
from mlir_py.attributes import FloatAttr, FloatType, IntegerAttr, IntegerType, i1, i32
from mlir_py.diagnostics import DiagnosticEngine
from mlir_py.dialect import Dialect
from mlir_py.interfaces import (
    ALLOCATE,
    READ,
    WRITE,
    EffectInstance,
    RecursiveMemoryEffects,
    get_effects_recursively,
    get_memory_effects,
    is_memory_effect_free,
    is_trivially_dead,
    only_reads,
    would_op_be_trivially_dead,
)
from mlir_py.ir import Block, IRError, Operation, Region
from mlir_py.opdef import IsTerminator, MemoryEffects, Op, Pure, operand, region_def, result_def, var_operand
from mlir_py.printer import print_op
from mlir_py.rewrite import (
    FrozenRewritePatternSet,
    GreedyRewriteConfig,
    Listener,
    OperationFolder,
    PatternRewriter,
    RewritePattern,
    apply_op_patterns_greedily,
    apply_patterns_greedily,
    constant_value,
    fold_operation,
    rewrite_pattern,
    run_region_dce,
)
from passes.canonicalize import CanonicalizePass, canonicalize
from passes.cse import eliminate_common_subexpressions

# --- a test dialect --------------------------------------------------------------------------------------------


class PureRegionOp(Op, name="rt.pure_region", traits=[Pure()]):
    """A pure op with a region (CSE compares regions structurally)."""

    args = var_operand()
    res = result_def()
    body = region_def()


class ReadOp(Op, name="rt.read", traits=[MemoryEffects((READ, "mem"))]):
    src = operand()
    res = result_def()


class WriteOp(Op, name="rt.write", traits=[MemoryEffects((WRITE, "mem"))]):
    dst = operand()


class AllocOp(Op, name="rt.alloc"):
    res = result_def()

    def get_effects(self) -> list[EffectInstance]:
        return [EffectInstance(ALLOCATE, "mem", self.results[0])]


class LoopOp(Op, name="rt.loop", traits=[RecursiveMemoryEffects()]):
    body = region_def()


class YieldOp(Op, name="rt.yield", traits=[Pure(), IsTerminator()]):
    vals = var_operand()


class ToggleOp(Op, name="rt.toggle", traits=[Pure()]):
    res = result_def()


RT = Dialect("rt", [PureRegionOp, ReadOp, WriteOp, AllocOp, LoopOp, YieldOp, ToggleOp])


_CTX: list[Context] = []


def ctx() -> Context:
    if not _CTX:
        c = Context(allow_unregistered_dialects=True)
        c.register_dialect(RT)
        _CTX.append(c)
    return _CTX[0]


def parse(text: str) -> Operation:
    m = parse_module(text, ctx(), "test.mlir")
    verify(m)
    return m


def func_body(m: Operation, index: int = 0) -> Block:
    f = list(m.regions[0].blocks[0].ops)[index]
    return f.regions[0].blocks[0]


def ops_of(block: Block) -> list[str]:
    return [o.name for o in block.ops]


# --- rewriter and listener ---------------------------------------------------------------------------------------


class Recorder(Listener):
    def __init__(self) -> None:
        self.events: list[tuple[str, str]] = []

    def notify_operation_inserted(self, op: Operation, previous: Any) -> None:
        self.events.append(("inserted", op.name))

    def notify_operation_modified(self, op: Operation) -> None:
        self.events.append(("modified", op.name))

    def notify_operation_replaced(self, op: Operation, values: Any) -> None:
        self.events.append(("replaced", op.name))

    def notify_operation_erased(self, op: Operation) -> None:
        self.events.append(("erased", op.name))

    def notify_block_inserted(self, block: Block, previous: Any) -> None:
        self.events.append(("block_inserted", ""))

    def notify_block_erased(self, block: Block) -> None:
        self.events.append(("block_erased", ""))


ADD_MUL = """func.func @f(%x: i32) -> i32 {
  %0 = arith.addi %x, %x : i32
  %1 = arith.muli %0, %0 : i32
  return %1 : i32
}"""


def test_rewriter_notifies_every_mutation() -> None:
    m = parse(ADD_MUL)
    body = func_body(m)
    add, mul, ret = list(body.ops)
    rec = Recorder()
    rw = PatternRewriter(rec)
    rw.set_insertion_point(add)
    new = rw.create(ARITH["arith.subi"], [body.args[0], body.args[0]], [i32])
    assert ops_of(body) == ["arith.subi", "arith.addi", "arith.muli", "func.return"]
    rw.replace_op(add, new)
    assert rec.events == [("inserted", "arith.subi"), ("replaced", "arith.addi"), ("modified", "arith.muli"),
                          ("modified", "arith.muli"), ("erased", "arith.addi")]
    rec.events.clear()
    with rw.modify_op_in_place(mul):
        mul.set_operand(1, body.args[0])
    assert rec.events == [("modified", "arith.muli")]
    with pytest.raises(IRError):
        rw.erase_op(new)  # still used
    verify(m)


def test_inline_merge_split_blocks() -> None:
    m = parse(ADD_MUL)
    body = func_body(m)
    rec = Recorder()
    rw = PatternRewriter(rec)
    mul = list(body.ops)[1]
    tail = rw.split_block(body, mul)
    assert ops_of(body) == ["arith.addi"] and ops_of(tail) == ["arith.muli", "func.return"]
    rw.merge_blocks(tail, body)
    assert ops_of(body) == ["arith.addi", "arith.muli", "func.return"] and len(body.parent.blocks) == 1  # type: ignore[union-attr]
    # inline a block with an argument before an op, substituting the argument
    region = Region([Block([i32])])
    src = region.blocks[0]
    rw2 = PatternRewriter()
    rw2.set_insertion_point_to_end(src)
    rw2.create(ARITH["arith.subi"], [src.args[0], src.args[0]], [i32])
    rw.inline_block_before(src, body, mul, [body.args[0]])
    assert ops_of(body) == ["arith.addi", "arith.subi", "arith.muli", "func.return"]
    sub = list(body.ops)[1]
    assert sub.operand(0) is body.args[0]
    assert ("block_erased", "") in rec.events and ("block_inserted", "") in rec.events
    # inline a whole region at the end of another
    other = Region([Block()])
    rw.inline_region_before(other, body.parent)  # type: ignore[arg-type]
    assert len(body.parent.blocks) == 2 and not other.blocks  # type: ignore[union-attr]


# --- patterns and the frozen set ------------------------------------------------------------------------------------


def test_frozen_set_orders_by_benefit_and_merges_any_op_patterns() -> None:
    order: list[str] = []

    def make(name: str, root: str | None, benefit: int) -> RewritePattern:
        def fn(op: Operation, rw: PatternRewriter) -> bool:
            if op.name == "arith.addi":
                order.append(name)
            return False
        return rw_mod.FunctionPattern(fn, root, benefit, name)

    pats = FrozenRewritePatternSet([make("low", "arith.addi", 1), make("any2", None, 2), make("high", "arith.addi", 3),
                                    make("tie", "arith.addi", 2), make("other", "arith.muli", 5)])
    assert [p.name for p in pats.patterns_for("arith.addi")] == ["high", "tie", "any2", "low"]
    assert [p.name for p in pats.patterns_for("arith.subi")] == ["any2"]
    assert pats.patterns_for("arith.addi") is pats.patterns_for("arith.addi")  # cached merge
    m = parse("func.func @f(%x: i32) -> i32 {\n %0 = arith.addi %x, %x : i32\n return %0 : i32\n}")
    apply_patterns_greedily(m, pats)
    assert order[:4] == ["high", "tie", "any2", "low"]


def test_pattern_set_is_built_once_and_unmatched_ir_is_cheap(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = "\n".join(f"  %v{i} = arith.addi %x, %v{i - 1} : i32" for i in range(1, 2000))
    m = parse(f"func.func @f(%x: i32) -> i32 {{\n  %v0 = arith.addi %x, %x : i32\n{lines}\n  return %v1999 : i32\n}}")
    p = CanonicalizePass()
    p.initialize()
    built = []
    orig_init = FrozenRewritePatternSet.__init__

    def counting_init(self: Any, *a: Any, **k: Any) -> None:
        built.append(1)
        orig_init(self, *a, **k)

    monkeypatch.setattr(FrozenRewritePatternSet, "__init__", counting_init)
    p.run_on_operation(m)
    names = set(p.patterns._merged)
    p.run_on_operation(m)
    assert not built  # no pattern set is built while running, neither per op nor per run
    assert set(p.patterns._merged) == names  # per-name pattern lists are merged once


def test_rewrite_pattern_decorator_and_replace_with_new_op() -> None:
    @rewrite_pattern("arith.muli", benefit=2)
    def mul_to_shl(op: Operation, rw: PatternRewriter) -> bool:
        """x * 2 -> x << 1"""
        c = constant_value(op.operand(1))
        if not isinstance(c, IntegerAttr) or c.value != 2:
            return False
        with rw.insertion_guard():
            rw.set_insertion_point(op)
            one = rw.insert(ARITH["arith.constant"].from_value(IntegerAttr(1, op.results[0].type)))
        rw.replace_op_with_new_op(op, ARITH["arith.shli"], [op.operand(0), one.results[0]])
        return True

    assert mul_to_shl.root_name == "arith.muli" and mul_to_shl.benefit == 2 and "x << 1" in (mul_to_shl.__doc__ or "")
    m = parse("""func.func @f(%x: i32) -> i32 {
      %c2 = arith.constant 2 : i32
      %0 = arith.muli %x, %c2 : i32
      return %0 : i32
    }""")
    res = apply_patterns_greedily(m, [mul_to_shl])
    assert res.converged and res.changed and res.num_rewrites == 1
    assert "arith.shli %arg0, %c1_i32" in print_op(m)


# --- the driver --------------------------------------------------------------------------------------------------


def test_non_convergence_is_a_diagnostic() -> None:
    @rewrite_pattern("rt.toggle")
    def toggle(op: Operation, rw: PatternRewriter) -> bool:
        with rw.modify_op_in_place(op):
            op.attributes["rt.flip"] = IntegerAttr(0 if "rt.flip" in op.attributes and
                                                   op.attributes["rt.flip"].value else 1, i32)  # type: ignore[attr-defined]
        return True

    m = parse('func.func @f() -> i32 {\n %0 = "rt.toggle"() : () -> i32\n return %0 : i32\n}')
    engine = DiagnosticEngine()
    res = apply_patterns_greedily(m, [toggle], config=GreedyRewriteConfig(max_iterations=3, max_num_rewrites=5),
                                  diagnostics=engine)
    assert not res.converged and res.iterations == 3
    assert res.diagnostic is not None and res.diagnostic.severity == "warning"
    assert "did not converge after 3 iterations" in res.diagnostic.message
    assert engine.diagnostics == [res.diagnostic]


@pytest.mark.parametrize("top_down", [True, False])
def test_processing_order(top_down: bool) -> None:
    seen: list[str] = []

    @rewrite_pattern(None)
    def record(op: Operation, rw: PatternRewriter) -> bool:
        if op.name.startswith("test."):
            seen.append(op.name)
        return False

    m = parse('func.func @f() {\n "test.a"() : () -> ()\n "test.b"() : () -> ()\n "test.c"() : () -> ()\n return\n}')
    apply_patterns_greedily(m, [record], config=GreedyRewriteConfig(top_down=top_down))
    first = seen[:3]
    assert first == (["test.a", "test.b", "test.c"] if top_down else ["test.c", "test.b", "test.a"])


def test_fold_dedups_and_hoists_constants() -> None:
    m = parse("""func.func @f(%x: i32) -> (i32, i32) {
      %a = arith.addi %x, %x : i32
      %c1 = arith.constant 1 : i32
      %c2 = arith.constant 2 : i32
      %s = arith.addi %c1, %c1 : i32
      %t = arith.muli %a, %s : i32
      %u = arith.muli %a, %c2 : i32
      return %t, %u : i32, i32
    }""")
    res = apply_patterns_greedily(m, [], config=GreedyRewriteConfig(top_down=True))
    assert res.converged and res.num_folds >= 1
    body = func_body(m)
    names = ops_of(body)
    assert names[0] == "arith.constant" and names.count("arith.constant") == 1
    mul1, mul2 = [o for o in body.ops if o.name == "arith.muli"]
    assert mul1.operand(1) is mul2.operand(1)


def test_operation_folder_uniques_per_isolated_region() -> None:
    m = parse("""func.func @f(%x: i32) -> i32 {
      %a = arith.addi %x, %x : i32
      %c = arith.constant 3 : i32
      %d = arith.constant 3 : i32
      %s = arith.addi %c, %d : i32
      %r = arith.addi %s, %a : i32
      return %r : i32
    }""")
    body = func_body(m)
    c, d = [o for o in body.ops if o.name == "arith.constant"]
    folder = OperationFolder()
    assert folder.insert_known_constant(c)
    assert body.first_op is c  # hoisted to the front of the entry block
    assert not folder.insert_known_constant(d)  # replaced by c and erased
    assert d.parent is None
    v = folder.get_or_create_constant(body, ARITH["arith.constant"].dialect, IntegerAttr(3, i32), i32)
    assert v is c.results[0]
    add = [o for o in body.ops if o.name == "arith.addi"][1]
    assert folder.try_to_fold(add)
    assert ops_of(body)[:2] == ["arith.constant", "arith.constant"]


def test_fold_operation_moves_constants_right_for_commutative_ops() -> None:
    m = parse("""func.func @f(%x: i32) -> i32 {
      %c = arith.constant 5 : i32
      %0 = arith.addi %c, %x : i32
      return %0 : i32
    }""")
    add = list(func_body(m).ops)[1]
    assert fold_operation(add) == []  # updated in place
    assert add.operand(1).defining_op.name == "arith.constant"
    assert fold_operation(add) is None


def test_apply_op_patterns_greedily_strictness() -> None:
    m = parse("""func.func @f(%x: i32) -> (i32, i32) {
      %c0 = arith.constant 0 : i32
      %a = arith.addi %x, %c0 : i32
      %b = arith.addi %x, %c0 : i32
      return %a, %b : i32, i32
    }""")
    body = func_body(m)
    a = list(body.ops)[1]
    res = apply_op_patterns_greedily([a], [])
    assert res.converged
    assert ops_of(body).count("arith.addi") == 1  # only %a was folded


# --- side-effect interfaces -------------------------------------------------------------------------------------


def test_memory_effects_from_traits() -> None:
    m = parse("""func.func @f(%x: i32) {
      %0 = arith.addi %x, %x : i32
      %1 = "rt.read"(%x) : (i32) -> i32
      "rt.write"(%x) : (i32) -> ()
      %2 = "rt.alloc"() : () -> i32
      %3 = "test.unknown"() : () -> i32
      "rt.loop"() ({
        %4 = "rt.read"(%x) : (i32) -> i32
        "rt.yield"() : () -> ()
      }) : () -> ()
      "rt.loop"() ({
        "rt.write"(%x) : (i32) -> ()
        "rt.yield"() : () -> ()
      }) : () -> ()
      return
    }""")
    add, read, write, alloc, unknown, loop_r, loop_w, ret = list(func_body(m).ops)
    assert get_memory_effects(add) == [] and is_memory_effect_free(add)
    assert [e.kind for e in get_memory_effects(read)] == [READ] and only_reads(read)  # type: ignore[union-attr]
    assert [e.kind for e in get_memory_effects(write)] == [WRITE]  # type: ignore[union-attr]
    assert get_memory_effects(unknown) is None and not is_memory_effect_free(unknown)
    assert get_effects_recursively(loop_r) is not None and not only_reads(loop_r)
    assert [e.kind for e in get_effects_recursively(loop_w)] == [WRITE]  # type: ignore[union-attr]
    assert is_trivially_dead(add) and is_trivially_dead(read) and is_trivially_dead(alloc)
    assert not would_op_be_trivially_dead(write) and not would_op_be_trivially_dead(unknown)
    assert would_op_be_trivially_dead(loop_r) and not would_op_be_trivially_dead(loop_w)
    assert not would_op_be_trivially_dead(ret)  # a terminator
    assert not would_op_be_trivially_dead(list(m.regions[0].blocks[0].ops)[0])  # a symbol


# --- CSE -----------------------------------------------------------------------------------------------------------


def test_cse_compares_regions_structurally() -> None:
    m = parse("""func.func @f(%x: i32) -> (i32, i32, i32) {
      %0 = "rt.pure_region"(%x) ({
      ^bb0(%a: i32):
        %s = arith.addi %a, %x : i32
        "rt.yield"(%s) : (i32) -> ()
      }) : (i32) -> i32
      %1 = "rt.pure_region"(%x) ({
      ^bb0(%b: i32):
        %t = arith.addi %b, %x : i32
        "rt.yield"(%t) : (i32) -> ()
      }) : (i32) -> i32
      %2 = "rt.pure_region"(%x) ({
      ^bb0(%c: i32):
        %u = arith.muli %c, %x : i32
        "rt.yield"(%u) : (i32) -> ()
      }) : (i32) -> i32
      return %0, %1, %2 : i32, i32, i32
    }""")
    drv = eliminate_common_subexpressions(m)
    assert drv.num_cse == 1
    assert ops_of(func_body(m)) == ["rt.pure_region", "rt.pure_region", "func.return"]


def test_cse_reads_and_writes() -> None:
    m = parse("""func.func @f(%x: i32) -> (i32, i32, i32, i32) {
      %0 = "rt.read"(%x) : (i32) -> i32
      %1 = "rt.read"(%x) : (i32) -> i32
      "rt.write"(%x) : (i32) -> ()
      %2 = "rt.read"(%x) : (i32) -> i32
      %3 = "rt.read"(%x) : (i32) -> i32
      return %0, %1, %2, %3 : i32, i32, i32, i32
    }""")
    drv = eliminate_common_subexpressions(m)
    assert drv.num_cse == 2
    assert ops_of(func_body(m)) == ["rt.read", "rt.write", "rt.read", "func.return"]


def test_region_dce_removes_dead_cycles_in_graph_regions() -> None:
    m = parse("""func.func @f(%x: i32) {
      %a = arith.addi %x, %x : i32
      "test.keep"(%x) : (i32) -> ()
      return
    }""")
    assert run_region_dce(PatternRewriter(), m.regions)
    assert ops_of(func_body(m)) == ["test.keep", "func.return"]


# --- arith folding semantics --------------------------------------------------------------------------------------


def _ref_int(name: str, a: int, b: int, w: int) -> int | None:
    """Reference semantics on unsigned w-bit values (None: undefined, not folded)."""
    m = (1 << w) - 1

    def s(v: int) -> int:
        return v - (1 << w) if v >> (w - 1) else v

    sa, sb = s(a), s(b)
    smin = -(1 << (w - 1))
    if name in ("arith.divsi", "arith.ceildivsi", "arith.floordivsi", "arith.remsi", "arith.divui", "arith.remui",
                "arith.ceildivui") and b == 0:
        return None
    if name in ("arith.divsi", "arith.ceildivsi", "arith.floordivsi") and sa == smin and sb == -1:
        return None
    table = {
        "arith.addi": a + b, "arith.subi": a - b, "arith.muli": a * b,
        "arith.divsi": int(Fraction(sa, sb)) if b else 0,
        "arith.ceildivsi": math.ceil(Fraction(sa, sb)) if b else 0,
        "arith.floordivsi": math.floor(Fraction(sa, sb)) if b else 0,
        "arith.remsi": sa - int(Fraction(sa, sb)) * sb if b else 0,
        "arith.divui": a // b if b else 0, "arith.remui": a % b if b else 0,
        "arith.ceildivui": math.ceil(Fraction(a, b)) if b else 0,
        "arith.maxsi": max(sa, sb), "arith.minsi": min(sa, sb), "arith.maxui": max(a, b), "arith.minui": min(a, b),
        "arith.shli": (a << b) if b < w else 0, "arith.shrui": (a >> b) if b < w else 0,
        "arith.shrsi": (sa >> b) if b < w else (-1 if sa < 0 else 0),
        "mulhs": (sa * sb) >> w, "mulhu": (a * b) >> w,
    }
    return table[name] & m


@pytest.mark.parametrize("w", [1, 3, 5])
def test_integer_semantics_exhaustive(w: int) -> None:
    ops = _int_ops(w)
    for name in ("arith.addi", "arith.subi", "arith.muli", "arith.divsi", "arith.ceildivsi", "arith.floordivsi",
                 "arith.remsi", "arith.divui", "arith.remui", "arith.ceildivui", "arith.maxsi", "arith.minsi",
                 "arith.maxui", "arith.minui", "arith.shli", "arith.shrui", "arith.shrsi", "mulhs", "mulhu"):
        for a in range(1 << w):
            for b in range(1 << w):
                assert ops[name](a, b) == _ref_int(name, a, b, w), (name, w, a, b)


def test_integer_semantics_i64_random() -> None:
    r = random.Random(0)
    ops = _int_ops(64)
    edge = [0, 1, 2, (1 << 63) - 1, 1 << 63, (1 << 64) - 1, (1 << 63) + 1]
    for _ in range(3000):
        a = r.choice(edge) if r.random() < 0.3 else r.getrandbits(64)
        b = r.choice(edge) if r.random() < 0.3 else r.getrandbits(r.choice([3, 16, 64]))
        for name in ("arith.addi", "arith.muli", "arith.divsi", "arith.ceildivsi", "arith.floordivsi", "arith.remsi",
                     "arith.shrsi", "mulhs", "mulhu"):
            assert ops[name](a, b) == _ref_int(name, a, b, 64), (name, a, b)


@pytest.mark.parametrize("kind,dtype", [("f16", np.float16), ("f32", np.float32), ("f64", np.float64)])
def test_float_folds_round_once_like_numpy(kind: str, dtype: Any) -> None:
    r = np.random.default_rng(1)
    t = FloatType(kind)
    vals = np.concatenate([r.standard_normal(200) * 10.0 ** r.integers(-6, 6, 200),
                           [0.0, -0.0, np.inf, -np.inf, 1.0, 3.0, 65504.0]])
    with np.errstate(all="ignore"):
        vals = vals.astype(dtype)
    with np.errstate(all="ignore"):
        for name, fn in (("arith.addf", np.add), ("arith.subf", np.subtract), ("arith.mulf", np.multiply),
                         ("arith.divf", np.divide)):
            cls = ARITH[name]
            for a, b in zip(vals, vals[::-1]):
                got = cls.fold(_fake(cls, t), [FloatAttr(float(a), t), FloatAttr(float(b), t)])
                want = fn(dtype(a), dtype(b))
                assert got is not None
                if not isinstance(got[0], FloatAttr):  # an identity fold (x * 1.0) returned an operand
                    continue
                g = got[0].value
                if np.isnan(want):
                    assert g != g
                else:
                    assert to_bits(g, kind) == to_bits(float(want), kind), (name, a, b)


def _fake(cls: type, t: Any) -> Any:
    """An op instance of ``cls`` on two block arguments of type ``t`` (for calling ``fold`` directly)."""
    blk = Block([t, t])
    return cls.create([blk.args[0], blk.args[1]], [t])


def test_int_to_float_is_correctly_rounded() -> None:
    for n in (16777217, 16777219, -16777217, (1 << 63) - 1, 2049, 2051, 65519, 65520, 9007199254740993):
        for kind in ("f16", "bf16", "f32", "f64"):
            got = _int_to_float(n, kind)
            if got in (float("inf"), float("-inf")):
                continue
            below = round_to(float(n), kind)
            assert abs(Fraction(got) - n) <= abs(Fraction(below) - n)


def test_cmpf_predicates_with_nan() -> None:
    nan = float("nan")
    assert not _cmpf("oeq", nan, 1.0) and _cmpf("ueq", nan, 1.0) and _cmpf("une", nan, nan)
    assert _cmpf("ord", 1.0, 2.0) and not _cmpf("uno", 1.0, 2.0) and _cmpf("oeq", -0.0, 0.0)


def test_canonicalize_api_roundtrip() -> None:
    m = parse("""func.func @f(%x: i1) -> i32 {
      %c1 = arith.constant 1 : i32
      %c0 = arith.constant 0 : i32
      %s = arith.select %x, %c1, %c0 : i32
      return %s : i32
    }""")
    canonicalize(m)
    assert "arith.extui %arg0 : i1 to i32" in print_op(m)
    assert IntegerType(1) == i1
