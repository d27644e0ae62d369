"""``dsa-fuse``: stage 1 of ``--lower-to-dsa`` — group linalg-on-tensors ops into DSA *layers*.

A layer is what one engine program computes: an *anchor* (``linalg.matmul``, ``linalg.batch_matmul``,
``linalg.conv_2d_nchw_fchw``, a pooling, an elementwise ``linalg.generic``, ``linalg.fill``,
``linalg.transpose``, a reshape) plus the ops fused into it:

* **Matmul post-processing** (DESIGN.md, "bias/ReLU into matmul post-processing"; the lecture's matrix primitive
  has bias, ReLU and clip stages after the accumulator): an elementwise ``linalg.generic`` whose only use of the
  anchor's result is through an identity map and whose payload is ``[x + bias[col]] [max(·, 0)] [clip(lo, hi)]``
  (``bias`` a 1-D tensor indexed by the output column — the channel ``d1`` of a conv's NCHW output), is folded
  into the anchor: it gets ``dsa.fused_into = "<layer>"`` and the codegen applies it in the primitive's
  post-processing, so the intermediate never reaches DRAM. Chains of such generics fuse while each step keeps to
  that order (bias, then ReLU, then clip).
* **Zero padding**: a ``tensor.pad`` with a constant 0 feeding a convolution's input is folded into the DMA
  gather (masked reads return zeros outside the image).
* **Initial values**: a ``linalg.fill`` of 0 used only as the ``outs`` of a matmul/conv (and a fill of −∞ as the
  ``outs`` of a max pooling) disappears into the accumulator's first write.
* **Max pooling after a convolution** is assigned to the sort unit and reported under the convolution's layer.

Linalg ops on buffers (memrefs, no results) are not anchors: they are left alone. The pass changes no
semantics: it only sets discardable attributes (``dsa.layer`` on anchors, ``dsa.fused_into`` on absorbed ops),
so the interpreter still runs the module. Later stages read them.
"""

from __future__ import annotations

import math

from dialects.linalg import (
    BatchMatmulOp,
    BroadcastOp,
    Conv2DNchwFchwOp,
    FillOp,
    GenericOp,
    MatmulOp,
    PoolingNchwMaxOp,
    PoolingNchwSumOp,
    TransposeOp,
)
from dialects.tensor import CollapseShapeOp, ExpandShapeOp, PadOp, ReshapeOp
from mlir_py.affine import AffineMap
from mlir_py.attributes import DenseElementsAttr, DenseResourceElementsAttr, FloatAttr, StringAttr
from mlir_py.ir import BlockArgument, Operation, Value
from mlir_py.pass_manager import Pass, register_pass
from mlir_py.rewrite import constant_value

#: anchors that run on the matrix unit
MATRIX_ANCHORS = (MatmulOp, BatchMatmulOp, Conv2DNchwFchwOp)
#: every op kind the DSA lowering handles (the others are reported by dsa-tile)
ANCHORS = (*MATRIX_ANCHORS, PoolingNchwMaxOp, PoolingNchwSumOp, GenericOp, FillOp, TransposeOp, CollapseShapeOp,
           ExpandShapeOp, ReshapeOp)
KIND = {MatmulOp: "matmul", BatchMatmulOp: "batch_matmul", Conv2DNchwFchwOp: "conv2d", PoolingNchwMaxOp: "maxpool",
        PoolingNchwSumOp: "sumpool", GenericOp: "elementwise", FillOp: "fill", TransposeOp: "transpose",
        CollapseShapeOp: "reshape", ExpandShapeOp: "reshape", ReshapeOp: "reshape"}


def is_tensor_constant(a: object) -> bool:
    """Whether ``a`` (a constant's value attribute) holds tensor elements: ``dense<...>`` or ``dense_resource<...>``
    (the ONNX importer's large weights), readable with ``mlir_py.interpreter.from_attribute``."""
    return isinstance(a, (DenseElementsAttr, DenseResourceElementsAttr))


