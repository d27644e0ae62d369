"""``convert-tc-to-linalg``: every ``tc.comprehension`` becomes a ``linalg.generic`` on tensors.

The statement ``O(n, f, h, w) +=! I(n, c, 2*h + r, 2*w + s) * W(f, c, r, s)`` is a loop nest over its index
variables, the left-hand ones first (``parallel`` iterators), then the reduction indices (``reduction``) in order of
first appearance (:attr:`mlir_py.tc_lang.Comprehension.indices`), which is what ``linalg.generic`` expresses
(mlir/docs/Dialects/Linalg/_index.md; Vasilache et al., "Tensor Comprehensions", 2018, section 3):

- **indexing maps** come from the subscripts: each tensor read is one input whose map has one affine result per
  subscript, ``(d0, ..., d6) -> (d0, d4, d2 * 2 + d5, d3 * 2 + d6)``; a loop over ``[lo, hi)`` with ``lo != 0``
  is ``d + lo``. linalg derives its loop bounds from the operand dimensions that are plain loop dimensions, so a
  read whose plain subscript ranges over fewer elements than the dimension holds (``where`` ranges, offsets
  ``A(i + 1)``) reads a ``tensor.extract_slice`` of exactly that range, and a loop that is a plain dimension of no
  operand (a pooling window ``I(h + r)``) gets a ``tensor.empty`` of its extent as an extra input whose element is
  not used, as MLIR's pooling ops take a window tensor. Scalar operands are inputs with the map ``(...) -> ()``;
- the **output** is the init operand (a reduction without ``!``), a ``linalg.fill`` of the reduction's identity
  (``!``: 0, 1, -inf, +inf for ``+ * max min``, the type's min/max for integers), a ``linalg.fill`` of 0 when an
  ``=`` statement writes only part of the result, or a ``tensor.empty``; when the left-hand ranges do not start at
  0, the generic op writes a slice that ``tensor.insert_slice`` puts back;
- the **payload** is the right-hand side as ``arith``/``math`` ops on the block arguments (``linalg.index`` for
  index variables used as values), combined with the output element by ``arith.addf``/``addi``, ``mulf``/``muli``,
  ``maximumf``/``maxsi`` or ``minimumf``/``minsi`` for a reduction. Casts are ``sitofp``/``fptosi``/``extf``/
  ``truncf``/``extsi``/``trunci``/``index_cast``; ``/`` and ``%`` on integers are ``divsi``/``remsi`` (C
  truncation), ``min``/``max`` on floats ``minimumf``/``maximumf`` (NaN-propagating), ``fmin``/``fmax``
  ``minnumf``/``maxnumf``. A read whose subscripts are not all affine in the indices (``X(i / 2)``,
  ``A(i % 3)``) is a ``tensor.extract`` in the payload at the computed position (a gather).

Dynamic sizes (``tensor<?x?xf32>``, what ``mlir-py-translate --import-tc`` gives without ``--tc-sizes``): an index
whose range is a dynamic size takes it from an operand dimension it reads with a plain subscript (``tensor.dim``
for the result's ``tensor.empty``; linalg infers the loop bound from the operand itself; as TC's repeated size
variables require, operands read with the same index are assumed to agree), and a ``where`` bound over sizes
(``k in 0:A.1 - 2``) becomes ``index`` arithmetic on ``tensor.dim`` values and a slice of that size; a size used as
a value (``float(A.1)``) is a scalar ``index`` input.

The interpreter gives the same results before and after (tests/unit/test_tc_interp.py), and the output verifies
in upstream MLIR (``iree-opt``).

Errors (the pass fails at the op, ``cannot convert to linalg: ...``): with dynamic sizes, an index whose range no
operand dimension gives directly (``C(i) +=! A(i + k) where k in 0:3``: the range of ``i`` is ``A.0 - 2``) or whose
lower bound depends on a size (``A(3 - i)``); specialize the sizes first (``--tc-sizes``).
"""

from __future__ import annotations

from typing import Any

