"""The ONNX importer: an ONNX model (``.onnx``, opsets 6–21 of the default domain) → a ``builtin.module`` holding
``func.func @main`` of ``nn`` ops (``mlir-py-translate --import-onnx``).

Method (as onnx-mlir's and torch-mlir's importers):

1. ``onnx.load`` (external data included), then ``onnx.shape_inference.infer_shapes(data_prop=True)``: every
   tensor gets a ranked static type (a dynamic dimension is an error: the nn dialect is static-shaped);
2. the graph's nodes are visited in order (ONNX graphs are topologically sorted). A value is either an SSA value or
   a *known constant* (a numpy array): initializers, ``Constant``, ``ConstantOfShape``, ``Shape`` of a static
   tensor, and data-movement ops (``Unsqueeze``, ``Squeeze``, ``Reshape``, ``Concat``, ``Gather``, ``Slice``,
   ``Cast``, ``Flatten``, ``Transpose``, integer arithmetic) whose inputs are all constants are folded with numpy;
   a constant becomes an ``nn.constant`` only where a real op uses it (``dense<...>`` when small or a splat, a
   ``dense_resource`` blob in ``{-# dialect_resources #-}`` when it has more than :data:`RESOURCE_THRESHOLD`
   elements, the size above which MLIR itself prints elements as hex);
3. each other node becomes the nn op of ``NN_SPEC`` (one ONNX operator each), its attributes resolved per opset:
   ``auto_pad`` into explicit ``pads``, opset-11+ ``Clip`` / opset-12+ ``Dropout`` / opset-11+ ``Pad`` /
   opset-13+ ``Squeeze``/``Unsqueeze``/``ReduceSum`` / opset-18+ ``Reduce*`` inputs into properties, opset < 13
   ``Softmax``/``LogSoftmax`` (2-D coercion) into ``nn.flatten`` → ``nn.softmax{axis=1}`` → ``nn.reshape``,
   ``Reshape``'s 0 / -1 resolved (``allowzero``), opset-6 ``broadcast``/``axis`` of binary ops turned into an
   explicit ``nn.reshape`` of the second operand, ``Identity`` forwarded, variadic ``Max``/``Min`` chained,
   1-D ``Conv``/``MaxPool``/``AveragePool`` (``N×C×L``) run as the 2-D ops on ``N×C×1×L`` between reshapes;
4. ``func.func @main`` takes the graph inputs that are not initializers, in order, and returns the outputs.

Every op's location is ``loc("<node name>")`` (the first output's name when the node has none); constants carry
the initializer's name. An unsupported op type, attribute value or dynamic shape raises
:class:`~mlir_py.diagnostics.DiagnosticError` located at ``loc("<node>"("model.onnx":0:0))`` naming the op type
and the node.

``random_weights=SEED`` first rewrites the model with :func:`randomize_weights` (so that onnxruntime can run the
very same weights): every floating-point tensor of more than one element coming from an initializer, a
``Constant`` or a ``ConstantOfShape`` gets seeded random values (see that function for the distributions).

The user documentation, with the sidecar format for large weights, is docs/onnx.md.
"""

from __future__ import annotations

import os
import re
import struct
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from .attributes import (
    DenseArrayAttr,
    DenseElementsAttr,
    DenseResourceElementsAttr,
    FileLineColLoc,
    FloatAttr,
    IntegerAttr,
    IntegerType,
    LocationAttr,
    NameLoc,
    RankedTensorType,
    StringAttr,
    Type,
    bf16,
    f16,
    f32,
    f64,
)
from .diagnostics import Diagnostic, DiagnosticError
from .dialect import Context
from .ir import Operation, Value
from .translate import register_translation

#: constants with more elements than this (and not a splat) become ``dense_resource`` blobs
RESOURCE_THRESHOLD = 100
#: the default-domain opsets accepted
MIN_OPSET, MAX_OPSET = 6, 21

i64 = IntegerType(64)

_ONNX_TO_MLIR: dict[int, Type] = {1: f32, 2: IntegerType(8, "unsigned"), 3: IntegerType(8), 5: IntegerType(16),
                                  6: IntegerType(32), 7: i64, 9: IntegerType(1), 10: f16, 11: f64,
                                  12: IntegerType(32, "unsigned"), 16: bf16}


class OnnxImportError(DiagnosticError):
    """An ONNX model the importer cannot translate (located at the node or the file)."""


def _err(message: str, loc: LocationAttr | None) -> OnnxImportError:
    return OnnxImportError(Diagnostic("error", message, loc))


def mlir_element_type(onnx_dtype: int, loc: LocationAttr | None = None) -> Type:
    """The MLIR element type of an ONNX ``TensorProto.DataType``; raises :class:`OnnxImportError` for others."""
    t = _ONNX_TO_MLIR.get(onnx_dtype)
    if t is None:
        import onnx

        name = onnx.TensorProto.DataType.Name(onnx_dtype) if onnx_dtype in onnx.TensorProto.DataType.values() \
            else str(onnx_dtype)
        raise _err(f"unsupported ONNX element type {name}", loc)
    return t


def _np_element_type(a: np.ndarray, loc: LocationAttr | None) -> Type:
    from onnx import helper

    if a.dtype == np.bool_:
        return IntegerType(1)
    try:
        return mlir_element_type(helper.np_dtype_to_tensor_dtype(a.dtype), loc)
    except (KeyError, ValueError):
        raise _err(f"unsupported constant element type {a.dtype}", loc) from None


# --------------------------------------------------------------------------------------------------------------
# random weights
# --------------------------------------------------------------------------------------------------------------
def random_array(shape: Sequence[int], dtype: Any, rng: np.random.Generator) -> np.ndarray:
    """Seeded values for one weight: uniform in [0.5, 1.5) for rank ≤ 1 (biases, batch-norm scale / mean /
    variance stay positive, so no variance is negative), He-uniform ±sqrt(6 / fan_in) with
    fan_in = prod(shape[1:]) for rank ≥ 2 (He et al. 2015, "Delving Deep into Rectifiers", keeps activations of
    deep ReLU networks in range). Drawn as float32 (``Generator.random``) unless ``dtype`` is float64."""
    shape = tuple(int(d) for d in shape)
    gen_dtype = np.float64 if np.dtype(dtype) == np.float64 else np.float32
    a = rng.random(shape, dtype=gen_dtype)
    if len(shape) <= 1:
        a += gen_dtype(0.5)
    else:
        bound = float(np.sqrt(6.0 / max(1, int(np.prod(shape[1:])))))
        a *= gen_dtype(2 * bound)
        a -= gen_dtype(bound)
    return a.astype(dtype, copy=False)