def scalar_const(v: Value) -> float | None:
    """The value of a scalar float constant (or a splat dense constant), else None."""
    a = constant_value(v)
    if isinstance(a, FloatAttr):
        return float(a.value)
    if isinstance(a, DenseElementsAttr) and a.is_splat:
        return float(a.values().reshape(-1)[0])
    return None


def fill_value(v: Value) -> float | None:
    """The fill value of a tensor produced by ``linalg.fill`` of a scalar constant, else None."""
    op = v.defining_op
    if isinstance(op, FillOp):
        return scalar_const(op.inputs[0])
    return None


class Epilogue:
    """Post-processing of one elementwise generic: ``y = clip(relu(x + bias))`` (each part optional)."""

    def __init__(self) -> None:
        self.bias: Value | None = None
        #: the output dimension the 1-D bias is indexed by
        self.bias_dim = -1
        self.relu = False
        self.clip: tuple[float, float] | None = None


def match_elementwise(op: GenericOp) -> tuple[str, list[Value], Epilogue] | None:
    """Decompose an all-parallel generic with identity maps (a 1-D ``bias`` input may be indexed by ``d1`` of a
    rank ≥ 2 output) into ``(kind, inputs, post)``: ``kind`` one of add/sub/mul/max/min (two inputs) or copy (one
    input), then ``post``. Payloads: ``op(a, b)`` or ``a``, followed by ``+ bias``, ``max(·, 0)`` (ReLU),
    ``min(max(·, lo), hi)`` / ``max(min(·, hi), lo)`` (clip). None when the payload is anything else."""
    if any(k != "parallel" for k in op.iterator_types()) or len(op.outputs) != 1 or len(op.results) != 1:
        return None
    maps = op.indexing_maps()
    rank = maps[-1].num_dims
    ident = AffineMap.identity(rank)
    body = op.body
    args = list(body.args)
    roles: dict[Value, Value] = {}
    bias_arg: BlockArgument | None = None
    bias_dim = -1
    for i, x in enumerate(op.inputs):
        if maps[i] == ident:
            roles[args[i]] = x
        elif len(maps[i].results) == 1 and maps[i].results[0] in ident.results and bias_arg is None:
            bias_arg = args[i]
            bias_dim = list(ident.results).index(maps[i].results[0])
        else:
            return None
    ops = [o for o in body.ops if o.name not in ("linalg.yield", "arith.constant")]
    if body.terminator is None or len(body.terminator.operands) != 1:
        return None
    cur = body.terminator.operand(0)
    post = Epilogue()
    # peel clip, relu and bias from the end
    chain: list[tuple[str, float | None]] = []
    while True:
        d = cur.defining_op
        if d is None or d.parent_op is not op:
            break
        name = d.name
        if name in ("arith.maximumf", "arith.maxnumf", "arith.minimumf", "arith.minnumf"):
            c0, c1 = scalar_const(d.operand(0)), scalar_const(d.operand(1))
            if c1 is not None or c0 is not None:
                chain.append(("max" if "max" in name else "min", c1 if c1 is not None else c0))
                cur = d.operand(0) if c1 is not None else d.operand(1)
                continue
        if name == "arith.addf" and bias_arg is not None and post.bias is None and \
                bias_arg in (d.operand(0), d.operand(1)):
            post.bias, post.bias_dim = op.inputs[bias_arg.index], bias_dim
            chain.append(("bias", None))
            cur = d.operand(1) if d.operand(0) is bias_arg else d.operand(0)
            continue
        break
    if bias_arg is not None and post.bias is None:
        return None
    chain.reverse()  # program order: bias, relu, clip
    lo, hi = -math.inf, math.inf
    stage = 0  # 0: bias allowed, 1: relu/clip
    for kind, c in chain:
        if kind == "bias":
            if stage:
                return None
            continue
        stage = 1
        assert c is not None
        if kind == "max" and c == 0.0 and lo == -math.inf and hi == math.inf and not post.relu:
            post.relu = True
        elif kind == "max":
            lo = max(lo, c)
        else:
            hi = min(hi, c)
    if lo != -math.inf or hi != math.inf:
        if post.relu:  # relu then clip(lo, hi) == clip(max(lo, 0), hi) after relu
            lo = max(lo, 0.0)
        if lo > hi:
            return None
        post.clip = (lo, hi)
    # the core: a block argument or one binary op of two block arguments
    n_core = len(ops) - len(chain)
    kinds = {"arith.addf": "add", "arith.subf": "sub", "arith.mulf": "mul", "arith.maximumf": "max",
             "arith.maxnumf": "max", "arith.minimumf": "min", "arith.minnumf": "min"}
    if cur in roles and n_core == 0:
        return "copy", [roles[cur]], post
    d = cur.defining_op
    if d is not None and d.name in kinds and n_core == 1 and all(o in roles for o in d.operands):
        return kinds[d.name], [roles[o] for o in d.operands], post
    return None