from dialects import arith as A
from dialects import math as M
from dialects.linalg import FillOp, GenericOp, IndexOp
from dialects.tc import ComprehensionOp
from dialects.tensor import DimOp, EmptyOp, ExtractOp, ExtractSliceOp, InsertSliceOp
from mlir_py.affine import AffineConstantExpr, AffineDimExpr, AffineExpr, AffineMap
from mlir_py.attributes import (
    DYNAMIC,
    FloatAttr,
    FloatType,
    IndexType,
    IntegerAttr,
    IntegerType,
    RankedTensorType,
    Type,
    i1,
    i64,
    index,
)
from mlir_py.ir import Block, Operation, Value
from mlir_py.pass_manager import Pass, register_pass
from mlir_py.rewrite import PatternRewriter
from mlir_py.tc_lang import (
    CASTS,
    Binary,
    Call,
    Comprehension,
    Dim,
    Expr,
    Lin,
    Name,
    Num,
    RangeClause,
    Select,
    TcError,
    Unary,
    affine_form,
    identity,
    is_float,
    walk,
)

_OPS: dict[str, Any] = {**A.DIALECT.ops, **M.DIALECT.ops, "linalg.index": IndexOp}  # type: ignore[dict-item]
_FLOAT_BIN = {"+": "addf", "-": "subf", "*": "mulf", "/": "divf", "%": "remf"}
_INT_BIN = {"+": "addi", "-": "subi", "*": "muli", "/": "divsi", "%": "remsi"}
_FCMP = {"==": "oeq", "!=": "une", "<": "olt", "<=": "ole", ">": "ogt", ">=": "oge"}
_ICMP = {"==": "eq", "!=": "ne", "<": "slt", "<=": "sle", ">": "sgt", ">=": "sge"}
_FLOAT_FN = {"exp": "math.exp", "log": "math.log", "sqrt": "math.sqrt", "rsqrt": "math.rsqrt", "tanh": "math.tanh",
             "erf": "math.erf", "abs": "math.absf", "fabs": "math.absf", "floor": "math.floor", "ceil": "math.ceil",
             "sin": "math.sin", "cos": "math.cos", "min": "arith.minimumf", "max": "arith.maximumf",
             "fmin": "arith.minnumf", "fmax": "arith.maxnumf", "pow": "math.powf", "powf": "math.powf"}
_INT_FN = {"abs": "math.absi", "fabs": "math.absi", "min": "arith.minsi", "max": "arith.maxsi",
           "fmin": "arith.minsi", "fmax": "arith.maxsi"}
_COMBINE_F = {"+": "arith.addf", "*": "arith.mulf", "max": "arith.maximumf", "min": "arith.minimumf"}
_COMBINE_I = {"+": "arith.addi", "*": "arith.muli", "max": "arith.maxsi", "min": "arith.minsi"}

def _attr(value: int | float, t: Type) -> Any:
    return FloatAttr(float(value), t) if isinstance(t, FloatType) else IntegerAttr(int(value), t)


