"""The nn dialect: tensor-level neural-network layers with ONNX inference semantics.

Every op mirrors one ONNX operator (onnx/docs/Operators.md, opsets 7–21) as it behaves at inference; the
contract shared with the ONNX importer and the nn → tc lowering:

- op name ``nn.<snake_case>``; operands in ONNX input order (optional inputs are optional operands);
- ONNX attributes are **properties** named in snake_case with ONNX's defaults: ints are ``i64`` integer
  attributes, floats ``f32`` float attributes, int lists ``array<i64: ...>``, strings string attributes;
- every tensor is ranked and static-shaped; result types are inferred from operands and properties
  (:meth:`NnOp.infer_result_types`, :meth:`NnOp.build_op`) and verified;
- padding is explicit: ``pads`` in ONNX order ``[x1_begin, x2_begin, ..., x1_end, x2_end]`` (the importer
  resolves ``auto_pad``);
- convolution and pooling are 2-D, ``NCHW`` activations and ``FCHW`` (``M x C/group x kH x kW``) weights.

Syntax: operands, then the properties that differ from their defaults in ``<...>`` (MLIR's property dictionary),
then the types. Unary elementwise ops print one type (``nn.relu %x : tensor<1x64xf32>``), all others a
functional type::

    %y = nn.conv2d %x, %w, %b <strides = array<i64: 2, 2>, pads = array<i64: 3, 3, 3, 3>>
           : (tensor<1x3x224x224xf32>, tensor<64x3x7x7xf32>, tensor<64xf32>) -> tensor<1x64x112x112xf32>
    %z = nn.add %y, %c : (tensor<1x64x112x112xf32>, tensor<64x1x1xf32>) -> tensor<1x64x112x112xf32>
    %w = nn.constant dense_resource<conv1_w> : tensor<64x3x7x7xf32>

Weights: ``nn.constant`` holds a ``dense<...>`` or a ``dense_resource<key>`` whose blob lives in the module's
``{-# dialect_resources #-}`` section (or a sidecar ``.npz``, :mod:`mlir_py.resources`); passes that compute new
constants (``nn-fold-batchnorm``, ``nn-fold-constants``) store those of more than :data:`RESOURCE_THRESHOLD`
elements as blobs too (:func:`elements_attr`).

The generic form (``"nn.conv2d"(%x, %w, %b) <{strides = array<i64: 2, 2>, ...}> : (...) -> ...``) always works.
Shape errors are reported at the op (``'nn.conv2d' op expects a 4-D input (N, C, H, W), got 2-D``). The numpy reference
implementation of every op is ``mlir_py/interpreter_impls/nn.py``.
"""

from __future__ import annotations

import builtins
import math
from collections.abc import Sequence
from typing import Any, ClassVar

from mlir_py.attributes import (
    Attribute,
    DenseArrayAttr,
    DenseElementsAttr,
    DenseResourceElementsAttr,
    FloatAttr,
    FloatType,
    IntegerAttr,
    RankedTensorType,
    StringAttr,
    Type,
    f32,
    i64,
)
from mlir_py.dialect import Dialect
from mlir_py.ir import Value
from mlir_py.opdef import (
    ConstantLike,
    Constraint,
    Op,
    Pure,
    SameOperandsAndResultType,
    isa,
    operand,
    opt_operand,
    prop,
    result_def,
    var_operand,
)

StaticTensor = Constraint(lambda t: isinstance(t, RankedTensorType) and t.has_static_shape,
                          "statically shaped tensor")
I64Attr = Constraint(lambda a: isinstance(a, IntegerAttr) and a.type == i64, "64-bit signless integer attribute")
F32Attr = Constraint(lambda a: isinstance(a, FloatAttr) and a.type == f32, "32-bit float attribute")
I64Array = Constraint(lambda a: isinstance(a, DenseArrayAttr) and a.element_type == i64, "i64 dense array attribute")
StrAttr = isa(StringAttr, description="string attribute")


class ShapeError(ValueError):
    """A shape or attribute error found by result-type inference; the verifier reports it at the op."""


def ints(values: Sequence[int]) -> DenseArrayAttr:
    """``array<i64: ...>``."""
    return DenseArrayAttr(i64, [int(v) for v in values])


def i64_attr(v: int) -> IntegerAttr:
    return IntegerAttr(int(v), i64)


def f32_attr(v: float) -> FloatAttr:
    return FloatAttr(float(v), f32)


def _tensor(t: Type, what: str = "operand") -> RankedTensorType:
    if not isinstance(t, RankedTensorType) or not t.has_static_shape:
        raise ShapeError(f"expects a statically shaped tensor {what}, got '{t}'")
    return t


def _float(t: RankedTensorType, what: str = "operand") -> RankedTensorType:
    if not isinstance(t.element_type, FloatType):
        raise ShapeError(f"expects a floating-point {what}, got '{t}'")
    return t


def _min_rank(x: RankedTensorType, n: int, dims: str) -> RankedTensorType:
    if x.rank < n:
        raise ShapeError(f"expects an input of rank >= {n} ({dims}), got {x.rank}-D")
    return x


def _same_element(types: Sequence[RankedTensorType]) -> Type:
    et = types[0].element_type
    for t in types[1:]:
        if t.element_type != et:
            raise ShapeError(f"expects operands of one element type, got '{types[0]}' and '{t}'")
    return et


def broadcast_shapes(*shapes: Sequence[int]) -> tuple[int, ...]:
    """The numpy (ONNX multidirectional) broadcast of ``shapes``: dimensions aligned from the right, a size 1
    stretches. Raises :class:`ShapeError` for incompatible sizes (onnx/docs/Broadcasting.md)."""
    rank = max(len(s) for s in shapes)
    out = []
    for i in range(rank):
        dims = {s[len(s) - rank + i] for s in shapes if len(s) - rank + i >= 0} - {1}
        if len(dims) > 1:
            raise ShapeError(f"operand shapes {' and '.join(_shape(s) for s in shapes)} are not broadcastable")
        out.append(dims.pop() if dims else 1)
    return tuple(out)