def randomize_weights(model: Any, seed: int) -> Any:
    """A copy of ``model`` (an ``onnx.ModelProto``) whose floating-point weights of more than one element —
    initializers, ``Constant`` values and ``ConstantOfShape`` outputs with a constant shape — are replaced by
    :func:`random_array` values drawn from ``numpy.random.default_rng(seed)`` in graph order (initializers first).
    A ``Constant`` or ``ConstantOfShape`` so replaced becomes an initializer of the same name (also listed as a
    graph input when ``ir_version < 4`` requires it). Scalars (hyper-parameters such as Clip bounds) and integer
    tensors (shapes, indices) are kept."""
    import onnx
    from onnx import helper, numpy_helper

    m = onnx.ModelProto()
    m.CopyFrom(model)
    rng = np.random.default_rng(seed)
    known: dict[str, np.ndarray] = {}
    for init in m.graph.initializer:
        w = numpy_helper.to_array(init)
        if w.dtype.kind == "f" and w.size > 1:
            w = random_array(w.shape, w.dtype, rng)
            init.CopyFrom(numpy_helper.from_array(w, init.name))
        known[init.name] = w
    keep: list[Any] = []
    new_inits: list[Any] = []
    for node in m.graph.node:
        a: np.ndarray | None = None
        if node.domain not in ("", "ai.onnx"):
            pass
        elif node.op_type == "Constant":
            value = next((numpy_helper.to_array(t.t) for t in node.attribute if t.name == "value"), None)
            if value is not None:
                known[node.output[0]] = value
                if value.dtype.kind == "f" and value.size > 1:
                    a = random_array(value.shape, value.dtype, rng)
        elif node.op_type == "ConstantOfShape" and node.input and node.input[0] in known:
            shape = [int(d) for d in known[node.input[0]].astype(np.int64).reshape(-1)]
            value = next((numpy_helper.to_array(t.t) for t in node.attribute if t.name == "value"),
                         np.zeros(1, np.float32))
            if value.dtype.kind == "f" and int(np.prod(shape)) > 1:
                a = random_array(shape, value.dtype, rng)
        if a is None:
            keep.append(node)
            continue
        known[node.output[0]] = a
        new_inits.append(numpy_helper.from_array(a, node.output[0]))
    if new_inits:
        del m.graph.node[:]
        m.graph.node.extend(keep)
        m.graph.initializer.extend(new_inits)
        if m.ir_version < 4:
            m.graph.input.extend(helper.make_tensor_value_info(t.name, t.data_type, list(t.dims)) for t in new_inits)
    return m


# --------------------------------------------------------------------------------------------------------------
# the importer
# --------------------------------------------------------------------------------------------------------------
class _Const:
    """A value known at import time (not yet materialized as an ``nn.constant``)."""

    __slots__ = ("array", "name")

    def __init__(self, array: np.ndarray, name: str):
        self.array, self.name = array, name


Handler = Callable[["OnnxImporter", Any, LocationAttr], None]
_HANDLERS: dict[str, Handler] = {}
_FOLDERS: dict[str, Callable[[OnnxImporter, Any, list[np.ndarray | None]], list[np.ndarray] | None]] = {}


def _handler(*names: str) -> Callable[[Handler], Handler]:
    def reg(fn: Handler) -> Handler:
        for n in names:
            _HANDLERS[n] = fn
        return fn

    return reg


def _folder(*names: str) -> Callable[[Any], Any]:
    def reg(fn: Any) -> Any:
        for n in names:
            _FOLDERS[n] = fn
        return fn

    return reg


def supported_ops() -> list[str]:
    """The ONNX op types the importer translates (folded-only ones included)."""
    return sorted(set(_HANDLERS) | set(_FOLDERS))


def _without_big_weights(model: Any, limit: int = 1 << 16) -> Any:
    """``model`` with every initializer of more than ``limit`` elements turned into a typed graph input, for shape
    inference: ``infer_shapes`` serializes the model (VGG-19: 550 MB), while only small integer tensors (shapes,
    axes) matter to its data propagation. The model itself is returned when nothing is that large."""
    import onnx
    from onnx import helper

    big = [i for i in model.graph.initializer if int(np.prod(i.dims)) > limit]
    if not big:
        return model
    names = {i.name for i in big}
    m = onnx.ModelProto()
    m.ir_version = model.ir_version
    m.opset_import.extend(model.opset_import)
    g = m.graph
    g.CopyFrom(onnx.GraphProto(name=model.graph.name, node=model.graph.node, output=model.graph.output,
                               value_info=model.graph.value_info))
    listed = {i.name for i in model.graph.input}
    g.input.extend(model.graph.input)
    g.input.extend(helper.make_tensor_value_info(i.name, i.data_type, list(i.dims)) for i in big
                   if i.name not in listed)
    g.initializer.extend(i for i in model.graph.initializer if i.name not in names)
    return m