class _Payload:
    """Appends the payload ops of one comprehension to ``block``."""

    def __init__(self, c: Comprehension, block: Block, args: dict[int, Value], loc: Any,
                 gathers: dict[int, Value]):
        self.c, self.block, self.args, self.loc, self.gathers = c, block, args, loc, gathers
        self.dim = {v: i for i, v in enumerate(c.indices)}
        self.iv: dict[str, Value] = {}  # index variable -> its index value

    def op(self, name: str, operands: list[Value], t: Type, props: dict[str, Any] | None = None) -> Value:
        o = _OPS[name].create(operands, [t], props or {}, location=self.loc)
        self.block.append(o)
        return o.results[0]

    def const(self, value: int | float, t: Type) -> Value:
        return self.op("arith.constant", [], t, {"value": _attr(value, t)})

    def cast(self, v: Value, dst: Type) -> Value:
        src = v.type
        if src == dst:
            return v
        if dst == i1:
            zero = self.const(0, src)
            if isinstance(src, FloatType):
                return self.op("arith.cmpf", [v, zero], i1, {"predicate": A.CMPF_PREDICATE.attr("une")})
            return self.op("arith.cmpi", [v, zero], i1, {"predicate": A.CMPI_PREDICATE.attr("ne")})
        if isinstance(src, IndexType):
            return self.cast(self.op("arith.index_cast", [v], i64 if isinstance(dst, FloatType) else dst), dst)
        if isinstance(dst, IndexType):
            return self.op("arith.index_cast", [self.cast(v, i64) if isinstance(src, FloatType) else v], dst)
        if isinstance(src, FloatType) and isinstance(dst, FloatType):
            return self.op("arith.extf" if dst.width > src.width else "arith.truncf", [v], dst)
        if isinstance(src, FloatType):
            return self.op("arith.fptosi", [v], dst)
        if isinstance(dst, FloatType):
            return self.op("arith.uitofp" if src == i1 else "arith.sitofp", [v], dst)
        assert isinstance(src, IntegerType) and isinstance(dst, IntegerType)
        if dst.width > src.width:
            return self.op("arith.extui" if src == i1 else "arith.extsi", [v], dst)
        return self.op("arith.trunci", [v], dst)

    def emit(self, e: Expr) -> Value:
        t = self.c.type_of(e)
        if isinstance(e, Num):
            return self.const(e.value, t)
        if isinstance(e, Name):
            if e.name in self.dim:
                if e.name not in self.iv:
                    v = self.op("linalg.index", [], index, {"dim": IntegerAttr(self.dim[e.name], i64)})
                    lo = self.c.ranges[e.name][0] or 0
                    self.iv[e.name] = self.op("arith.addi", [v, self.const(lo, index)], index) if lo else v
                return self.cast(self.iv[e.name], t)
            return self.args[id(e)]
        if isinstance(e, Dim):
            if id(e) in self.args:
                return self.cast(self.args[id(e)], t)
            return self.const(self.c.operands[e.tensor].shape[e.dim], t)  # type: ignore[attr-defined]
        if isinstance(e, Call):
            if id(e) in self.args:
                return self.args[id(e)]
            if id(e) in self.gathers:
                subs = [self.cast(self.emit(a), index) for a in e.args]
                ex = ExtractOp.create([self.gathers[id(e)], *subs], [t], location=self.loc)
                self.block.append(ex)
                return ex.results[0]
            xs = [self.emit(a) for a in e.args]
            if e.name in CASTS:
                return self.cast(xs[0], t)
            table = _FLOAT_FN if is_float(t) else _INT_FN
            return self.op(table[e.name], xs, t)
        if isinstance(e, Unary):
            x = self.emit(e.x)
            if e.op == "!":
                return self.op("arith.xori", [x, self.const(1, i1)], i1)
            if is_float(t):
                return self.op("arith.negf", [x], t)
            return self.op("arith.subi", [self.const(0, t), x], t)
        if isinstance(e, Select):
            cond = self.emit(e.cond)
            return self.op("arith.select", [cond, self.emit(e.a), self.emit(e.b)], t)
        assert isinstance(e, Binary)
        a, b = self.emit(e.a), self.emit(e.b)
        if e.op == "&&":
            return self.op("arith.andi", [a, b], i1)
        if e.op == "||":
            return self.op("arith.ori", [a, b], i1)
        if e.op in _FCMP:
            if isinstance(a.type, FloatType):
                return self.op("arith.cmpf", [a, b], i1, {"predicate": A.CMPF_PREDICATE.attr(_FCMP[e.op])})
            return self.op("arith.cmpi", [a, b], i1, {"predicate": A.CMPI_PREDICATE.attr(_ICMP[e.op])})
        return self.op("arith." + (_FLOAT_BIN if is_float(t) else _INT_BIN)[e.op], [a, b], t)


def _lin(c: Comprehension, e: Expr) -> Lin | None:
    """A subscript as ``{index: coefficient, None: constant}`` (static sizes), ``None`` if not affine."""
    def size(t: str, d: int) -> int | None:
        s: int = c.operands[t].shape[d]  # type: ignore[attr-defined]
        return None if s == DYNAMIC else s

    return affine_form(e, c.indices, size)