def unidirectional(shape: Sequence[int], target: Sequence[int]) -> bool:
    """Whether ``shape`` broadcasts to ``target`` without changing it (ONNX unidirectional broadcasting)."""
    try:
        return len(shape) <= len(target) and broadcast_shapes(shape, target) == tuple(target)
    except ShapeError:
        return False


def _shape(s: Sequence[int]) -> str:
    return "x".join(map(str, s)) if s else "scalar"


def normalize_axis(axis: int, rank: int, what: str = "axis") -> int:
    """``axis`` in ``[-rank, rank-1]`` made non-negative; :class:`ShapeError` when out of range."""
    n = rank
    if not -n <= axis < n:
        raise ShapeError(f"{what} {axis} is out of range for a {rank}-D operand (expects [{-n}, {n - 1}])")
    return axis + n if axis < 0 else axis


class _Props:
    """Read access to an op's properties with the class defaults filled in."""

    def __init__(self, cls: type[NnOp], props: dict[str, Attribute]):
        self.cls, self.props = cls, props

    def get(self, name: str) -> Attribute | None:
        a = self.props.get(name)
        if a is None:
            for p in self.cls.prop_defs:
                if p.attr_name == name:
                    return p.default
        return a

    def int(self, name: str) -> int:
        a = self.get(name)
        if not isinstance(a, IntegerAttr):
            raise ShapeError(f"requires integer attribute '{name}'")
        return a.value

    def flag(self, name: str, label: str | None = None) -> builtins.int:
        """An ``i64`` property restricted to 0 or 1 (ONNX's boolean ints: ``ceil_mode``, ``keepdims``, ...)."""
        v = self.int(name)
        if v not in (0, 1):
            raise ShapeError(f"expects {label or name} to be 0 or 1, got {v}")
        return v

    def ints(self, name: str, length: builtins.int | None = None, minimum: builtins.int | None = None
             ) -> list[builtins.int] | None:
        a = self.get(name)
        if a is None:
            return None
        if not isinstance(a, DenseArrayAttr):
            raise ShapeError(f"attribute '{name}' must be an i64 dense array")
        vals = [int(v) for v in a.values]
        if length is not None and len(vals) != length:
            raise ShapeError(f"expects {length} values in '{name}', got {len(vals)}")
        if minimum is not None and any(v < minimum for v in vals):
            raise ShapeError(f"expects '{name}' values >= {minimum}, got [{', '.join(map(str, vals))}]")
        return vals

    def float(self, name: str) -> float | None:
        a = self.get(name)
        return None if a is None else float(a.value)  # type: ignore[attr-defined]

    def str(self, name: str) -> str:
        a = self.get(name)
        assert isinstance(a, StringAttr)
        return a.value


FUNCTIONAL = "operands attr-dict `:` functional-type(operands, results)"
UNARY = "$input attr-dict `:` type($input)"


class NnOp(Op):
    """Base of the nn ops: one statically shaped ``result`` whose type is inferred (by the verifier, the builders
    and the importer alike), functional-type syntax unless an op says otherwise.

    Subclasses implement ``_infer(types, props) -> list[Type]`` raising :class:`ShapeError`."""

    __slots__ = ()
    result = result_def(StaticTensor)
    assembly_format: ClassVar[str | None] = FUNCTIONAL
    #: the ONNX operator this op mirrors (for the documentation and error messages)
    onnx: ClassVar[str] = ""

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        raise NotImplementedError

    @classmethod
    def infer_result_types(cls, operand_types: Sequence[Type], properties: dict[str, Attribute] | None = None
                           ) -> list[Type]:
        """The result types for these operand types and properties (absent properties take their defaults).

        Raises :class:`ShapeError` (a ``ValueError``) with the verifier's message when they are invalid."""
        types = [_tensor(t, f"operand #{i}") for i, t in enumerate(operand_types)]
        return cls._infer(types, _Props(cls, dict(properties or {})))

    @classmethod
    def build_op(cls, operands: Sequence[Value], properties: dict[str, Attribute] | None = None,
                 location: Any = None) -> Any:
        """Create the op from its operands (in ONNX input order, absent optional inputs left out) and properties,
        with inferred result types. Raises :class:`ShapeError` on invalid shapes or attributes."""
        props = {k: v for k, v in (properties or {}).items() if v is not None}
        types = cls.infer_result_types([v.type for v in operands], props)
        return cls.create(list(operands), types, props, location=location)

    def verify_(self) -> None:
        try:
            inferred = self.infer_result_types(self.operand_types, self.properties)
        except ShapeError as e:
            raise self.emit_error(str(e)) from None
        for i, (r, t) in enumerate(zip(self.results, inferred)):
            if r.type != t:
                raise self.emit_error(f"result #{i} has type '{r.type}', but the inferred type is '{t}'")


_OPS: list[type[Op]] = []


def _register(cls: type[Op]) -> type[Op]:
    _OPS.append(cls)
    return cls


def _derive(base: type[NnOp], clsname: str, opname: str, onnx: str, doc: str, traits: list[Any],
            **ns: Any) -> type[Op]:
    """Define and register ``clsname`` (op ``opname``, mirroring ONNX ``onnx``) as a subclass of ``base``; it is
    also bound in this module's namespace."""
    cls = type(clsname, (base,), {"__doc__": doc, "__slots__": (), "onnx": onnx, "__module__": __name__, **ns},
               name=opname, traits=traits)
    globals()[clsname] = cls
    return _register(cls)


class _InputOp(NnOp):
    """An nn op whose first operand is ``input``."""

    __slots__ = ()
    input = operand(StaticTensor)


# ---------------------------------------------------------------------------------------------------------------
# constants
# ---------------------------------------------------------------------------------------------------------------