def epilogue_chain(anchor: Operation) -> tuple[list[GenericOp], Epilogue]:
    """The elementwise generics that fuse into ``anchor``'s post-processing (in order) and the combined
    epilogue: each must be the only user of the value before it, read it through its identity map, and keep the
    order bias → ReLU → clip."""
    fused: list[GenericOp] = []
    post = Epilogue()
    col = column_dim(anchor)
    init = init_bias(anchor)
    if init is not None:
        post.bias, post.bias_dim = init.inputs[0], col
    cur = anchor.results[0]
    while cur.has_one_use():
        user = cur.users[0]
        if not isinstance(user, GenericOp):
            break
        m = match_elementwise(user)
        if m is None or m[0] != "copy" or m[1][0] is not cur:
            break
        p = m[2]
        if p.bias is not None and (post.bias is not None or post.relu or post.clip or p.bias_dim != col):
            break
        if p.relu and post.clip:
            break
        if post.clip is not None and p.clip is not None:
            post.clip = (max(post.clip[0], p.clip[0]), min(post.clip[1], p.clip[1]))
        else:
            post.clip = post.clip or p.clip
        post.bias = post.bias or p.bias
        post.relu = post.relu or p.relu
        fused.append(user)
        cur = user.results[0]
    return fused, post


def column_dim(anchor: Operation) -> int:
    """The output dimension that is a column of the primitive's result tile (where a bias is added): the last
    one of a matmul, the channel (1) of a conv's NCHW output."""
    if isinstance(anchor, Conv2DNchwFchwOp):
        return 1
    t = anchor.results[0].type
    return len(getattr(t, "shape", ())) - 1


def init_bias(anchor: Operation) -> GenericOp | BroadcastOp | None:
    """The ``outs`` of a matmul/conv when it is a 1-D tensor broadcast along the column dimension (a bias
    written as the accumulator's initial value, as ``convert-nn-to-tc`` does), else None."""
    if not isinstance(anchor, MATRIX_ANCHORS):
        return None
    g = anchor.outputs[0].defining_op
    if isinstance(g, BroadcastOp):  # the same, as linalg-specialize-generic-ops writes it
        t = anchor.results[0].type
        rank = len(getattr(t, "shape", ()))
        dims = list(getattr(g.properties.get("dimensions"), "values", []))
        return g if len(g.inputs) == 1 and dims == [d for d in range(rank) if d != column_dim(anchor)] else None
    if not isinstance(g, GenericOp) or len(g.inputs) != 1 or any(k != "parallel" for k in g.iterator_types()):
        return None
    maps = g.indexing_maps()
    rank = maps[-1].num_dims
    col = column_dim(anchor)
    term = g.body.terminator
    if maps[-1] != AffineMap.identity(rank) or maps[0] != AffineMap(rank, 0, [AffineMap.identity(rank).results[col]]):
        return None
    if term is None or len(term.operands) != 1 or term.operand(0) is not g.body.args[0]:
        return None
    return g


