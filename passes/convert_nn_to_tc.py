"""``convert-nn-to-tc``: lower every nn op to Tensor Comprehensions (``tc.comprehension``) and upstream tensor ops.

Each nn op becomes one or more TC statements in Einstein notation (Vasilache et al., "Tensor Comprehensions",
2018; the language is :mod:`mlir_py.tc_lang`), whose meaning is the op's ONNX semantics
(``mlir_py/interpreter_impls/nn.py``). Index variables are lower case (``i0, i1, ...`` for result dimensions,
``k..`` for reductions), tensor names upper case. The lowering of each op:

- elementwise ops: one statement; numpy broadcasting reads a size-1 operand dimension at subscript 0
  (``O(i0, i1) = X(i0, i1) + Y(0, i1)``); ``relu`` is ``max(X, 0.0)``, ``sigmoid`` ``1 / (1 + exp(-X))``,
  ``gelu`` ``0.5·X·(1 + erf(X/√2))`` (or its tanh form); ``nn.dropout`` is removed (the identity);
- ``matmul`` / ``gemm``: ``O(m, n) +=! A(m, k) * B(k, n)`` (batch dimensions broadcast, 1-D operands promoted as
  numpy); gemm's ``beta·C`` is a first statement used as the init of ``O(m, n) += alpha * A(m, k) * B(k, n)``;
- ``conv2d``: ``tensor.pad`` with zeros for ``pads``, then ``O(n, m, h, w) +=! X(n, c, sh*h + dh*kh, sw*w + dw*kw)
  * W(m, c, kh, kw)``, accumulated into the broadcast bias when there is one; with ``group`` > 1 the input and
  weight are split into a group dimension (``tensor.expand_shape``) and the result collapsed back;
- pooling: ``tensor.pad`` (``-inf`` for max, zeros for average; extra end padding for ``ceil_mode`` windows),
  ``O(n, c, h, w) max=! X(n, c, sh*h + kh, sw*w + kw) where kh in 0:KH, kw in 0:KW``; the average divides by the
  window size, or by a constant (OH, OW) tensor of per-window counts when padding is excluded;
- sequences: ``softmax`` / ``log_softmax`` (max, exp of the difference, sum, divide — the stable form),
  ``layer_norm`` (sum, centre, sum of squares, ``rsqrt``, scale and shift), ``batch_norm`` (per-channel factor
  ``scale / sqrt(var + eps)`` and shift, then one multiply-add), ``lrn`` (squares, zero padding of the channel
  dimension, a windowed sum ``where j in 0:size``, ``pow``), ``global_avgpool`` and ``reduce_mean`` (sum, divide);
- shapes: ``flatten`` / ``reshape`` as ``tensor.collapse_shape`` / ``tensor.expand_shape`` (both when neither
  alone fits), ``transpose`` as one statement, ``concat`` as ``tensor.insert_slice`` s into a ``tensor.empty``,
  ``pad`` as ``tensor.extract_slice`` (negative pads) and ``tensor.pad`` (constant mode) or TC statements for the
  border pieces (``reflect``, ``edge``, ``wrap``) inserted beside the input;
- ``nn.constant`` becomes ``arith.constant`` with the same value (dense or ``dense_resource``).

Every statement's subscripts are affine, so ``convert-tc-to-linalg`` can derive indexing maps from them. The
conversion is a partial dialect conversion with the nn dialect illegal: an op left unconverted is a located
``failed to legalize`` error.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from dialects import arith, nn
from dialects import tensor as T
from dialects.tc import ComprehensionOp
from mlir_py.attributes import DenseElementsAttr, FloatAttr, IntegerAttr, IntegerType, RankedTensorType, Type
from mlir_py.conversion import ConversionTarget, apply_partial_conversion
from mlir_py.diagnostics import VerifyError
from mlir_py.ir import Operation, Value
from mlir_py.pass_manager import Pass, register_pass
from mlir_py.rewrite import PatternRewriter, RewritePattern


def lit(v: float) -> str:
    """A TC float literal for the f32 value ``v`` (shortest round-trip spelling, always with a ``.``)."""
    import numpy as np
    s = repr(float(np.float32(v)))
    if "e" in s and "." not in s:
        s = s.replace("e", ".0e")
    return s


def idx(n: int, prefix: str = "i") -> list[str]:
    return [f"{prefix}{d}" for d in range(n)]


def call(name: str, subs: Sequence[str]) -> str:
    return f"{name}({', '.join(subs)})"


def read(name: str, shape: Sequence[int], out_idx: Sequence[str], out_shape: Sequence[int]) -> str:
    """``name`` read at ``out_idx`` under numpy broadcasting: dimensions aligned from the right, a size-1
    dimension of a larger result read at 0."""
    off = len(out_idx) - len(shape)
    return call(name, [out_idx[off + d] if shape[d] == out_shape[off + d] else "0" for d in range(len(shape))])


def affine(stride: int, var: str, dilation: int, kvar: str) -> str:
    """``stride*var + dilation*kvar`` without unit factors."""
    a = var if stride == 1 else f"{stride} * {var}"
    b = kvar if dilation == 1 else f"{dilation} * {kvar}"
    return f"{a} + {b}"


def where(ranges: Sequence[tuple[str, int]]) -> str:
    return (" where " + ", ".join(f"{v} in 0:{n}" for v, n in ranges)) if ranges else ""


def shape_of(v: Value) -> tuple[int, ...]:
    return tuple(v.type.shape)  # type: ignore[attr-defined]


def reassociation(big: Sequence[int], small: Sequence[int]) -> list[list[int]] | None:
    """Groups of consecutive dimensions of ``big`` whose products are the dimensions of ``small`` (unit dimensions
    joining the group before them, or the first group), or None when there is none."""
    if not small:
        return [] if all(d == 1 for d in big) else None
    groups: list[list[int]] = []
    i = 0
    for target in small:
        if i >= len(big):
            return None
        g, prod = [i], big[i]
        i += 1
        while prod < target and i < len(big):
            g.append(i)
            prod *= big[i]
            i += 1
        if prod != target:
            return None
        groups.append(g)
    if any(big[j] != 1 for j in range(i, len(big))):
        return None
    groups[-1].extend(range(i, len(big)))
    return groups


class Lowering:
    """Builds the replacement of one nn op at the rewriter's insertion point."""

    def __init__(self, op: Operation, rewriter: PatternRewriter):
        self.op, self.rw, self.loc = op, rewriter, op.location
        self.out: RankedTensorType = op.results[0].type  # type: ignore[assignment]
        self.et: Type = self.out.element_type

    # --- building blocks -----------------------------------------------------------------------------------------
    def tc(self, stmt: str, inputs: dict[str, Value], init: Value | None = None,
           result_type: Type | None = None) -> Value:
        op = ComprehensionOp.build_from_text(stmt, inputs, init=init, result_type=result_type, location=self.loc)
        self.rw.insert(op)
        return op.results[0]

    def insert(self, op: Operation) -> Value:
        self.rw.insert(op)
        return op.results[0]

    def scalar(self, v: float, et: Type | None = None) -> Value:
        et = et or self.et
        attr = IntegerAttr(int(v), et) if isinstance(et, IntegerType) else FloatAttr(float(v), et)
        return self.insert(arith.ConstantOp.from_value(attr, location=self.loc))

    def pad(self, x: Value, low: Sequence[int], high: Sequence[int], fill: float) -> Value:
        if not any(low) and not any(high):
            return x
        et = x.type.element_type  # type: ignore[attr-defined]
        return self.insert(T.PadOp.build_pad(x, list(low), list(high), self.scalar(fill, et), location=self.loc))

    def reshape(self, x: Value, shape: Sequence[int]) -> Value:
        src = shape_of(x)
        if tuple(shape) == src:
            return x
        g = reassociation(src, shape)
        if g is not None:
            return self.insert(T.CollapseShapeOp.build_collapse(x, g, location=self.loc))
        g = reassociation(shape, src)
        if g is not None:
            return self.insert(T.ExpandShapeOp.build_expand(x, g, list(shape), location=self.loc))
        flat = self.insert(T.CollapseShapeOp.build_collapse(x, [list(range(len(src)))], location=self.loc))
        return self.insert(T.ExpandShapeOp.build_expand(flat, [list(range(len(shape)))], list(shape),
                                                        location=self.loc))

    def props(self) -> nn._Props:
        return nn._Props(type(self.op), self.op.properties)  # type: ignore[arg-type]

    # --- elementwise ---------------------------------------------------------------------------------------------
    def elementwise(self, fmt: str, xs: Sequence[Value]) -> Value:
        """``O(i...) = fmt.format(X0(..), X1(..), ...)`` with broadcasting reads."""
        o = idx(self.out.rank)
        names = [f"X{j}" for j in range(len(xs))]
        reads = [read(n, shape_of(x), o, self.out.shape) for n, x in zip(names, xs)]
        bound = {s for r in reads for s in r[r.index("(") + 1:-1].split(", ")}
        free = [(v, n) for v, n in zip(o, self.out.shape) if v not in bound]
        return self.tc(f"{call('O', o)} = {fmt.format(*reads)}{where(free)}", dict(zip(names, xs)))

    def binary(self) -> Value:
        fmt = {nn.AddOp: "{} + {}", nn.SubOp: "{} - {}", nn.MulOp: "{} * {}", nn.DivOp: "{} / {}",
               nn.MaxOp: "max({}, {})", nn.MinOp: "min({}, {})", nn.PowOp: "pow({}, {})"}[type(self.op)]  # type: ignore[index]
        a, b = self.op.operands
        if isinstance(self.op, nn.PowOp) and b.type.element_type != a.type.element_type:  # type: ignore[attr-defined]
            fmt = "pow({}, float({}))"
        return self.elementwise(fmt, [a, b])

    def sum(self) -> Value:
        xs = list(self.op.operands)
        return self.elementwise(" + ".join("{}" for _ in xs), xs)

    def unary(self) -> Value:
        p, op = self.props(), self.op
        if isinstance(op, nn.LeakyReluOp):
            a = lit(p.float("alpha") or 0.0)
            return self.elementwise("{0} >= 0.0 ? {0} : " + a + " * {0}", [op.operand(0)])
        if isinstance(op, nn.ClipOp):
            fmt = "{0}"
            lo, hi = p.float("min"), p.float("max")
            if lo is not None:
                fmt = f"max({fmt}, {lit(lo)})"
            if hi is not None:
                fmt = f"min({fmt}, {lit(hi)})"
            return self.elementwise(fmt, [op.operand(0)])
        if isinstance(op, nn.GeluOp):
            if p.str("approximate") == "tanh":
                fmt = (f"0.5 * {{0}} * (1.0 + tanh({lit(math.sqrt(2 / math.pi))} * "
                       "({0} + 0.044715 * {0} * {0} * {0})))")
            else:
                fmt = f"0.5 * {{0}} * (1.0 + erf({{0}} * {lit(1 / math.sqrt(2))}))"
            return self.elementwise(fmt, [op.operand(0)])
        fmt = {nn.ReluOp: "max({0}, 0.0)", nn.SigmoidOp: "1.0 / (1.0 + exp(-{0}))", nn.TanhOp: "tanh({0})",
               nn.ExpOp: "exp({0})", nn.SqrtOp: "sqrt({0})", nn.ErfOp: "erf({0})"}[type(op)]  # type: ignore[index]
        return self.elementwise(fmt, [op.operand(0)])

    # --- softmax, normalizations ---------------------------------------------------------------------------------
    def softmax(self) -> Value:
        x = self.op.operand(0)
        o = idx(self.out.rank)
        axis = nn.normalize_axis(self.props().int("axis"), self.out.rank)
        red = o[:axis] + o[axis + 1:]
        m = self.tc(f"{call('M', red)} max=! {call('X', o)}", {"X": x})
        e = self.tc(f"{call('E', o)} = exp({call('X', o)} - {call('M', red)})", {"X": x, "M": m})
        s = self.tc(f"{call('S', red)} +=! {call('E', o)}", {"E": e})
        if isinstance(self.op, nn.LogSoftmaxOp):
            return self.tc(f"{call('O', o)} = {call('X', o)} - {call('M', red)} - log({call('S', red)})",
                           {"X": x, "M": m, "S": s})
        return self.tc(f"{call('O', o)} = {call('E', o)} / {call('S', red)}", {"E": e, "S": s})

    def batch_norm(self) -> Value:
        x, scale, b, mean, var = self.op.operands
        eps = lit(self.props().float("epsilon") or 0.0)
        f = self.tc(f"F(c) = S(c) / sqrt(V(c) + {eps})", {"S": scale, "V": var})
        g = self.tc("G(c) = B(c) - M(c) * F(c)", {"B": b, "M": mean, "F": f})
        o = ["n", "c"] + idx(self.out.rank - 2, "d")
        return self.tc(f"{call('O', o)} = {call('X', o)} * F(c) + G(c)", {"X": x, "F": f, "G": g})

    def layer_norm(self) -> Value:
        x, *params = self.op.operands
        p = self.props()
        o = idx(self.out.rank)
        axis = nn.normalize_axis(p.int("axis"), self.out.rank)
        outer, count = o[:axis], lit(math.prod(self.out.shape[axis:]))
        s1 = self.tc(f"{call('S', outer)} +=! {call('X', o)}", {"X": x})
        d = self.tc(f"{call('D', o)} = {call('X', o)} - {call('S', outer)} / {count}", {"X": x, "S": s1})
        s2 = self.tc(f"{call('Q', outer)} +=! {call('D', o)} * {call('D', o)}", {"D": d})
        r = self.tc(f"{call('R', outer)} = rsqrt({call('Q', outer)} / {count} + {lit(p.float('epsilon') or 0.0)})",
                    {"Q": s2})
        expr = (f"{call('D', o)} * {call('R', outer)} * "
                f"{read('G', shape_of(params[0]), o, self.out.shape)}")
        ins = {"D": d, "R": r, "G": params[0]}
        if len(params) == 2:
            expr += f" + {read('B', shape_of(params[1]), o, self.out.shape)}"
            ins["B"] = params[1]
        return self.tc(f"{call('O', o)} = {expr}", ins)

    def lrn(self) -> Value:
        x = self.op.operand(0)
        p = self.props()
        size = p.int("size")
        lo, hi = (size - 1) // 2, -(-(size - 1) // 2)
        o = ["n", "c"] + idx(self.out.rank - 2, "d")
        rest = o[2:]
        q = self.tc(f"{call('Q', o)} = {call('X', o)} * {call('X', o)}", {"X": x})
        zeros = [0] * self.out.rank
        qp = self.pad(q, [0, lo] + zeros[2:], [0, hi] + zeros[2:], 0.0)
        w = self.tc(f"{call('W', o)} +=! {call('P', ['n', 'c + j'] + rest)} where j in 0:{size}", {"P": qp})
        alpha, beta, bias = p.float("alpha"), p.float("beta"), p.float("bias")
        assert alpha is not None and beta is not None and bias is not None
        return self.tc(f"{call('O', o)} = {call('X', o)} / pow({lit(bias)} + {lit(alpha / size)} * {call('W', o)}, "
                       f"{lit(beta)})", {"X": x, "W": w})

    # --- matrix products, convolution ----------------------------------------------------------------------------
    def matmul(self) -> Value:
        a, b = self.op.operands
        sa, sb = shape_of(a), shape_of(b)
        a2 = (1, *sa) if len(sa) == 1 else sa
        b2 = (*sb, 1) if len(sb) == 1 else sb
        batch = nn.broadcast_shapes(a2[:-2], b2[:-2])
        bi = idx(len(batch), "b")
        ra = read("A", a2[:-2], bi, batch)[2:-1] if len(a2) > 2 else ""
        rb = read("B", b2[:-2], bi, batch)[2:-1] if len(b2) > 2 else ""
        sub_a = ([ra] if ra else []) + (["m"] if len(sa) > 1 else []) + ["k"]
        sub_b = ([rb] if rb else []) + ["k"] + (["n"] if len(sb) > 1 else [])
        lhs = bi + (["m"] if len(sa) > 1 else []) + (["n"] if len(sb) > 1 else [])
        return self.tc(f"{call('O', lhs)} +=! {call('A', sub_a)} * {call('B', sub_b)}", {"A": a, "B": b})

    def gemm(self) -> Value:
        p = self.props()
        a, b, *c = self.op.operands
        alpha, beta = p.float("alpha") or 0.0, p.float("beta") or 0.0
        ra = "A(k, m)" if p.int("trans_a") else "A(m, k)"
        rb = "B(n, k)" if p.int("trans_b") else "B(k, n)"
        prod = f"{ra} * {rb}" if alpha == 1.0 else f"{lit(alpha)} * {ra} * {rb}"
        if not c or beta == 0.0:
            return self.tc(f"O(m, n) +=! {prod}", {"A": a, "B": b})
        rc = read("C", shape_of(c[0]), ["m", "n"], self.out.shape)
        init_expr = rc if beta == 1.0 else f"{lit(beta)} * {rc}"
        free = [(v, n) for v, n in zip(("m", "n"), self.out.shape) if v not in rc]
        init = self.tc(f"O(m, n) = {init_expr}{where(free)}", {"C": c[0]})
        return self.tc(f"O(m, n) += {prod}", {"A": a, "B": b}, init=init)

    def conv2d(self) -> Value:
        p = self.props()
        x, w, *bias = self.op.operands
        strides, pads, dil = p.ints("strides"), p.ints("pads"), p.ints("dilations")
        assert strides is not None and pads is not None and dil is not None
        g = p.int("group")
        n, c, _, _ = shape_of(x)
        m, cg, _, _ = shape_of(w)
        _, _, oh, ow = self.out.shape
        xp = self.pad(x, [0, 0, pads[0], pads[1]], [0, 0, pads[2], pads[3]], 0.0)
        hs, ws = affine(strides[0], "h", dil[0], "kh"), affine(strides[1], "w", dil[1], "kw")
        if g == 1:
            init = None
            if bias:
                init = self.tc(f"O(n, m, h, w) = B(m){where([('n', n), ('h', oh), ('w', ow)])}", {"B": bias[0]})
            acc = "+=" if bias else "+=!"
            return self.tc(f"O(n, m, h, w) {acc} X(n, c, {hs}, {ws}) * W(m, c, kh, kw)", {"X": xp, "W": w},
                           init=init)
        mg = m // g
        hp, wp = shape_of(xp)[2:]
        x5 = self.insert(T.ExpandShapeOp.build_expand(xp, [[0], [1, 2], [3], [4]], [n, g, c // g, hp, wp],
                                                      location=self.loc))
        w5 = self.insert(T.ExpandShapeOp.build_expand(w, [[0, 1], [2], [3], [4]], [g, mg, cg, *shape_of(w)[2:]],
                                                      location=self.loc))
        init = None
        if bias:
            init = self.tc(f"O(n, g, m, h, w) = B({mg} * g + m)"
                           f"{where([('n', n), ('g', g), ('m', mg), ('h', oh), ('w', ow)])}", {"B": bias[0]})
        acc = "+=" if bias else "+=!"
        o5 = self.tc(f"O(n, g, m, h, w) {acc} X(n, g, c, {hs}, {ws}) * W(g, m, c, kh, kw)", {"X": x5, "W": w5},
                     init=init)
        return self.insert(T.CollapseShapeOp.build_collapse(o5, [[0], [1, 2], [3], [4]], location=self.loc))

    def pool(self) -> Value:
        import numpy as np
        p = self.props()
        x = self.op.operand(0)
        kernel, strides, pads = p.ints("kernel_shape"), p.ints("strides"), p.ints("pads")
        assert kernel is not None and strides is not None and pads is not None
        is_max = isinstance(self.op, nn.MaxPool2DOp)
        dil = (p.ints("dilations") if is_max else None) or [1, 1]
        h, w = shape_of(x)[2:]
        oh, ow = self.out.shape[2:]
        extra = [max(0, (o - 1) * s + d * (k - 1) + 1 - (n + pb + pe))
                 for o, s, d, k, n, pb, pe in zip((oh, ow), strides, dil, kernel, (h, w), pads[:2], pads[2:])]
        xp = self.pad(x, [0, 0, pads[0], pads[1]], [0, 0, pads[2] + extra[0], pads[3] + extra[1]],
                      -math.inf if is_max else 0.0)
        hs, ws = affine(strides[0], "h", dil[0], "kh"), affine(strides[1], "w", dil[1], "kw")
        body = f"X(n, c, {hs}, {ws}){where([('kh', kernel[0]), ('kw', kernel[1])])}"
        if is_max:
            return self.tc(f"O(n, c, h, w) max=! {body}", {"X": xp})
        s = self.tc(f"S(n, c, h, w) +=! {body}", {"X": xp})
        # the divisor of each window: its elements inside the input (or, count_include_pad, inside the pads)
        mask = np.zeros((h + pads[0] + pads[2] + extra[0], w + pads[1] + pads[3] + extra[1]))
        if p.int("count_include_pad"):
            mask[:h + pads[0] + pads[2], :w + pads[1] + pads[3]] = 1
        else:
            mask[pads[0]:pads[0] + h, pads[1]:pads[1] + w] = 1
        count = np.array([[mask[i * strides[0]:i * strides[0] + kernel[0], j * strides[1]:j * strides[1] + kernel[1]]
                           .sum() for j in range(ow)] for i in range(oh)])
        if np.all(count == count.flat[0]):
            return self.tc(f"O(n, c, h, w) = S(n, c, h, w) / {lit(count.flat[0])}", {"S": s})
        kt = RankedTensorType([oh, ow], self.et)
        k = self.insert(arith.ConstantOp.from_value(DenseElementsAttr(kt, count), location=self.loc))
        return self.tc("O(n, c, h, w) = S(n, c, h, w) / K(h, w)", {"S": s, "K": k})

    def global_avgpool(self) -> Value:
        x = self.op.operand(0)
        sp = idx(self.out.rank - 2, "s")
        s = self.tc(f"S(n, c) +=! {call('X', ['n', 'c'] + sp)}", {"X": x})
        ones = idx(self.out.rank - 2, "j")
        return self.tc(f"{call('O', ['n', 'c'] + ones)} = S(n, c) / {lit(math.prod(shape_of(x)[2:]))}"
                       f"{where([(j, 1) for j in ones])}", {"S": s})

    def reduce(self) -> Value:
        x = self.op.operand(0)
        p = self.props()
        rank = len(shape_of(x))
        axes = nn._Reduce.reduced_axes(rank, p.ints("axes"))
        keep = p.int("keepdims")
        if not axes:
            return x
        rhs = [f"k{d}" if d in axes else f"i{d}" for d in range(rank)]
        lhs = [f"j{d}" if d in axes else f"i{d}" for d in range(rank) if keep or d not in axes]
        ones = [(f"j{d}", 1) for d in axes] if keep else []
        opr = "max=!" if isinstance(self.op, nn.ReduceMaxOp) else "+=!"
        r = self.tc(f"{call('O', lhs)} {opr} {call('X', rhs)}{where(ones)}", {"X": x})
        if not isinstance(self.op, nn.ReduceMeanOp):
            return r
        count = math.prod(shape_of(x)[d] for d in axes)
        div = str(count) if isinstance(self.et, IntegerType) else lit(count)  # integer mean truncates, as numpy's cast
        return self.tc(f"{call('O', lhs)} = {call('S', lhs)} / {div}", {"S": r})

    # --- shapes --------------------------------------------------------------------------------------------------
    def transpose(self) -> Value:
        assert isinstance(self.op, nn.TransposeOp)
        perm = self.op.permutation()
        o = idx(self.out.rank)
        sub = [""] * len(perm)
        for i, pi in enumerate(perm):
            sub[pi] = o[i]
        return self.tc(f"{call('O', o)} = {call('X', sub)}", {"X": self.op.operand(0)})

    def concat_values(self, xs: Sequence[Value], axis: int, shape: Sequence[int]) -> Value:
        """``xs`` side by side along ``axis`` in a tensor of ``shape``: insert_slices into a tensor.empty."""
        et = xs[0].type.element_type  # type: ignore[attr-defined]
        acc = self.insert(T.EmptyOp.build_empty(list(shape), et, location=self.loc))
        off = 0
        for v in xs:
            s = shape_of(v)
            offsets = [off if d == axis else 0 for d in range(len(s))]
            acc = self.insert(T.InsertSliceOp.build_insert_slice(v, acc, offsets, list(s), [1] * len(s),
                                                                 location=self.loc))
            off += s[axis]
        return acc

    def concat(self) -> Value:
        axis = nn.normalize_axis(self.props().int("axis"), self.out.rank)
        xs = list(self.op.operands)
        return xs[0] if len(xs) == 1 else self.concat_values(xs, axis, self.out.shape)

    def nn_pad(self) -> Value:
        p = self.props()
        x = self.op.operand(0)
        pads = p.ints("pads")
        assert pads is not None
        r = self.out.rank
        s = shape_of(x)
        crop = [(max(0, -pads[d]), max(0, -pads[d + r])) for d in range(r)]
        if any(b or e for b, e in crop):
            sizes = [n - b - e for n, (b, e) in zip(s, crop)]
            x = self.insert(T.ExtractSliceOp.build_slice(x, [b for b, _ in crop], sizes, [1] * r, location=self.loc))
        low, high = [max(0, pads[d]) for d in range(r)], [max(0, pads[d + r]) for d in range(r)]
        mode = p.str("mode")
        if mode == "constant":
            return self.pad(x, low, high, p.float("value") or 0.0)
        # reflect / edge / wrap: per dimension, the border pieces as TC statements beside the input
        for d in range(r):
            if not low[d] and not high[d]:
                continue
            s = shape_of(x)
            n = s[d]
            o = idx(r)
            if mode == "wrap" and max(low[d], high[d]) > n:
                raise VerifyError(f"wrap padding ({low[d]}, {high[d]}) larger than dimension {d} of size {n} is not "
                                  "supported by convert-nn-to-tc", self.op)
            pieces: list[Value | None] = []
            for size, side in ((low[d], "low"), (high[d], "high")):
                if not size:
                    pieces.append(None)
                    continue
                v = o[d]
                sub = {("reflect", "low"): f"{size} - {v}", ("reflect", "high"): f"{n - 2} - {v}",
                       ("edge", "low"): "0", ("edge", "high"): f"{n - 1}",
                       ("wrap", "low"): f"{n - size} + {v}", ("wrap", "high"): v}[(mode, side)]
                subs = list(o)
                subs[d] = sub
                pieces.append(self.tc(f"{call('P', o)} = {call('X', subs)}{where([(v, size)])}", {"X": x}))
            parts = [v for v in (pieces[0], x, pieces[1]) if v is not None]
            shape = list(s)
            shape[d] = n + low[d] + high[d]
            x = self.concat_values(parts, d, shape)
        return x


def _lower(op: Operation, rw: PatternRewriter) -> Value:
    low = Lowering(op, rw)
    if isinstance(op, nn.ConstantOp):
        return low.insert(arith.ConstantOp.from_value(op.properties["value"], location=op.location))
    if isinstance(op, nn.DropoutOp):
        return op.operand(0)
    if isinstance(op, (nn.FlattenOp, nn.ReshapeOp)):
        return low.reshape(op.operand(0), low.out.shape)
    table: dict[type, Any] = {
        nn.Conv2DOp: low.conv2d, nn.MatMulOp: low.matmul, nn.GemmOp: low.gemm, nn.SumOp: low.sum,
        nn.SoftmaxOp: low.softmax, nn.LogSoftmaxOp: low.softmax, nn.MaxPool2DOp: low.pool,
        nn.AvgPool2DOp: low.pool, nn.GlobalAvgPoolOp: low.global_avgpool, nn.BatchNormOp: low.batch_norm,
        nn.LayerNormOp: low.layer_norm, nn.LrnOp: low.lrn, nn.TransposeOp: low.transpose, nn.ConcatOp: low.concat,
        nn.PadOp: low.nn_pad, nn.ReduceMeanOp: low.reduce, nn.ReduceSumOp: low.reduce, nn.ReduceMaxOp: low.reduce,
    }
    for cls in (nn.AddOp, nn.SubOp, nn.MulOp, nn.DivOp, nn.MaxOp, nn.MinOp, nn.PowOp):
        table[cls] = low.binary
    fn = table.get(type(op), low.unary)
    result: Value = fn()
    return result


class NnToTc(RewritePattern):
    """Any nn op -> its TC statements (see the module docstring)."""

    root = None

    def match_and_rewrite(self, op: Operation, rewriter: PatternRewriter) -> bool:
        if not isinstance(op, nn.NnOp):
            return False
        rewriter.replace_op(op, [_lower(op, rewriter)])
        return True


@register_pass
class ConvertNnToTcPass(Pass):
    """Lower every nn op to `tc.comprehension` statements (ONNX semantics in Einstein notation) plus upstream
    `tensor` ops for padding and reshaping and `arith.constant` for constants: elementwise ops as one statement with
    broadcasting reads, matmul/gemm/conv2d as `+=!` contractions (bias as the init), pooling over `tensor.pad`
    with `where` kernel ranges, softmax/layer_norm/batch_norm/lrn as statement sequences, reshapes as
    `tensor.collapse_shape`/`expand_shape`, concat as `tensor.insert_slice`. An nn op left over is a
    `failed to legalize` error."""

    argument = "convert-nn-to-tc"
    summary = "Lower the nn dialect to tc.comprehension statements and tensor ops"
    statistic_defs = {"num-converted": "Number of nn ops converted"}

    def run_on_operation(self, op: Operation) -> None:
        n = sum(1 for o in op.walk() if isinstance(o, nn.NnOp))
        target = ConversionTarget()
        target.add_illegal_dialect("nn")
        target.mark_unknown_op_dynamically_legal(lambda o: True)
        apply_partial_conversion(op, target, [NnToTc()])
        self.statistics["num-converted"] += n