@_register
class ConstantOp(NnOp, name="nn.constant", traits=[Pure(), ConstantLike()]):
    """A constant tensor (ONNX ``Constant`` and graph initializers).

    Syntax: ``nn.constant dense<[1.0, 2.0]> : tensor<2xf32>``; large weights as
    ``nn.constant dense_resource<name> : tensor<64x3x7x7xf32>`` with the blob in ``{-# dialect_resources #-}``.
    The result type is the value's type. Errors: a value that is not an elements attribute of a static shape."""

    onnx = "Constant"
    value = prop(isa(DenseElementsAttr, DenseResourceElementsAttr, description="elements attribute"))
    assembly_format = "attr-dict $value"

    @classmethod
    def infer_format_types(cls, types: dict[str, list[Type]], names: Any, props: dict[str, Attribute],
                           st: Any) -> None:
        t = getattr(props.get("value"), "type", None)
        if t is not None:
            types["result"] = [t]

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        t = getattr(p.get("value"), "type", None)
        if t is None:
            raise ShapeError("requires attribute 'value'")
        return [_tensor(t, "value")]

    @classmethod
    def from_value(cls, value: Attribute, location: Any = None) -> ConstantOp:
        """``nn.constant`` of a dense or dense_resource elements attribute."""
        op: ConstantOp = cls.build_op([], {"value": value}, location)
        return op

    def asm_result_names(self) -> list[str]:
        return ["cst"]


#: arrays with more elements than this become ``dense_resource`` blobs (as the ONNX importer's default)
RESOURCE_THRESHOLD = 64


def elements_attr(array: Any, t: RankedTensorType, module: Any = None, hint: str = "cst",
                  threshold: int = RESOURCE_THRESHOLD) -> Attribute:
    """An elements attribute of type ``t`` holding ``array``: ``dense<...>`` for a splat or at most ``threshold``
    elements, else a ``dense_resource`` whose blob (MLIR's encoding: 4-byte alignment, little-endian data) is added
    to ``module.resources["builtin"]`` under a fresh key derived from ``hint``. Without a module: always dense."""
    import numpy as np

    from mlir_py.interpreter import storage_dtype
    from mlir_py.resources import blob_from_array

    a = np.asarray(array).astype(storage_dtype(t.element_type), copy=False).reshape(t.shape)
    if module is None or a.size <= threshold or bool(np.all(a == a.reshape(-1)[0])):
        return DenseElementsAttr(t, a)
    res = getattr(module, "resources", None)
    if res is None:
        res = {}
        module.resources = res
    blobs = res.setdefault("builtin", {})
    key, i = hint, 0
    while key in blobs:
        i += 1
        key = f"{hint}_{i}"
    blobs[key] = blob_from_array(a)
    return DenseResourceElementsAttr(key, t)


# ---------------------------------------------------------------------------------------------------------------
# convolution, matrix products
# ---------------------------------------------------------------------------------------------------------------