def lower_comprehension(op: ComprehensionOp, rw: PatternRewriter) -> Value:
    """Build the ``linalg.generic`` (and its fill / slices) computing ``op`` before it; returns the new result.

    Raises :class:`ValueError` with a message for the unsupported cases of the module docstring."""
    try:
        c = op.comprehension()
    except TcError as e:  # the verifier has already run; keep the message if called on unverified IR
        raise ValueError(e.message) from None
    st, loc = c.stmt, op.location
    rt = op.result.type
    assert isinstance(rt, RankedTensorType)
    et = c.element_type
    n = len(c.indices)
    names = op.input_names()
    value_of = dict(zip(names, op.inputs))
    where = {cl.var: cl for cl in st.where if isinstance(cl, RangeClause)}
    lo: dict[str, int] = {}
    ext: dict[str, int | None] = {}  # None: dynamic, from a where clause (`dyn`) or an operand dimension (`source`)
    source: dict[str, tuple[Value, int]] = {}
    dyn: dict[str, Value] = {}
    rw.set_insertion_point(op)

    def create(cls: type[Operation], operands: list[Value], t: Type, props: dict[str, Any] | None = None) -> Value:
        return rw.create(cls, operands, [t], props or {}, location=loc).results[0]

    def cst(value: int) -> Value:
        return create(_OPS["arith.constant"], [], index, {"value": IntegerAttr(value, index)})

    def dim(value: Value, d: int) -> Value:
        return create(DimOp, [value, cst(d)], index)

    def size_value(e: Expr) -> Value:
        """A where bound (numbers, sizes, + - * / %) as an index value."""
        if isinstance(e, Num):
            return cst(int(e.value))
        if isinstance(e, Dim):
            s = c.operands[e.tensor].shape[e.dim]  # type: ignore[attr-defined]
            return dim(value_of[e.tensor], e.dim) if s == DYNAMIC else cst(s)
        if isinstance(e, Unary):
            return create(_OPS["arith.subi"], [cst(0), size_value(e.x)], index)
        assert isinstance(e, Binary)
        return create(_OPS["arith." + _INT_BIN[e.op]], [size_value(e.a), size_value(e.b)], index)

    for v in c.indices:
        a, b = c.ranges[v]
        if a is None:
            raise ValueError(f"the lower bound of '{v}' depends on a dynamic size: specialize the sizes first")
        lo[v], ext[v] = a, None if b is None else b - a
        if b is None and v in where:
            hi = size_value(where[v].hi)
            dyn[v] = create(_OPS["arith.subi"], [hi, cst(a)], index) if a else hi
        elif b is None:
            found = [(value_of[x.name], d) for x in c.reads if isinstance(x, Call)
                     for d, sub in enumerate(x.args) if _lin(c, sub) == {v: 1} and a == 0]
            if not found:
                raise ValueError(f"the range of '{v}' depends on dynamic sizes that no read gives directly: "
                                 f"specialize the sizes first")
            source[v] = found[0]

    def size(v: str) -> int | Value:
        e = ext[v]
        return e if e is not None else dyn[v] if v in dyn else dim(*source[v])

    # --- the output --------------------------------------------------------------------------------------------
    lhs = [v for v, _ in st.indices]
    covers = all(lo[v] == 0 and v not in dyn and ext[v] in (None, rt.shape[d]) for d, v in enumerate(lhs))
    if st.accumulates:
        assert op.init is not None
        dest = op.init
    else:
        empty = EmptyOp.build_empty([size(v) if rt.shape[d] == DYNAMIC else rt.shape[d] for d, v in enumerate(lhs)],
                                    et, location=loc)
        rw.insert(empty)
        dest = empty.results[0]
        if st.is_reduction or not covers:
            value = identity(st.op, et) if st.is_reduction else 0
            first = create(_OPS["arith.constant"], [], et, {"value": _attr(value, et)})
            fill = FillOp.build_named([first], [dest], location=loc)
            rw.insert(fill)
            dest = fill.results[0]
    out = dest
    if not covers:
        sl = ExtractSliceOp.build_slice(dest, [lo[v] for v in lhs], [size(v) for v in lhs], [1] * len(lhs),
                                        location=loc)
        rw.insert(sl)
        out = sl.results[0]

    # --- the inputs --------------------------------------------------------------------------------------------
    inputs: list[Value] = []
    maps: list[AffineMap] = []
    arg_of: dict[int, int] = {}  # id(read node) -> input position
    keys: dict[Any, int] = {}
    plain: set[str] = set(lhs)
    gathers: dict[int, Value] = {}

    def add_input(v: Value, m: AffineMap, key: Any) -> int:
        if key not in keys:
            keys[key] = len(inputs)
            inputs.append(v)
            maps.append(m)
        return keys[key]

    for x in c.reads:
        src = value_of[x.name]
        if isinstance(x, Name):
            arg_of[id(x)] = add_input(src, AffineMap(n, 0, []), (x.name,))
            continue
        t = src.type
        assert isinstance(t, RankedTensorType)
        exprs: list[AffineExpr] = []
        offsets, sizes, sliced = [], [], False
        if any(_lin(c, sub) is None for sub in x.args):
            gathers[id(x)] = src  # read with tensor.extract in the payload
            continue
        for d, sub in enumerate(x.args):
            f = _lin(c, sub)
            assert f is not None
            vs = [k for k, a in f.items() if k is not None and a != 0]
            const = f.get(None, 0) + sum(a * lo[k] for k, a in f.items() if k is not None)
            if len(vs) == 1 and f[vs[0]] == 1:
                v = vs[0]
                exprs.append(AffineDimExpr(c.indices.index(v)))
                plain.add(v)
                offsets.append(const)
                sizes.append(t.shape[d] if v in source else size(v))
                sliced |= const != 0 or v in dyn or ext[v] not in (None, t.shape[d])
                continue
            ae: AffineExpr = AffineConstantExpr(const)
            for k in vs:
                ae = ae + AffineDimExpr(c.indices.index(k)) * f[k]
            exprs.append(ae)
            offsets.append(0)
            sizes.append(t.shape[d])
        if sliced:
            sizes = [dim(src, d) if s == DYNAMIC else s for d, s in enumerate(sizes)]
            s = ExtractSliceOp.build_slice(src, offsets, sizes, [1] * len(sizes), location=loc)
            rw.insert(s)
            src = s.results[0]
        arg_of[id(x)] = add_input(src, AffineMap(n, 0, exprs), (x.name, tuple(offsets), tuple(map(str, sizes)),
                                                                AffineMap(n, 0, exprs)))
    for node in walk(st.rhs):  # dynamic sizes used as values are scalar inputs
        if isinstance(node, Dim) and c.operands[node.tensor].shape[node.dim] == DYNAMIC:  # type: ignore[attr-defined]
            arg_of[id(node)] = add_input(dim(value_of[node.tensor], node.dim), AffineMap(n, 0, []),
                                         ("dim", node.tensor, node.dim))
    window = [v for v in c.indices if v not in plain]
    if window:  # loops no operand dimension bounds: their extents come from an unused operand, as in pooling ops
        we = EmptyOp.build_empty([size(v) for v in window], et, location=loc)
        rw.insert(we)
        w = we.results[0]
        add_input(w, AffineMap(n, 0, [AffineDimExpr(c.indices.index(v)) for v in window]), ("window",))

    # --- the generic op ----------------------------------------------------------------------------------------
    out_map = AffineMap(n, 0, [AffineDimExpr(i) for i in range(len(lhs))])
    iters = ["parallel"] * c.n_parallel + ["reduction"] * (n - c.n_parallel)

    def body(block: Block) -> list[Value]:
        pb = _Payload(c, block, {k: block.args[i] for k, i in arg_of.items()}, loc, gathers)
        val = pb.emit(st.rhs)
        if not st.is_reduction:
            return [val]
        acc = block.args[len(inputs)]
        return [pb.op((_COMBINE_F if is_float(et) else _COMBINE_I)[st.op], [acc, val], et)]

    g = GenericOp.build_generic(inputs, [out], [*maps, out_map], iters, body, location=loc)
    rw.insert(g)
    res = g.results[0]
    if not covers:
        ins = InsertSliceOp.build_insert_slice(res, dest, [lo[v] for v in lhs], [size(v) for v in lhs],
                                               [1] * len(lhs), location=loc)
        rw.insert(ins)
        res = ins.results[0]
    return res


@register_pass
class ConvertTcToLinalgPass(Pass):
    """Lower every ``tc.comprehension`` to ``linalg.generic`` with maps from its subscripts, iterator types from
    its reduction indices and a payload from its expression; ``!`` becomes a ``linalg.fill`` of the identity (see
    the module docstring for the whole mapping and the unsupported cases)."""

    argument = "convert-tc-to-linalg"
    summary = "Convert Tensor Comprehensions (tc.comprehension) to linalg.generic"
    name = "ConvertTcToLinalgPass"
    statistic_defs = {"num-converted": "Number of tc.comprehension ops converted"}

    def run_on_operation(self, op: Operation) -> None:
        rw = PatternRewriter()
        todo = [o for o in op.walk() if isinstance(o, ComprehensionOp)]
        for tc in todo:
            try:
                new = lower_comprehension(tc, rw)
            except ValueError as e:
                raise self.failure(f"cannot convert to linalg: {e}", tc) from None
            rw.replace_op(tc, [new])
            self.statistics["num-converted"] += 1


__all__ = ["ConvertTcToLinalgPass", "lower_comprehension"]