class OnnxImporter:
    """Translate one ``onnx.ModelProto``; see the module docstring. ``filename`` is used in locations only."""

    def __init__(self, model: Any, ctx: Context, filename: str = "model.onnx",
                 resource_threshold: int = RESOURCE_THRESHOLD):
        self.model = model
        self.ctx = ctx
        self.filename = filename
        self.resource_threshold = resource_threshold
        self.file_loc = FileLineColLoc(filename, 0, 0)
        self.opset = self._default_opset()
        self.env: dict[str, Value | _Const] = {}
        self.types: dict[str, RankedTensorType] = {}
        self._type_errors: dict[str, str] = {}
        self.materialized: dict[str, Value] = {}
        self.blobs: dict[str, bytes] = {}
        self.block: Any = None
        self.consumed: set[str] = set()
        self.node: Any = None
        self.node_name = ""

    # --- set-up ---------------------------------------------------------------------------------------------------
    def _default_opset(self) -> int:
        version = None
        for o in self.model.opset_import:
            if o.domain in ("", "ai.onnx"):
                version = int(o.version)
        if version is None:
            raise _err("the model imports no opset of the default ONNX domain", self.file_loc)
        if not MIN_OPSET <= version <= MAX_OPSET:
            raise _err(f"unsupported opset version {version} (supported: {MIN_OPSET} to {MAX_OPSET})",
                       self.file_loc)
        return version

    def _infer_types(self) -> None:
        import onnx
        from onnx import shape_inference

        try:
            inferred = shape_inference.infer_shapes(_without_big_weights(self.model), data_prop=True)
        except (onnx.shape_inference.InferenceError, onnx.checker.ValidationError, RuntimeError) as e:
            raise _err(f"ONNX shape inference failed: {str(e).strip()}", self.file_loc) from None
        g = inferred.graph
        for vi in list(g.input) + list(g.value_info) + list(g.output):
            tt = vi.type.tensor_type if vi.type.HasField("tensor_type") else None
            if tt is None or not tt.HasField("shape"):
                continue
            dims = []
            for d in tt.shape.dim:
                if not d.HasField("dim_value"):
                    self._type_errors[vi.name] = (f"tensor '{vi.name}' has a dynamic dimension "
                                                  f"'{d.dim_param or '?'}' (only static shapes are supported)")
                    break
                dims.append(int(d.dim_value))
            else:
                try:
                    self.types[vi.name] = RankedTensorType(dims, mlir_element_type(tt.elem_type))
                except DiagnosticError as e:
                    self._type_errors[vi.name] = f"tensor '{vi.name}': {e.diagnostic.message}"

    def type_of(self, name: str) -> RankedTensorType:
        t = self.types.get(name)
        if t is None:
            msg = self._type_errors.get(name, f"could not infer a static type for '{name}'")
            raise self.error(msg)
        return t

    # --- diagnostics ----------------------------------------------------------------------------------------------
    def error(self, message: str) -> OnnxImportError:
        loc = NameLoc(self.node_name, self.file_loc) if self.node is not None else self.file_loc
        where = f"'{self.node.op_type}' node '{self.node_name}': " if self.node is not None else ""
        return _err(where + message, loc)

    # --- values ---------------------------------------------------------------------------------------------------
    def const(self, name: str) -> np.ndarray | None:
        """The value of ``name`` when known at import time (None for an absent optional input too)."""
        v = self.env.get(name) if name else None
        return v.array if isinstance(v, _Const) else None

    def has(self, index: int) -> bool:
        return len(self.node.input) > index and bool(self.node.input[index])

    def value(self, name: str) -> Value:
        """The SSA value of ``name``, materializing a known constant as an ``nn.constant`` (once)."""
        v = self.env.get(name)
        if v is None:
            raise self.error(f"input '{name}' is not defined before its use")
        if isinstance(v, _Const):
            if name not in self.materialized:
                self.materialized[name] = self._materialize(v.array, name)
            return self.materialized[name]
        return v

    def operand(self, i: int) -> Value:
        return self.value(self.node.input[i])

    def _materialize(self, a: np.ndarray, name: str) -> Value:
        loc = NameLoc(name)
        et = _np_element_type(a, loc)
        t = RankedTensorType(list(a.shape), et)
        splat = a.size > 0 and (all(s == 0 for s in a.strides) or bool(np.all(a == a.reshape(-1)[0])))
        attr: Any
        if splat:
            attr = DenseElementsAttr(t, np.array(a.reshape(-1)[0]))
        elif a.size > self.resource_threshold:
            key = self._resource_key(name)
            data = np.ascontiguousarray(a, dtype=a.dtype.newbyteorder("<")).tobytes()
            align = max(1, a.dtype.itemsize)
            self.blobs[key] = struct.pack("<I", align) + data
            attr = DenseResourceElementsAttr(key, t)
        else:
            attr = DenseElementsAttr(t, a)
        return self.emit("nn.constant", [], t, {"value": attr}, loc)

    def _resource_key(self, name: str) -> str:
        key = re.sub(r"[^A-Za-z0-9_.$]", "_", name) or "blob"
        if not re.match(r"[A-Za-z_]", key):
            key = "_" + key
        base, n = key, 1
        while key in self.blobs:
            key, n = f"{base}_{n}", n + 1
        return key

    def define(self, i: int, v: Value | np.ndarray) -> None:
        name = self.node.output[i]
        if isinstance(v, np.ndarray):
            self.env[name] = _Const(v, name)
        else:
            self.env[name] = v

    # --- building -------------------------------------------------------------------------------------------------
    def emit(self, name: str, operands: Sequence[Value], result_type: Type, props: dict[str, Any] | None = None,
             loc: LocationAttr | None = None) -> Value:
        """Append ``name(operands) {props} : result_type`` (through the op's class when registered)."""
        cls = self.ctx.get_op_class(name)
        location = loc if loc is not None else NameLoc(self.node_name)
        if cls is not None:
            op = cls.create(list(operands), [result_type], dict(props or {}), location=location)
        else:
            op = Operation(list(operands), [result_type], dict(props or {}), location=location, name=name)
        self.block.append(op)
        return op.results[0]

    def op(self, name: str, operands: Sequence[Value], props: dict[str, Any] | None = None, out: int = 0) -> None:
        """Emit ``name`` for the current node, typed as its ``out``-th output, and define that output."""
        self.define(out, self.emit(name, operands, self.type_of(self.node.output[out]), props))

    # --- attributes -----------------------------------------------------------------------------------------------
    def attr(self, name: str, default: Any = None) -> Any:
        from onnx import helper

        for a in self.node.attribute:
            if a.name == name:
                v = helper.get_attribute_value(a)
                if isinstance(v, bytes):
                    return v.decode()
                if isinstance(v, list):
                    return [x.decode() if isinstance(x, bytes) else x for x in v]
                return v
        return default

    def unused_output(self, i: int, what: str) -> None:
        """Error when output ``i`` (``what``) is consumed by a node or is a graph output."""
        if len(self.node.output) > i and self.node.output[i] and self.node.output[i] in self.consumed:
            raise self.error(f"the {what} output is not supported (only inference is)")

    def const_input(self, i: int, what: str) -> np.ndarray | None:
        """The value of optional input ``i``, which must be a constant when present."""
        if not self.has(i):
            return None
        a = self.const(self.node.input[i])
        if a is None:
            raise self.error(f"the {what} input must be a constant")
        return a

    # --- driver ---------------------------------------------------------------------------------------------------
    def run(self) -> Operation:
        from dialects.builtin import ModuleOp
        from dialects.func import FuncOp, ReturnOp

        from .ir import Region

        self._infer_types()
        g = self.model.graph
        from onnx import numpy_helper

        inits = {i.name for i in g.initializer}
        inputs = [i for i in g.input if i.name not in inits]
        self.consumed = {n for node in g.node for n in node.input} | {o.name for o in g.output}
        arg_types = []
        for vi in inputs:
            arg_types.append(self.type_of(vi.name))
        for o in g.output:
            self.type_of(o.name)
        module = ModuleOp.create(regions=[Region()], location=self.file_loc)
        module.regions[0].add_block()
        fn = FuncOp.build_func("main", arg_types, [self.type_of(o.name) for o in g.output], location=self.file_loc)
        module.regions[0].blocks[0].append(fn)
        self.block = fn.regions[0].blocks[0]
        for vi, arg in zip(inputs, self.block.args):
            arg.location = NameLoc(vi.name)
            self.env[vi.name] = arg
        for init in g.initializer:
            try:
                a = numpy_helper.to_array(init)
            except Exception as e:  # noqa: BLE001 - onnx raises various errors on malformed tensors
                raise _err(f"cannot read initializer '{init.name}': {e}", self.file_loc) from None
            self.env[init.name] = _Const(a, init.name)
        for idx, node in enumerate(g.node):
            self.node = node
            self.node_name = node.name or (node.output[0] if node.output else f"{node.op_type}_{idx}")
            self._node(node)
        self.node = None
        results = []
        for o in g.output:
            if o.name not in self.env:
                raise _err(f"graph output '{o.name}' is not produced by any node", self.file_loc)
            results.append(self.value(o.name))
        self.block.append(ReturnOp.create(results, location=NameLoc("return")))
        if self.blobs:
            module.resources = {"builtin": dict(self.blobs)}  # type: ignore[attr-defined]
            self.ctx.resources.update(self.blobs)
        self._verify(module)
        return module

    def _verify(self, module: Operation) -> None:
        """Verify the module; an nn op the model's shapes make invalid (e.g. a weight with the wrong channel count,
        which ONNX shape inference lets through) is reported at the ONNX file, naming the node."""
        from .verifier import verify

        try:
            verify(module)
        except DiagnosticError as e:
            d = e.diagnostic
            loc = d.location
            if isinstance(loc, NameLoc) and loc.child is None:
                raise _err(f"node '{loc.name}': {d.message}", NameLoc(loc.name, self.file_loc)) from None
            raise

    def _node(self, node: Any) -> None:
        if node.domain not in ("", "ai.onnx"):
            raise self.error(f"operator domain '{node.domain}' is not supported")
        folder = _FOLDERS.get(node.op_type)
        if folder is not None:
            ins = [self.const(n) if n else None for n in node.input]
            present = [a for n, a in zip(node.input, ins) if n]
            if all(a is not None for a in present):
                outs = folder(self, node, ins)
                if outs is not None:
                    for i, a in enumerate(outs):
                        self.define(i, np.asarray(a))
                    return
        h = _HANDLERS.get(node.op_type)
        if h is None:
            if folder is not None:
                raise self.error(f"op type '{node.op_type}' is supported only on constant inputs")
            raise self.error(f"op type '{node.op_type}' is not supported")
        h(self, node, NameLoc(self.node_name))

    # --- shared helpers -------------------------------------------------------------------------------------------
    def reshape(self, v: Value, shape: Sequence[int], loc: LocationAttr | None = None) -> Value:
        assert isinstance(v.type, RankedTensorType)
        if list(v.type.shape) == list(shape):
            return v
        return self.emit("nn.reshape", [v], RankedTensorType(list(shape), v.type.element_type), {}, loc)

    def spatial_pads(self, in_shape: Sequence[int], kernel: Sequence[int], strides: Sequence[int],
                     dilations: Sequence[int], ceil_mode: int = 0) -> list[int]:
        """``pads`` with ``auto_pad`` resolved (ONNX Conv/MaxPool/AveragePool spec: SAME_* keep
        ceil(in / stride) outputs, SAME_UPPER puts the odd padding at the end, SAME_LOWER at the beginning)."""
        n = len(kernel)
        auto = self.attr("auto_pad", "NOTSET")
        if auto in ("NOTSET", ""):
            pads = list(self.attr("pads", [0] * (2 * n)))
            if len(pads) != 2 * n:
                raise self.error(f"'pads' has {len(pads)} values, expected {2 * n}")
            return pads
        if auto == "VALID":
            return [0] * (2 * n)
        if auto not in ("SAME_UPPER", "SAME_LOWER"):
            raise self.error(f"unknown auto_pad value '{auto}'")
        begin, end = [], []
        for i in range(n):
            out = -(-in_shape[i] // strides[i])
            total = max(0, (out - 1) * strides[i] + (kernel[i] - 1) * dilations[i] + 1 - in_shape[i])
            small, big = total // 2, total - total // 2
            begin.append(small if auto == "SAME_UPPER" else big)
            end.append(big if auto == "SAME_UPPER" else small)
        return begin + end


def _arr(values: Sequence[int]) -> DenseArrayAttr:
    return DenseArrayAttr(i64, [int(v) for v in values])


def _int(v: int) -> IntegerAttr:
    return IntegerAttr(int(v), i64)


def _float(v: float) -> FloatAttr:
    return FloatAttr(float(np.float32(v)), f32)


def _axis(im: OnnxImporter, axis: int, rank: int, what: str = "axis") -> int:
    if not -rank <= axis < max(rank, 1):
        raise im.error(f"{what} {axis} is out of range for a rank-{rank} tensor")
    return axis + rank if axis < 0 else axis


def _rank(v: Value) -> int:
    assert isinstance(v.type, RankedTensorType)
    return len(v.type.shape)


def _shape(v: Value) -> list[int]:
    assert isinstance(v.type, RankedTensorType)
    return list(v.type.shape)


# --------------------------------------------------------------------------------------------------------------
# folders: all inputs known → numpy (None: leave the node to its handler)
# --------------------------------------------------------------------------------------------------------------
@_folder("Constant")
def _f_constant(im: OnnxImporter, node: Any, ins: list[np.ndarray | None]) -> list[np.ndarray]:
    from onnx import numpy_helper

    for a in node.attribute:
        if a.name == "value":
            return [numpy_helper.to_array(a.t)]
        if a.name == "value_float":
            return [np.array(a.f, np.float32)]
        if a.name == "value_floats":
            return [np.array(list(a.floats), np.float32)]
        if a.name == "value_int":
            return [np.array(a.i, np.int64)]
        if a.name == "value_ints":
            return [np.array(list(a.ints), np.int64)]
    raise im.error("only tensor, float(s) and int(s) values are supported")


@_folder("ConstantOfShape")
def _f_constant_of_shape(im: OnnxImporter, node: Any, ins: list[np.ndarray | None]) -> list[np.ndarray]:
    from onnx import numpy_helper

    shape = ins[0]
    assert shape is not None
    value = next((numpy_helper.to_array(a.t) for a in node.attribute if a.name == "value"), np.zeros(1, np.float32))
    dims = [int(d) for d in shape.reshape(-1)]
    if any(d < 0 for d in dims):
        raise im.error(f"negative dimension in shape {dims}")
    return [np.broadcast_to(value.reshape(-1)[:1].reshape(()), dims)]  # a view: no memory for splat weights


@_folder("Identity")
def _f_identity(im: OnnxImporter, node: Any, ins: list[np.ndarray | None]) -> list[np.ndarray]:
    assert ins[0] is not None
    return [ins[0]]


@_folder("Shape")
def _f_shape(im: OnnxImporter, node: Any, ins: list[np.ndarray | None]) -> list[np.ndarray]:
    shape = np.array(ins[0].shape if ins[0] is not None else [], np.int64)
    return [_slice_shape(im, shape)]


def _slice_shape(im: OnnxImporter, shape: np.ndarray) -> np.ndarray:
    r = len(shape)
    start, end = im.attr("start", 0), im.attr("end", r)
    start, end = max(0, min(r, start + r if start < 0 else start)), max(0, min(r, end + r if end < 0 else end))
    return shape[start:end]


def _axes_of(im: OnnxImporter, ins: list[np.ndarray | None], index: int, since: int) -> list[int] | None:
    if im.opset >= since:
        a = ins[index] if len(ins) > index else None
        return None if a is None else [int(x) for x in a.reshape(-1)]
    ax = im.attr("axes")
    return None if ax is None else list(ax)


def _unsqueeze_shape(im: OnnxImporter, shape: Sequence[int], axes: Sequence[int]) -> list[int]:
    r = len(shape) + len(axes)
    axes = sorted(_axis(im, a, r, "axis") for a in axes)
    out = list(shape)
    for a in axes:
        out.insert(a, 1)
    return out


def _squeeze_shape(im: OnnxImporter, shape: Sequence[int], axes: Sequence[int] | None) -> list[int]:
    if axes is None:
        return [d for d in shape if d != 1]
    ax = {_axis(im, a, len(shape)) for a in axes}
    for a in ax:
        if shape[a] != 1:
            raise im.error(f"cannot squeeze axis {a} of size {shape[a]}")
    return [d for i, d in enumerate(shape) if i not in ax]


def _reshape_shape(im: OnnxImporter, in_shape: Sequence[int], target: Sequence[int]) -> list[int]:
    """ONNX Reshape: 0 copies the input dimension (unless ``allowzero``), one -1 is inferred."""
    allowzero = im.attr("allowzero", 0) if im.opset >= 14 else 0
    out = []
    for i, d in enumerate(int(x) for x in target):
        if d == 0 and not allowzero:
            if i >= len(in_shape):
                raise im.error(f"shape dimension {i} is 0 but the input has rank {len(in_shape)}")
            d = int(in_shape[i])
        out.append(d)
    total = int(np.prod(in_shape))
    if out.count(-1) > 1:
        raise im.error("at most one dimension of the new shape may be -1")
    if -1 in out:
        known = int(np.prod([d for d in out if d != -1]))
        if known == 0 or total % known:
            raise im.error(f"cannot reshape {list(in_shape)} into {list(target)}")
        out[out.index(-1)] = total // known
    if int(np.prod(out)) != total or any(d < 0 for d in out):
        raise im.error(f"cannot reshape {list(in_shape)} into {list(target)}")
    return out


@_folder("Unsqueeze")
def _f_unsqueeze(im: OnnxImporter, node: Any, ins: list[np.ndarray | None]) -> list[np.ndarray]:
    a = ins[0]
    assert a is not None
    axes = _axes_of(im, ins, 1, 13)
    if axes is None:
        raise im.error("Unsqueeze needs axes")
    return [a.reshape(_unsqueeze_shape(im, a.shape, axes))]


@_folder("Squeeze")
def _f_squeeze(im: OnnxImporter, node: Any, ins: list[np.ndarray | None]) -> list[np.ndarray]:
    a = ins[0]
    assert a is not None
    return [a.reshape(_squeeze_shape(im, a.shape, _axes_of(im, ins, 1, 13)))]


@_folder("Reshape")
def _f_reshape(im: OnnxImporter, node: Any, ins: list[np.ndarray | None]) -> list[np.ndarray]:
    a, s = ins[0], ins[1] if len(ins) > 1 else None
    assert a is not None
    target = [int(v) for v in s.reshape(-1)] if s is not None else list(im.attr("shape"))
    new_shape: tuple[int, ...] = tuple(_reshape_shape(im, a.shape, target))
    return [a.reshape(new_shape)]


@_folder("Flatten")
def _f_flatten(im: OnnxImporter, node: Any, ins: list[np.ndarray | None]) -> list[np.ndarray]:
    a = ins[0]
    assert a is not None
    ax = _axis(im, im.attr("axis", 1), a.ndim + 1)
    return [a.reshape(int(np.prod(a.shape[:ax])), int(np.prod(a.shape[ax:])))]


@_folder("Transpose")
def _f_transpose(im: OnnxImporter, node: Any, ins: list[np.ndarray | None]) -> list[np.ndarray]:
    a = ins[0]
    assert a is not None
    return [np.transpose(a, im.attr("perm", list(range(a.ndim))[::-1]))]


@_folder("Concat")
def _f_concat(im: OnnxImporter, node: Any, ins: list[np.ndarray | None]) -> list[np.ndarray]:
    arrs = [a for a in ins if a is not None]
    return [np.concatenate(arrs, axis=_axis(im, im.attr("axis", 0), arrs[0].ndim))]


@_folder("Gather")
def _f_gather(im: OnnxImporter, node: Any, ins: list[np.ndarray | None]) -> list[np.ndarray]:
    a, idx = ins[0], ins[1]
    assert a is not None and idx is not None
    ax = _axis(im, im.attr("axis", 0), a.ndim)
    idx = np.where(idx < 0, idx + a.shape[ax], idx)
    return [np.take(a, idx, axis=ax)]


@_folder("Cast")
def _f_cast(im: OnnxImporter, node: Any, ins: list[np.ndarray | None]) -> list[np.ndarray]:
    from onnx import helper

    a = ins[0]
    assert a is not None
    return [a.astype(helper.tensor_dtype_to_np_dtype(im.attr("to")))]


@_folder("Slice")
def _f_slice(im: OnnxImporter, node: Any, ins: list[np.ndarray | None]) -> list[np.ndarray]:
    a = ins[0]
    assert a is not None
    if im.opset < 10:
        starts, ends = im.attr("starts"), im.attr("ends")
        axes, steps = im.attr("axes", list(range(len(starts)))), [1] * len(starts)
    else:
        starts, ends = list(ins[1].reshape(-1)), list(ins[2].reshape(-1))  # type: ignore[union-attr]
        axes = list(ins[3].reshape(-1)) if len(ins) > 3 and ins[3] is not None else list(range(len(starts)))
        steps = list(ins[4].reshape(-1)) if len(ins) > 4 and ins[4] is not None else [1] * len(starts)
    sl = [slice(None)] * a.ndim
    for s, e, ax, st in zip(starts, ends, axes, steps):
        sl[_axis(im, int(ax), a.ndim)] = slice(int(s), int(e), int(st))
    return [a[tuple(sl)]]


@_folder("Add", "Sub", "Mul", "Div")
def _f_int_arith(im: OnnxImporter, node: Any, ins: list[np.ndarray | None]) -> list[np.ndarray] | None:
    a, b = ins[0], ins[1]
    assert a is not None and b is not None
    if a.dtype.kind not in "iu" or b.dtype.kind not in "iu" or im.attr("broadcast", 0):
        return None  # float arithmetic is left to nn ops (same rounding as the interpreter)
    if node.op_type == "Div":
        if np.any(b == 0):
            raise im.error("integer division by zero")
        q = np.abs(a) // np.abs(b) * np.sign(a) * np.sign(b)  # ONNX integer Div truncates
        return [q.astype(np.result_type(a, b))]
    fn = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply}[node.op_type]
    return [fn(a, b)]