def window_out_size(size: int, kernel: int, stride: int, pad_begin: int, pad_end: int, dilation: int = 1,
                    ceil_mode: bool = False) -> int:
    """Output length of a sliding window along one axis (ONNX Conv/MaxPool/AveragePool):
    ``floor_or_ceil((size + pad_begin + pad_end - dilation*(kernel-1) - 1) / stride) + 1``. With ``ceil_mode`` a
    last window that would start inside the end padding is dropped, as onnxruntime and PyTorch do
    (onnxruntime/core/providers/cpu/nn/pool_attributes.h, ``ComputeOutputSize``)."""
    span = size + pad_begin + pad_end - dilation * (kernel - 1) - 1
    if span < 0:
        return 0
    if not ceil_mode:
        return span // stride + 1
    out = -(-span // stride) + 1
    if (out - 1) * stride >= size + pad_begin:
        out -= 1
    return out


def _window_props(p: _Props, dilations: bool = True) -> tuple[list[int], list[int], list[int]]:
    strides = p.ints("strides", 2, 1)
    pads = p.ints("pads", 4, 0)
    dil = p.ints("dilations", 2, 1) if dilations else [1, 1]
    assert strides is not None and pads is not None and dil is not None
    return strides, pads, dil


def _spatial(x: RankedTensorType, kernel: Sequence[int], strides: Sequence[int], pads: Sequence[int],
             dil: Sequence[int], ceil_mode: bool = False) -> list[int]:
    out = []
    for i in range(2):
        n = window_out_size(x.shape[2 + i], kernel[i], strides[i], pads[i], pads[2 + i], dil[i], ceil_mode)
        if n < 1:
            raise ShapeError(f"window of size {kernel[i]} (dilation {dil[i]}) does not fit in spatial dimension "
                             f"{i} of size {x.shape[2 + i]} with pads {pads[i]}, {pads[2 + i]}")
        out.append(n)
    return out


@_register
class Conv2DOp(_InputOp, name="nn.conv2d", traits=[Pure()]):
    """2-D convolution (ONNX ``Conv``, 4-D case): ``Y[n, m, oh, ow] = B[m] + Σ_{c, kh, kw}
    X[n, g·C/G + c, oh·sh + kh·dh - pad_top, ow·sw + kw·dw - pad_left] · W[m, c, kh, kw]`` with ``g = m / (M/G)``
    and zero padding.

    Operands: ``input`` (N, C, H, W); ``weight`` (M, C/group, kH, kW); optional ``bias`` (M).
    Result: (N, M, OH, OW), ``OH = floor((H + pad_top + pad_bottom - dh·(kH-1) - 1) / sh) + 1`` (likewise OW).
    Properties: ``strides`` [sh, sw] = [1, 1]; ``pads`` [top, left, bottom, right] = [0, 0, 0, 0];
    ``dilations`` [dh, dw] = [1, 1]; ``group`` G = 1.
    Errors: non-4-D input or weight, C not divisible by ``group`` or ``weight`` dim 1 != C/group, M not divisible
    by ``group``, a bias not of shape (M), bad ``strides``/``pads``/``dilations`` lengths or values, a window larger
    than the padded input, mixed element types."""

    onnx = "Conv"
    weight = operand(StaticTensor)
    bias = opt_operand(StaticTensor)
    strides = prop(I64Array, default=ints([1, 1]))
    pads = prop(I64Array, default=ints([0, 0, 0, 0]))
    dilations = prop(I64Array, default=ints([1, 1]))
    group = prop(I64Attr, default=i64_attr(1))

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        if len(types) not in (2, 3):
            raise ShapeError(f"expects 2 or 3 operands, got {len(types)}")
        x, w = _float(types[0], "input"), types[1]
        et = _same_element(types)
        if x.rank != 4:
            raise ShapeError(f"expects a 4-D input (N, C, H, W), got {x.rank}-D")
        if w.rank != 4:
            raise ShapeError(f"expects a 4-D weight (M, C/group, kH, kW), got {w.rank}-D")
        g = p.int("group")
        n, c = x.shape[:2]
        m = w.shape[0]
        if g < 1:
            raise ShapeError(f"expects group >= 1, got {g}")
        if c % g:
            raise ShapeError(f"input channels ({c}) are not divisible by group ({g})")
        if m % g:
            raise ShapeError(f"output channels ({m}) are not divisible by group ({g})")
        if w.shape[1] != c // g:
            raise ShapeError(f"weight has {w.shape[1]} input channels, expected {c // g} (input channels {c} / "
                             f"group {g})")
        if len(types) == 3 and types[2].shape != (m,):
            raise ShapeError(f"expects a bias of shape ({m}), got '{types[2]}'")
        strides, pads, dil = _window_props(p)
        oh, ow = _spatial(x, w.shape[2:], strides, pads, dil)
        return [RankedTensorType([n, m, oh, ow], et)]


def matmul_shape(a: Sequence[int], b: Sequence[int]) -> tuple[int, ...]:
    """numpy ``matmul``'s result shape (1-D operands promoted and the added dimension removed; batch dimensions
    broadcast). Raises :class:`ShapeError`."""
    if not a or not b:
        raise ShapeError("expects operands of rank >= 1")
    a2 = [1, *a] if len(a) == 1 else list(a)
    b2 = [*b, 1] if len(b) == 1 else list(b)
    if a2[-1] != b2[-2]:
        raise ShapeError(f"contracting dimensions differ: {_shape(a)} and {_shape(b)} ({a2[-1]} vs {b2[-2]})")
    batch = broadcast_shapes(a2[:-2], b2[:-2])
    out = [*batch] + ([a2[-2]] if len(a) > 1 else []) + ([b2[-1]] if len(b) > 1 else [])
    return tuple(out)


@_register
class MatMulOp(NnOp, name="nn.matmul", traits=[Pure()]):
    """Matrix product with numpy ``matmul`` semantics (ONNX ``MatMul``): 1-D operands are promoted to a row /
    column and the added dimension removed, leading batch dimensions broadcast.

    Operands: ``a`` (..., M, K), ``b`` (..., K, N). Result: (broadcast batch..., M, N).
    Errors: different contracting sizes, unbroadcastable batch dimensions, mixed element types."""

    onnx = "MatMul"
    a = operand(StaticTensor)
    b = operand(StaticTensor)

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        et = _same_element(types)
        return [RankedTensorType(matmul_shape(types[0].shape, types[1].shape), et)]


@_register
class GemmOp(NnOp, name="nn.gemm", traits=[Pure()]):
    """General matrix multiply (ONNX ``Gemm``): ``Y = alpha · A' · B' + beta · C`` with ``A' = transpose(A)`` if
    ``trans_a`` else ``A`` (likewise B).

    Operands: ``a`` (M, K) or (K, M); ``b`` (K, N) or (N, K); optional ``c`` unidirectionally broadcastable to
    (M, N). Result: (M, N). Properties: ``alpha`` = 1.0, ``beta`` = 1.0 (f32), ``trans_a`` = 0, ``trans_b`` = 0.
    Errors: non-2-D ``a``/``b``, different K, ``c`` not broadcastable to (M, N), ``trans_*`` not 0 or 1."""

    onnx = "Gemm"
    a = operand(StaticTensor)
    b = operand(StaticTensor)
    c = opt_operand(StaticTensor)
    alpha = prop(F32Attr, default=f32_attr(1.0))
    beta = prop(F32Attr, default=f32_attr(1.0))
    trans_a = prop(I64Attr, default=i64_attr(0))
    trans_b = prop(I64Attr, default=i64_attr(0))

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        a, b = types[0], types[1]
        et = _same_element(types)
        for name in ("trans_a", "trans_b"):
            p.flag(name, f"'{name}'")
        if a.rank != 2 or b.rank != 2:
            raise ShapeError(f"expects 2-D A and B, got {a.rank}-D and {b.rank}-D")
        m, k = a.shape[::-1] if p.int("trans_a") else a.shape
        k2, n = b.shape[::-1] if p.int("trans_b") else b.shape
        if k != k2:
            raise ShapeError(f"contracting dimensions differ: A' is {m}x{k}, B' is {k2}x{n}")
        if len(types) == 3 and not unidirectional(types[2].shape, (m, n)):
            raise ShapeError(f"C of shape {_shape(types[2].shape)} is not unidirectionally broadcastable to {m}x{n}")
        return [RankedTensorType([m, n], et)]


# ---------------------------------------------------------------------------------------------------------------
# elementwise
# ---------------------------------------------------------------------------------------------------------------


class _Binary(NnOp):
    """Elementwise binary op with numpy broadcasting."""

    __slots__ = ()
    lhs = operand(StaticTensor)
    rhs = operand(StaticTensor)
    same_element: ClassVar[bool] = True

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        et = _same_element(types) if cls.same_element else types[0].element_type
        return [RankedTensorType(broadcast_shapes(types[0].shape, types[1].shape), et)]


def _binary(clsname: str, opname: str, onnx: str, formula: str, same_element: bool = True) -> type[Op]:
    doc = (f"Elementwise {formula} with numpy broadcasting (ONNX ``{onnx}``).\n\n    Operands: ``lhs``, ``rhs`` of "
           "broadcastable shapes. Result: the broadcast shape, the element type of ``lhs``.\n    Errors: "
           "unbroadcastable shapes" + (", different element types." if same_element else "."))
    return _derive(_Binary, clsname, opname, onnx, doc, [Pure()], same_element=same_element)


AddOp = _binary("AddOp", "nn.add", "Add", "sum ``lhs + rhs``")
SubOp = _binary("SubOp", "nn.sub", "Sub", "difference ``lhs - rhs``")
MulOp = _binary("MulOp", "nn.mul", "Mul", "product ``lhs * rhs``")
DivOp = _binary("DivOp", "nn.div", "Div", "quotient ``lhs / rhs`` (integers truncate toward zero)")
MaxOp = _binary("MaxOp", "nn.max", "Max", "maximum (two inputs; NaN propagates)")
MinOp = _binary("MinOp", "nn.min", "Min", "minimum (two inputs; NaN propagates)")
PowOp = _binary("PowOp", "nn.pow", "Pow", "power ``lhs ^ rhs`` (the exponent may have another element type)",
                same_element=False)


@_register
class SumOp(NnOp, name="nn.sum", traits=[Pure()]):
    """Elementwise sum of one or more tensors with numpy broadcasting (ONNX ``Sum``).

    Errors: no operand, unbroadcastable shapes, different element types."""

    onnx = "Sum"
    inputs = var_operand(StaticTensor)

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        if not types:
            raise ShapeError("expects at least one operand")
        return [RankedTensorType(broadcast_shapes(*(t.shape for t in types)), _same_element(types))]


class _Unary(_InputOp):
    """Elementwise op on one floating-point tensor; the result has the operand's type."""

    __slots__ = ()
    assembly_format = UNARY

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        return [_float(types[0], "input")]


def _unary(clsname: str, opname: str, onnx: str, formula: str) -> type[Op]:
    doc = (f"Elementwise {formula} (ONNX ``{onnx}``).\n\n    Operand and result: one floating-point tensor type. "
           "Errors: a non-float operand.")
    return _derive(_Unary, clsname, opname, onnx, doc, [Pure(), SameOperandsAndResultType()])


ReluOp = _unary("ReluOp", "nn.relu", "Relu", "``max(x, 0)``")
SigmoidOp = _unary("SigmoidOp", "nn.sigmoid", "Sigmoid", "logistic function ``1 / (1 + exp(-x))``")
TanhOp = _unary("TanhOp", "nn.tanh", "Tanh", "hyperbolic tangent")
ExpOp = _unary("ExpOp", "nn.exp", "Exp", "``e^x``")
SqrtOp = _unary("SqrtOp", "nn.sqrt", "Sqrt", "square root (NaN for negative x)")
ErfOp = _unary("ErfOp", "nn.erf", "Erf", "error function ``2/√π ∫₀ˣ e^(-t²) dt``")


@_register
class LeakyReluOp(_Unary, name="nn.leaky_relu", traits=[Pure(), SameOperandsAndResultType()]):
    """Elementwise ``x if x >= 0 else alpha · x`` (ONNX ``LeakyRelu``). Properties: ``alpha`` = 0.01 (f32)."""

    onnx = "LeakyRelu"
    alpha = prop(F32Attr, default=f32_attr(0.01))


@_register
class ClipOp(_Unary, name="nn.clip", traits=[Pure(), SameOperandsAndResultType()]):
    """Elementwise ``min(max(x, min), max)`` (ONNX ``Clip``; the importer turns opset-11+ ``min``/``max`` inputs
    into these properties). Properties: optional f32 ``min`` and ``max`` (absent: no bound).
    Errors: ``min`` > ``max``."""

    onnx = "Clip"
    min = prop(F32Attr, optional=True)
    max = prop(F32Attr, optional=True)

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        lo, hi = p.float("min"), p.float("max")
        if lo is not None and hi is not None and lo > hi:
            raise ShapeError(f"expects min <= max, got min = {lo}, max = {hi}")
        return super()._infer(types, p)


@_register
class GeluOp(_Unary, name="nn.gelu", traits=[Pure(), SameOperandsAndResultType()]):
    """Gaussian error linear unit (ONNX ``Gelu``, opset 20): ``0.5·x·(1 + erf(x/√2))``, or with
    ``approximate = "tanh"`` ``0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))`` (Hendrycks & Gimpel 2016).
    Errors: ``approximate`` not ``"none"`` or ``"tanh"``."""

    onnx = "Gelu"
    approximate = prop(StrAttr, default=StringAttr("none"))

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        if p.str("approximate") not in ("none", "tanh"):
            raise ShapeError(f"expects approximate = \"none\" or \"tanh\", got \"{p.str('approximate')}\"")
        return super()._infer(types, p)


@_register
class DropoutOp(_Unary, name="nn.dropout", traits=[Pure(), SameOperandsAndResultType()]):
    """Dropout at inference (ONNX ``Dropout`` with ``training_mode`` false): the identity. ``ratio`` (f32, 0.5) is
    kept for the record; ``nn-remove-dropout`` erases the op. Errors: ``ratio`` outside [0, 1)."""

    onnx = "Dropout"
    ratio = prop(F32Attr, default=f32_attr(0.5))

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        r = p.float("ratio")
        if r is None or not 0.0 <= r < 1.0:
            raise ShapeError(f"expects ratio in [0, 1), got {r}")
        return super()._infer(types, p)


class _AxisUnary(_Unary):
    __slots__ = ()
    axis = prop(I64Attr, default=i64_attr(-1))

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        normalize_axis(p.int("axis"), types[0].rank)
        return super()._infer(types, p)


@_register
class SoftmaxOp(_AxisUnary, name="nn.softmax", traits=[Pure(), SameOperandsAndResultType()]):
    """Softmax along ``axis`` (ONNX ``Softmax``, opset-13 semantics): ``exp(x - max) / Σ exp(x - max)`` over
    that one axis (the max subtracted for numerical stability). For opset < 13 models the importer emits
    ``nn.flatten`` / ``nn.softmax {axis = 1}`` / ``nn.reshape``. Properties: ``axis`` = -1.
    Errors: ``axis`` outside [-rank, rank-1]."""

    onnx = "Softmax"


@_register
class LogSoftmaxOp(_AxisUnary, name="nn.log_softmax", traits=[Pure(), SameOperandsAndResultType()]):
    """``log(softmax(x))`` along ``axis``, computed as ``x - max - log Σ exp(x - max)`` (ONNX ``LogSoftmax``,
    opset-13 semantics). Properties: ``axis`` = -1. Errors: ``axis`` outside [-rank, rank-1]."""

    onnx = "LogSoftmax"


@_register
class LrnOp(_Unary, name="nn.lrn", traits=[Pure(), SameOperandsAndResultType()]):
    """Local response normalization across channels (ONNX ``LRN``, Krizhevsky et al. 2012):
    ``y = x / (bias + alpha/size · Σ x[n, i, ...]²)^beta``, the sum over channels
    ``i in [c - floor((size-1)/2), c + ceil((size-1)/2)]`` clipped to [0, C-1].

    Operand: (N, C, D1, ..., Dk), rank >= 3. Properties: ``size`` (required, > 0), ``alpha`` = 1e-4,
    ``beta`` = 0.75, ``bias`` = 1.0 (f32). Errors: rank < 3, ``size`` < 1."""

    onnx = "LRN"
    size = prop(I64Attr)
    alpha = prop(F32Attr, default=f32_attr(1e-4))
    beta = prop(F32Attr, default=f32_attr(0.75))
    bias = prop(F32Attr, default=f32_attr(1.0))

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        _min_rank(types[0], 3, "N, C, D1, ...")
        if p.int("size") < 1:
            raise ShapeError(f"expects size >= 1, got {p.int('size')}")
        return super()._infer(types, p)


# ---------------------------------------------------------------------------------------------------------------
# pooling and normalization
# ---------------------------------------------------------------------------------------------------------------


class _Pool(_InputOp):
    __slots__ = ()
    kernel_shape = prop(I64Array)
    strides = prop(I64Array, default=ints([1, 1]))
    pads = prop(I64Array, default=ints([0, 0, 0, 0]))
    ceil_mode = prop(I64Attr, default=i64_attr(0))
    has_dilations: ClassVar[bool] = False

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        x = _float(types[0], "input")
        if x.rank != 4:
            raise ShapeError(f"expects a 4-D input (N, C, H, W), got {x.rank}-D")
        kernel = p.ints("kernel_shape", 2, 1)
        if kernel is None:
            raise ShapeError("requires attribute 'kernel_shape'")
        strides, pads, dil = _window_props(p, cls.has_dilations)
        ceil_mode = p.flag("ceil_mode")
        for i in range(2):
            if max(pads[i], pads[i + 2]) >= kernel[i] * dil[i]:
                raise ShapeError(f"pads ({pads[i]}, {pads[i + 2]}) must be smaller than the kernel ({kernel[i]}) "
                                 f"in spatial dimension {i}")
        oh, ow = _spatial(x, kernel, strides, pads, dil, bool(ceil_mode))
        return [RankedTensorType([*x.shape[:2], oh, ow], x.element_type)]


@_register
class MaxPool2DOp(_Pool, name="nn.maxpool2d", traits=[Pure()]):
    """2-D max pooling (ONNX ``MaxPool``, the ``Y`` output): the maximum over each window, padding never chosen.

    Operand: (N, C, H, W). Result: (N, C, OH, OW), ``OH`` as in ``nn.conv2d`` with ``floor`` or, when
    ``ceil_mode`` = 1, ``ceil`` (a last window starting in the end padding is dropped, as onnxruntime does).
    Properties: ``kernel_shape`` [kH, kW] (required), ``strides`` = [1, 1], ``pads`` = [0, 0, 0, 0],
    ``dilations`` = [1, 1], ``ceil_mode`` = 0.
    Errors: non-4-D input, bad property lengths or values, a pad not smaller than the (dilated) kernel, a window
    larger than the padded input."""

    onnx = "MaxPool"
    dilations = prop(I64Array, default=ints([1, 1]))
    has_dilations = True


@_register
class AvgPool2DOp(_Pool, name="nn.avgpool2d", traits=[Pure()]):
    """2-D average pooling (ONNX ``AveragePool``): the mean over each window. With ``count_include_pad`` = 0 the
    divisor counts only input elements; with 1 it also counts the explicit padding (not the extra positions a
    ``ceil_mode`` window reaches past it, as onnxruntime).

    Operand: (N, C, H, W). Result: (N, C, OH, OW) as ``nn.maxpool2d``. Properties: ``kernel_shape`` (required),
    ``strides`` = [1, 1], ``pads`` = [0, 0, 0, 0], ``ceil_mode`` = 0, ``count_include_pad`` = 0.
    Errors: as ``nn.maxpool2d``; ``count_include_pad`` not 0 or 1."""

    onnx = "AveragePool"
    count_include_pad = prop(I64Attr, default=i64_attr(0))

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        p.flag("count_include_pad")
        return super()._infer(types, p)


@_register
class GlobalAvgPoolOp(_InputOp, name="nn.global_avgpool", traits=[Pure()]):
    """Mean over all spatial positions (ONNX ``GlobalAveragePool``).

    Operand: (N, C, D1, ..., Dk), rank >= 3. Result: (N, C, 1, ..., 1). Errors: rank < 3."""

    onnx = "GlobalAveragePool"

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        x = _min_rank(_float(types[0], "input"), 3, "N, C, D1, ...")
        return [RankedTensorType([*x.shape[:2]] + [1] * (x.rank - 2), x.element_type)]


@_register
class BatchNormOp(_InputOp, name="nn.batch_norm", traits=[Pure()]):
    """Batch normalization at inference (ONNX ``BatchNormalization``, ``training_mode`` = 0):
    ``Y = (X - mean) / sqrt(var + epsilon) · scale + B`` per channel (dimension 1).

    Operands: ``input`` (N, C, D1, ...), rank >= 2; ``scale``, ``b``, ``mean``, ``var`` (C).
    Result: the input's type. Properties: ``epsilon`` = 1e-5 (f32).
    Errors: rank < 2, a per-channel operand not of shape (C), mixed element types."""

    onnx = "BatchNormalization"
    scale = operand(StaticTensor)
    b = operand(StaticTensor)
    mean = operand(StaticTensor)
    var = operand(StaticTensor)
    epsilon = prop(F32Attr, default=f32_attr(1e-5))

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        x = _float(types[0], "input")
        _same_element(types)
        _min_rank(x, 2, "N, C, ...")
        for name, t in zip(("scale", "b", "mean", "var"), types[1:]):
            if t.shape != (x.shape[1],):
                raise ShapeError(f"expects '{name}' of shape ({x.shape[1]}), got '{t}'")
        return [x]


@_register
class LayerNormOp(_InputOp, name="nn.layer_norm", traits=[Pure()]):
    """Layer normalization (ONNX ``LayerNormalization``, opset 17, the ``Y`` output): over the dimensions
    ``axis..rank-1``, ``Y = (X - mean) / sqrt(var + epsilon) · scale + B`` (population variance).

    Operands: ``input``; ``scale`` and optional ``b`` unidirectionally broadcastable to ``input.shape[axis:]``.
    Result: the input's type. Properties: ``axis`` = -1, ``epsilon`` = 1e-5 (f32).
    Errors: ``axis`` out of range, ``scale``/``b`` not broadcastable to the normalized shape."""

    onnx = "LayerNormalization"
    scale = operand(StaticTensor)
    b = opt_operand(StaticTensor)
    axis = prop(I64Attr, default=i64_attr(-1))
    epsilon = prop(F32Attr, default=f32_attr(1e-5))

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        x = _float(types[0], "input")
        _same_element(types)
        axis = normalize_axis(p.int("axis"), x.rank)
        norm = x.shape[axis:]
        for name, t in zip(("scale", "b"), types[1:]):
            if not unidirectional(t.shape, norm):
                raise ShapeError(f"'{name}' of shape {_shape(t.shape)} is not broadcastable to the normalized "
                                 f"shape {_shape(norm)}")
        return [x]


# ---------------------------------------------------------------------------------------------------------------
# shape manipulation
# ---------------------------------------------------------------------------------------------------------------


@_register
class FlattenOp(_InputOp, name="nn.flatten", traits=[Pure()]):
    """Reshape to 2-D (ONNX ``Flatten``): (d0·...·d(axis-1), d(axis)·...·d(n-1)).

    Properties: ``axis`` = 1, in [-rank, rank]. Errors: ``axis`` out of range."""

    onnx = "Flatten"
    axis = prop(I64Attr, default=i64_attr(1))

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        x = types[0]
        axis = p.int("axis")
        if not -x.rank <= axis <= x.rank:
            raise ShapeError(f"axis {axis} is out of range for a {x.rank}-D operand (expects [{-x.rank}, {x.rank}])")
        axis = axis + x.rank if axis < 0 else axis
        return [RankedTensorType([math.prod(x.shape[:axis]), math.prod(x.shape[axis:])], x.element_type)]


@_register
class ReshapeOp(_InputOp, name="nn.reshape", traits=[Pure()]):
    """Same elements, in row-major order, in the result's shape (ONNX ``Reshape``, ``Squeeze``, ``Unsqueeze``:
    the importer resolves the target shape, 0 and -1 included, into the result type).

    Errors: a different element count or element type."""

    onnx = "Reshape"

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        raise ShapeError("the result type of 'nn.reshape' cannot be inferred: use ReshapeOp.build_reshape")

    @classmethod
    def build_reshape(cls, input: Value, shape: Sequence[int], location: Any = None) -> ReshapeOp:
        """``nn.reshape`` of ``input`` to ``shape`` (static sizes). Raises :class:`ShapeError`."""
        t = _tensor(input.type)
        rt = RankedTensorType(list(shape), t.element_type)
        cls._check(t, rt)
        op: ReshapeOp = cls.create([input], [rt], location=location)
        return op

    @staticmethod
    def _check(t: RankedTensorType, rt: Type) -> None:
        rt = _tensor(rt, "result")
        if rt.element_type != t.element_type:
            raise ShapeError(f"expects the result element type of the input, got '{t}' -> '{rt}'")
        if rt.num_elements != t.num_elements:
            raise ShapeError(f"cannot reshape {t.num_elements} elements ({_shape(t.shape)}) into "
                             f"{rt.num_elements} ({_shape(rt.shape)})")

    def verify_(self) -> None:
        try:
            self._check(_tensor(self.operand(0).type), self.results[0].type)
        except ShapeError as e:
            raise self.emit_error(str(e)) from None


@_register
class TransposeOp(_InputOp, name="nn.transpose", traits=[Pure()]):
    """Permute dimensions (ONNX ``Transpose``): result dimension i is input dimension ``perm[i]``.

    Properties: optional ``perm`` (absent: reverse the dimensions, ONNX's default).
    Errors: ``perm`` not a permutation of 0..rank-1."""

    onnx = "Transpose"
    perm = prop(I64Array, optional=True)

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        x = types[0]
        perm = p.ints("perm")
        if perm is None:
            perm = list(range(x.rank))[::-1]
        if sorted(perm) != list(range(x.rank)):
            raise ShapeError(f"expects 'perm' to be a permutation of 0..{x.rank - 1}, got "
                             f"[{', '.join(map(str, perm))}]")
        return [RankedTensorType([x.shape[i] for i in perm], x.element_type)]

    def permutation(self) -> list[int]:
        """``perm`` with the default applied."""
        perm = _Props(type(self), self.properties).ints("perm")
        return perm if perm is not None else list(range(self.results[0].type.rank))[::-1]  # type: ignore[attr-defined]


@_register
class ConcatOp(NnOp, name="nn.concat", traits=[Pure()]):
    """Concatenate along ``axis`` (ONNX ``Concat``). Properties: ``axis`` (required), in [-rank, rank-1].

    Errors: no operand, different ranks or element types, other dimensions differing, ``axis`` out of range."""

    onnx = "Concat"
    inputs = var_operand(StaticTensor)
    axis = prop(I64Attr)

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        if not types:
            raise ShapeError("expects at least one operand")
        et = _same_element(types)
        rank = types[0].rank
        axis = normalize_axis(p.int("axis"), rank)
        shape = list(types[0].shape)
        for i, t in enumerate(types[1:], 1):
            if t.rank != rank:
                raise ShapeError(f"operand #{i} has rank {t.rank}, expected {rank}")
            for d in range(rank):
                if d != axis and t.shape[d] != shape[d]:
                    raise ShapeError(f"operand #{i} has size {t.shape[d]} in dimension {d}, expected {shape[d]}")
        shape[axis] = sum(t.shape[axis] for t in types)
        return [RankedTensorType(shape, et)]


PAD_MODES = ("constant", "reflect", "edge", "wrap")


@_register
class PadOp(_InputOp, name="nn.pad", traits=[Pure()]):
    """Pad (or, with negative amounts, crop) every dimension (ONNX ``Pad``; the importer folds the ``pads`` and
    ``constant_value`` inputs of opset 11+).

    Properties: ``pads`` [x1_begin, ..., xn_begin, x1_end, ..., xn_end] (required), ``mode`` = "constant"
    ("constant", "reflect", "edge", "wrap"), ``value`` = 0.0 (f32, the constant mode's fill).
    Errors: ``pads`` not of length 2·rank, an unknown mode, a non-positive result size, ``reflect`` pads not
    smaller than the dimension, ``edge``/``reflect`` padding of an empty dimension."""

    onnx = "Pad"
    pads = prop(I64Array)
    mode = prop(StrAttr, default=StringAttr("constant"))
    value = prop(F32Attr, default=f32_attr(0.0))

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        x = types[0]
        pads = p.ints("pads", 2 * x.rank)
        if pads is None:
            raise ShapeError("requires attribute 'pads'")
        mode = p.str("mode")
        if mode not in PAD_MODES:
            raise ShapeError(f"unknown pad mode \"{mode}\" (expects one of {', '.join(PAD_MODES)})")
        shape = []
        for d, n in enumerate(x.shape):
            b, e = pads[d], pads[d + x.rank]
            if mode == "reflect" and max(b, e) >= n:
                raise ShapeError(f"reflect pads ({b}, {e}) must be smaller than dimension {d} of size {n}")
            if n + b + e < 1:
                raise ShapeError(f"pads ({b}, {e}) leave no element in dimension {d} of size {n}")
            shape.append(n + b + e)
        return [RankedTensorType(shape, x.element_type)]


class _Reduce(_InputOp):
    __slots__ = ()
    axes = prop(I64Array, optional=True)
    keepdims = prop(I64Attr, default=i64_attr(1))

    @classmethod
    def _infer(cls, types: list[RankedTensorType], p: _Props) -> list[Type]:
        x = types[0]
        axes = cls.reduced_axes(x.rank, p.ints("axes"))
        keep = p.flag("keepdims")
        shape = [1 if d in axes else n for d, n in enumerate(x.shape) if keep or d not in axes]
        return [RankedTensorType(shape, x.element_type)]

    @staticmethod
    def reduced_axes(rank: int, axes: Sequence[int] | None) -> list[int]:
        """The normalized, sorted reduced axes (all when ``axes`` is absent). Raises :class:`ShapeError`."""
        if axes is None:
            return list(range(rank))
        norm = [normalize_axis(a, rank, "reduction axis") for a in axes]
        if len(set(norm)) != len(norm):
            raise ShapeError(f"repeated reduction axis in [{', '.join(map(str, axes))}]")
        return sorted(norm)


def _reduce(clsname: str, opname: str, onnx: str, what: str) -> type[Op]:
    doc = (f"The {what} over ``axes`` (ONNX ``{onnx}``; the importer folds opset-18 ``axes`` inputs).\n\n"
           "    Properties: optional ``axes`` (absent: all dimensions; negative counts from the end), ``keepdims`` = 1"
           " (reduced dimensions kept with size 1).\n    Errors: an axis out of range or repeated, ``keepdims`` not "
           "0 or 1.")
    return _derive(_Reduce, clsname, opname, onnx, doc, [Pure()])


ReduceMeanOp = _reduce("ReduceMeanOp", "nn.reduce_mean", "ReduceMean", "arithmetic mean")
ReduceSumOp = _reduce("ReduceSumOp", "nn.reduce_sum", "ReduceSum", "sum")
ReduceMaxOp = _reduce("ReduceMaxOp", "nn.reduce_max", "ReduceMax", "maximum")

DIALECT = Dialect("nn", _OPS, description=__doc__ or "")