def conv_pad(conv: Conv2DNchwFchwOp) -> tuple[Value, list[int]]:
    """The convolution's unpadded input and its (top, left) zero padding: a ``tensor.pad`` of constant 0 on H and
    W only is folded into the DMA gather."""
    x = conv.inputs[0]
    pad = x.defining_op
    if isinstance(pad, PadOp) and not pad.low and not pad.high:
        lo, hi = list(pad.static_low.values), list(pad.static_high.values)
        term = pad.regions[0].block.terminator if pad.regions else None
        y = term.operand(0) if term is not None else None
        if y is not None and scalar_const(y) == 0.0 and lo[:2] == [0, 0] and hi[:2] == [0, 0]:
            return pad.source, lo[2:]
    return x, [0, 0]


@register_pass
class DsaFusePass(Pass):
    """Group linalg ops into DSA layers (see the module docstring): sets ``dsa.layer`` on each anchor and
    ``dsa.fused_into`` on the elementwise epilogues, zero pads and initial fills absorbed by it."""

    argument = "dsa-fuse"
    summary = "Group linalg ops into DSA layers: fuse bias/ReLU/clip into matmul post-processing"
    statistic_defs = {"num-layers": "Number of layers formed", "num-fused": "Number of ops fused into a layer"}

    def run_on_operation(self, op: Operation) -> None:
        counter = 0
        fused_ops: set[Operation] = set()
        for o in list(op.walk(post_order=False)):
            # linalg ops on buffers (no results) are not layers: the DSA lowering starts from tensors
            if o in fused_ops or not isinstance(o, ANCHORS) or not o.results:
                continue
            if isinstance(o, FillOp) and all(isinstance(u, (*MATRIX_ANCHORS, PoolingNchwMaxOp, PoolingNchwSumOp))
                                             and o.results[0] in u.outputs for u in o.results[0].users) \
                    and o.results[0].has_uses():
                o.set_attr("dsa.fused_into", StringAttr("init"))
                continue
            if isinstance(o, GenericOp) and match_elementwise(o) is None:
                continue
            name = f"{KIND[type(o)]}{counter}"
            counter += 1
            o.set_attr("dsa.layer", StringAttr(name))
            self.statistics["num-layers"] += 1
            if isinstance(o, MATRIX_ANCHORS):
                ib = init_bias(o)
                if ib is not None and o.outputs[0].has_one_use():
                    ib.set_attr("dsa.fused_into", StringAttr(name))
                    fused_ops.add(ib)
                    self.statistics["num-fused"] += 1
                chain, _ = epilogue_chain(o)
                for g in chain:
                    g.set_attr("dsa.fused_into", StringAttr(name))
                    fused_ops.add(g)
                    self.statistics["num-fused"] += 1
                if isinstance(o, Conv2DNchwFchwOp):
                    src, _ = conv_pad(o)
                    pad = o.inputs[0].defining_op
                    if src is not o.inputs[0] and pad is not None:
                        pad.set_attr("dsa.fused_into", StringAttr(name))
                        self.statistics["num-fused"] += 1
                    last = chain[-1].results[0] if chain else o.results[0]
                    users = last.users
                    if len(users) == 1 and isinstance(users[0], PoolingNchwMaxOp) and \
                            users[0].inputs[0] is last:
                        users[0].set_attr("dsa.layer", StringAttr(name))
                        fused_ops.add(users[0])
                        self.statistics["num-fused"] += 1


__all__ = ["ANCHORS", "DsaFusePass", "Epilogue", "KIND", "MATRIX_ANCHORS", "column_dim", "conv_pad", "epilogue_chain",
           "init_bias",
           "fill_value", "match_elementwise", "scalar_const"]