# --------------------------------------------------------------------------------------------------------------
# handlers
# --------------------------------------------------------------------------------------------------------------
@_handler("Identity")
def _identity(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    im.define(0, im.operand(0))


@_handler("Shape")
def _shape_op(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    im.define(0, _slice_shape(im, np.array(_shape(im.operand(0)), np.int64)))


_UNARY = {"Relu": "nn.relu", "Sigmoid": "nn.sigmoid", "Tanh": "nn.tanh", "Exp": "nn.exp", "Sqrt": "nn.sqrt",
          "Erf": "nn.erf"}


@_handler(*_UNARY)
def _unary(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    im.op(_UNARY[node.op_type], [im.operand(0)])


@_handler("LeakyRelu")
def _leaky_relu(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    im.op("nn.leaky_relu", [im.operand(0)], {"alpha": _float(im.attr("alpha", 0.01))})


@_handler("Gelu")
def _gelu(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    approx = im.attr("approximate", "none")
    if approx not in ("none", "tanh"):
        raise im.error(f"unknown approximate value '{approx}'")
    im.op("nn.gelu", [im.operand(0)], {"approximate": StringAttr(approx)})


@_handler("Clip")
def _clip(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    props: dict[str, Any] = {}
    if im.opset < 11:
        lo, hi = im.attr("min"), im.attr("max")
    else:
        a, b = im.const_input(1, "min"), im.const_input(2, "max")
        lo = None if a is None else float(a.reshape(-1)[0])
        hi = None if b is None else float(b.reshape(-1)[0])
    if lo is not None and lo != -np.inf:
        props["min"] = _float(lo)
    if hi is not None and hi != np.inf:
        props["max"] = _float(hi)
    im.op("nn.clip", [im.operand(0)], props)


_BINARY = {"Add": "nn.add", "Sub": "nn.sub", "Mul": "nn.mul", "Div": "nn.div", "Pow": "nn.pow", "Max": "nn.max",
           "Min": "nn.min"}


def _legacy_broadcast(im: OnnxImporter, a: Value, b: Value) -> Value:
    """Opset < 7 ``broadcast=1, axis=k``: ``b``'s dimensions align with ``a``'s from ``k``; reshape ``b`` so
    numpy broadcasting gives the same result."""
    if im.opset >= 7 or not im.attr("broadcast", 0):
        return b
    ra, sb = _rank(a), _shape(b)
    axis = im.attr("axis")
    if axis is None:
        return b
    axis = _axis(im, axis, ra)
    trailing = ra - axis - len(sb)
    if trailing < 0:
        raise im.error(f"broadcast axis {axis} does not fit a rank-{len(sb)} operand into rank {ra}")
    return im.reshape(b, sb + [1] * trailing, NameLoc(im.node_name))


@_handler("Add", "Sub", "Mul", "Div", "Pow")
def _binary(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    a = im.operand(0)
    b = _legacy_broadcast(im, a, im.operand(1))
    im.op(_BINARY[node.op_type], [a, b])


@_handler("Max", "Min")
def _max_min(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    vals = [im.value(n) for n in node.input if n]
    if not vals:
        raise im.error("needs at least one input")
    out_t = im.type_of(node.output[0])
    acc = vals[0]
    for i, v in enumerate(vals[1:]):
        last = i == len(vals) - 2
        if last:
            t = out_t
        else:
            t = RankedTensorType(list(np.broadcast_shapes(tuple(_shape(acc)), tuple(_shape(v)))), out_t.element_type)
        acc = im.emit(_BINARY[node.op_type], [acc, v], t)
    if len(vals) == 1:
        acc = im.reshape(acc, out_t.shape)
    im.define(0, acc)


@_handler("Sum")
def _sum(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    vals = [im.value(n) for n in node.input if n]
    if len(vals) == 1:
        im.define(0, vals[0])
        return
    im.op("nn.sum", vals)


@_handler("MatMul")
def _matmul(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    im.op("nn.matmul", [im.operand(0), im.operand(1)])


@_handler("Gemm")
def _gemm(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    ops = [im.operand(0), im.operand(1)]
    if im.has(2):
        ops.append(im.operand(2))
    props = {"alpha": _float(im.attr("alpha", 1.0)), "beta": _float(im.attr("beta", 1.0)),
             "trans_a": _int(im.attr("transA", 0)), "trans_b": _int(im.attr("transB", 0))}
    im.op("nn.gemm", ops, props)


def _require_2d(im: OnnxImporter, x: Value, what: str) -> None:
    if _rank(x) != 4:
        raise im.error(f"only 2-D {what} (4-D NCHW input) is supported, got a rank-{_rank(x)} input")


def _as_2d(im: OnnxImporter, x: Value, what: str) -> bool:
    """Whether ``x`` is a 1-D case (rank 3, ``N×C×L``) to run as 2-D with a unit height; errors on ranks other
    than 3 and 4 (the nn dialect has 2-D convolution and pooling only)."""
    if _rank(x) not in (3, 4):
        raise im.error(f"only 1-D and 2-D {what} (3-D or 4-D input) is supported, got a rank-{_rank(x)} input")
    return _rank(x) == 3


def _lift(values: Sequence[int], fill: int) -> list[int]:
    """A 1-D attribute as its 2-D counterpart with ``fill`` for the unit height (pads: [0, b, 0, e])."""
    if len(values) == 2:  # pads [b, e]
        return [fill, values[0], fill, values[1]]
    return [fill] + list(values)


def _unit_height(im: OnnxImporter, v: Value) -> Value:
    s = _shape(v)
    return im.reshape(v, s[:2] + [1] + s[2:])


def _emit_spatial(im: OnnxImporter, name: str, ops: list[Value], props: dict[str, Any], one_d: bool) -> None:
    """Emit the 2-D op; a 1-D case computes ``N×C×1×L`` and reshapes back to the node's ``N×C×L``."""
    out_t = im.type_of(im.node.output[0])
    if not one_d:
        im.define(0, im.emit(name, ops, out_t, props))
        return
    t = RankedTensorType(list(out_t.shape[:2]) + [1] + list(out_t.shape[2:]), out_t.element_type)
    im.define(0, im.reshape(im.emit(name, ops, t, props), out_t.shape))


@_handler("Conv")
def _conv(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    x, w = im.operand(0), im.operand(1)
    one_d = _as_2d(im, x, "convolution")
    kernel = im.attr("kernel_shape", _shape(w)[2:])
    if list(kernel) != _shape(w)[2:]:
        raise im.error(f"kernel_shape {list(kernel)} does not match the weight shape {_shape(w)}")
    n = len(kernel)
    strides = im.attr("strides", [1] * n)
    dil = im.attr("dilations", [1] * n)
    pads = im.spatial_pads(_shape(x)[2:], kernel, strides, dil)
    if one_d:
        x, w = _unit_height(im, x), _unit_height(im, w)
        strides, dil, pads = _lift(strides, 1), _lift(dil, 1), _lift(pads, 0)
    ops = [x, w] + ([im.operand(2)] if im.has(2) else [])
    _emit_spatial(im, "nn.conv2d", ops, {"strides": _arr(strides), "pads": _arr(pads), "dilations": _arr(dil),
                                         "group": _int(im.attr("group", 1))}, one_d)


@_handler("MaxPool", "AveragePool")
def _pool(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    x = im.operand(0)
    one_d = _as_2d(im, x, "pooling")
    n = _rank(x) - 2
    kernel = im.attr("kernel_shape")
    if kernel is None or len(kernel) != n:
        raise im.error(f"kernel_shape must have {n} values")
    strides = im.attr("strides", [1] * n)
    dil = im.attr("dilations", [1] * n)
    ceil = im.attr("ceil_mode", 0)
    pads = im.spatial_pads(_shape(x)[2:], kernel, strides, dil, ceil)
    if one_d:
        x = _unit_height(im, x)
        kernel, strides, dil, pads = _lift(kernel, 1), _lift(strides, 1), _lift(dil, 1), _lift(pads, 0)
    props = {"kernel_shape": _arr(kernel), "strides": _arr(strides), "pads": _arr(pads), "ceil_mode": _int(ceil)}
    if node.op_type == "MaxPool":
        im.unused_output(1, "Indices")
        if im.attr("storage_order", 0) not in (0,) and len(node.output) > 1:
            raise im.error("storage_order is not supported")
        props["dilations"] = _arr(dil)
        _emit_spatial(im, "nn.maxpool2d", [x], props, one_d)
    else:
        if any(d != 1 for d in dil):
            raise im.error("dilated average pooling is not supported")
        props["count_include_pad"] = _int(im.attr("count_include_pad", 0))
        _emit_spatial(im, "nn.avgpool2d", [x], props, one_d)


@_handler("GlobalAveragePool")
def _global_avgpool(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    x = im.operand(0)
    _require_2d(im, x, "global pooling")
    im.op("nn.global_avgpool", [x])


@_handler("BatchNormalization")
def _batch_norm(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    if im.opset < 9 and im.attr("spatial", 1) != 1:
        raise im.error("spatial=0 is not supported")
    if im.attr("training_mode", 0):
        raise im.error("training_mode=1 is not supported (only inference is)")
    for i in range(1, 5):
        im.unused_output(i, "running statistics")
    im.op("nn.batch_norm", [im.operand(i) for i in range(5)], {"epsilon": _float(im.attr("epsilon", 1e-5))})


@_handler("LayerNormalization")
def _layer_norm(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    im.unused_output(1, "Mean")
    im.unused_output(2, "InvStdDev")
    x = im.operand(0)
    ops = [x, im.operand(1)] + ([im.operand(2)] if im.has(2) else [])
    im.op("nn.layer_norm", ops, {"axis": _int(_axis(im, im.attr("axis", -1), _rank(x)) - _rank(x)),
                                 "epsilon": _float(im.attr("epsilon", 1e-5))})


@_handler("LRN")
def _lrn(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    size = im.attr("size")
    if size is None:
        raise im.error("missing the 'size' attribute")
    im.op("nn.lrn", [im.operand(0)], {"size": _int(size), "alpha": _float(im.attr("alpha", 1e-4)),
                                      "beta": _float(im.attr("beta", 0.75)), "bias": _float(im.attr("bias", 1.0))})


@_handler("Dropout")
def _dropout(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    im.unused_output(1, "mask")
    if im.opset < 7 and not im.attr("is_test", 0):
        pass  # opset 6 training mode still is the identity at inference, which is all we model
    if im.opset >= 12:
        r = im.const_input(1, "ratio")
        ratio = 0.5 if r is None else float(r.reshape(-1)[0])
        t = im.const_input(2, "training_mode")
        if t is not None and bool(t.reshape(-1)[0]):
            raise im.error("training_mode=true is not supported (only inference is)")
    else:
        ratio = im.attr("ratio", 0.5)
    im.op("nn.dropout", [im.operand(0)], {"ratio": _float(ratio)})


@_handler("Flatten")
def _flatten(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    x = im.operand(0)
    im.op("nn.flatten", [x], {"axis": _int(_axis(im, im.attr("axis", 1), _rank(x) + 1))})


@_handler("Reshape")
def _reshape(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    x = im.operand(0)
    if im.opset < 5:
        target = im.attr("shape")
    else:
        s = im.const_input(1, "shape")
        if s is None:
            raise im.error("the shape input is required")
        target = s.reshape(-1)
    shape = _reshape_shape(im, _shape(x), target)
    im.define(0, im.emit("nn.reshape", [x], RankedTensorType(shape, im.type_of(node.output[0]).element_type)))


@_handler("Squeeze", "Unsqueeze")
def _squeeze(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    x = im.operand(0)
    ins = [None, im.const_input(1, "axes")]
    axes = _axes_of(im, ins, 1, 13)
    if node.op_type == "Squeeze":
        shape = _squeeze_shape(im, _shape(x), axes)
    else:
        if axes is None:
            raise im.error("Unsqueeze needs axes")
        shape = _unsqueeze_shape(im, _shape(x), axes)
    im.define(0, im.emit("nn.reshape", [x], RankedTensorType(shape, im.type_of(node.output[0]).element_type)))


@_handler("Transpose")
def _transpose(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    x = im.operand(0)
    perm = im.attr("perm", list(range(_rank(x)))[::-1])
    im.op("nn.transpose", [x], {"perm": _arr(perm)})


@_handler("Concat")
def _concat(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    vals = [im.value(n) for n in node.input if n]
    im.op("nn.concat", vals, {"axis": _int(_axis(im, im.attr("axis", 1 if im.opset < 4 else 0), _rank(vals[0])))})


@_handler("Softmax", "LogSoftmax")
def _softmax(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    name = "nn.softmax" if node.op_type == "Softmax" else "nn.log_softmax"
    x = im.operand(0)
    r = _rank(x)
    if im.opset >= 13:
        im.op(name, [x], {"axis": _int(_axis(im, im.attr("axis", -1), r))})
        return
    axis = _axis(im, im.attr("axis", 1), r)
    if axis == r - 1:  # the 2-D coercion normalizes exactly the last axis
        im.op(name, [x], {"axis": _int(axis)})
        return
    shape = _shape(x)
    et = im.type_of(node.output[0]).element_type
    flat_t = RankedTensorType([int(np.prod(shape[:axis])), int(np.prod(shape[axis:]))], et)
    f = im.emit("nn.flatten", [x], flat_t, {"axis": _int(axis)})
    s = im.emit(name, [f], flat_t, {"axis": _int(1)})
    im.define(0, im.emit("nn.reshape", [s], RankedTensorType(shape, et)))


@_handler("Pad")
def _pad(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    x = im.operand(0)
    r = _rank(x)
    mode = im.attr("mode", "constant")
    if mode not in ("constant", "reflect", "edge"):
        raise im.error(f"pad mode '{mode}' is not supported")
    if im.opset < 11:
        pads = list(im.attr("paddings" if im.opset < 2 else "pads", []))
        value = float(im.attr("value", 0.0))
    else:
        p = im.const_input(1, "pads")
        if p is None:
            raise im.error("the pads input is required")
        pads = [int(v) for v in p.reshape(-1)]
        c = im.const_input(2, "constant_value")
        value = 0.0 if c is None else float(c.reshape(-1)[0])
        ax = im.const_input(3, "axes")
        if ax is not None:
            axes = [_axis(im, int(a), r) for a in ax.reshape(-1)]
            full = [0] * (2 * r)
            for i, a in enumerate(axes):
                full[a], full[a + r] = pads[i], pads[i + len(axes)]
            pads = full
    if len(pads) != 2 * r:
        raise im.error(f"pads has {len(pads)} values, expected {2 * r}")
    im.op("nn.pad", [x], {"pads": _arr(pads), "mode": StringAttr(mode), "value": _float(value)})


_REDUCE = {"ReduceMean": ("nn.reduce_mean", 18), "ReduceSum": ("nn.reduce_sum", 13),
           "ReduceMax": ("nn.reduce_max", 18)}


@_handler(*_REDUCE)
def _reduce(im: OnnxImporter, node: Any, loc: LocationAttr) -> None:
    name, since = _REDUCE[node.op_type]
    x = im.operand(0)
    r = _rank(x)
    axes = _axes_of(im, [None, im.const_input(1, "axes")], 1, since)
    if not axes:
        if axes is not None and im.attr("noop_with_empty_axes", 0):
            im.define(0, x)
            return
        axes = list(range(r))
    axes = sorted({_axis(im, a, r) for a in axes})
    im.op(name, [x], {"axes": _arr(axes), "keepdims": _int(im.attr("keepdims", 1))})


# --------------------------------------------------------------------------------------------------------------
# entry points
# --------------------------------------------------------------------------------------------------------------
def load_model(path: str) -> Any:
    """``onnx.load(path)``; raises :class:`OnnxImportError` (located at the file) when it is not a valid model."""
    import onnx
    from google.protobuf.message import DecodeError

    loc = FileLineColLoc(path, 0, 0)
    if not os.path.isfile(path):
        raise _err(f"cannot open input file '{path}'", None)
    try:
        model = onnx.load(path)
    except (DecodeError, OSError, ValueError, RuntimeError) as e:
        raise _err(f"failed to parse the ONNX model: {str(e) or type(e).__name__}", loc) from None
    if not model.HasField("graph") or not model.graph.node and not model.graph.output:
        raise _err("failed to parse the ONNX model: it has no graph", loc)
    return model


def import_model(model: Any, ctx: Context, filename: str = "model.onnx", random_weights: int | None = None,
                 resource_threshold: int = RESOURCE_THRESHOLD) -> Operation:
    """A ``builtin.module`` for ``model`` (an ``onnx.ModelProto``); see the module docstring.

    Raises:
        DiagnosticError: an unsupported op / attribute / type, a dynamic shape, a failing shape inference.
    """
    if random_weights is not None:
        model = randomize_weights(model, random_weights)
    return OnnxImporter(model, ctx, filename, resource_threshold).run()


def import_onnx_file(path: str, ctx: Context, options: dict[str, Any] | None = None) -> Operation:
    """The ``--import-onnx`` translation. Options: ``random-weights`` (a seed; ``""`` — the bare flag — takes the
    seed from ``seed``, default 0), ``seed`` and ``resource-threshold``.

    Raises:
        DiagnosticError: a missing or invalid file, a non-integer option, or any :func:`import_model` error.
    """
    options = options or {}
    seed = options.get("random-weights")
    threshold = options.get("resource-threshold")
    loc = FileLineColLoc(path, 0, 0)
    try:
        if seed in ("", True):
            seed = options.get("seed") or 0
        elif options.get("seed") not in (None, "") and seed is None:
            raise _err("--seed applies only with --random-weights", loc)
        seed_v = None if seed is None or seed is False else int(seed)
        thr = RESOURCE_THRESHOLD if threshold in (None, "") else int(threshold)
    except (TypeError, ValueError):
        raise _err("--random-weights, --seed and --resource-threshold take integers", loc) from None
    return import_model(load_model(path), ctx, path, seed_v, thr)


register_translation(
    "import-onnx", "import an ONNX model (.onnx) into the nn dialect", "import", import_onnx_file,
    options=(("random-weights", "replace every weight by seeded random values (optionally =SEED)", None),
             ("seed", "the seed of --random-weights (default 0)", None),
             ("resource-threshold", "constants with more elements become dense_resource blobs",
              RESOURCE_THRESHOLD)))
