"""The linalg dialect (mlir/docs/Dialects/Linalg/_index.md): structured computations on tensors and memrefs.

A structured op is a perfect loop nest described by data, not by loops: one affine *indexing map* per operand
from the loop indices to the operand's indices, one *iterator type* per loop (``parallel`` or ``reduction``), and
a scalar *payload* region applied at every point of the iteration space, yielding the new value of each output
(``outs``, destination-passing style: on tensors the results are new tensors of the outputs' types, on memrefs
the outputs are written in place). :mod:`dialects.linalg_structured` holds the shared API
(:class:`~dialects.linalg_structured.LinalgOp`) and verifier.

Ops: ``linalg.generic`` (maps, iterators and payload spelled out), the named ops — ``fill``, ``copy``,
``matmul``, ``batch_matmul``, ``matvec``, ``conv_2d_nchw_fchw``, ``conv_2d_nhwc_hwcf``,
``depthwise_conv_2d_nhwc_hwc``, ``depthwise_conv_2d_nchw_chw``, ``pooling_nchw_max``, ``pooling_nchw_sum``,
``pooling_nhwc_max``, ``pooling_nhwc_sum`` (semantics from LinalgNamedStructuredOps.yaml: maps and payload are
implied by the op; the custom syntax elides the payload, which the parser rebuilds as MLIR's
``fillStructuredOpRegion``) —, ``map``, ``reduce``, ``transpose``, ``broadcast`` (maps implied by their
attributes), the payload terminators ``linalg.yield`` and ``linalg.index``, and the relayout ops ``linalg.pack`` /
``linalg.unpack`` (tiling a tensor into blocks and back; not structured ops).

Syntax is MLIR's, byte for byte (checked against ``iree-opt``): ``linalg.matmul ins(%a, %b : t, t) outs(%c : t)
-> t``; ``linalg.generic {indexing_maps = [...], iterator_types = ["parallel"]} ins(...) outs(...) attrs =  {...}
{ ^bb0(%in: f32, %out: f32): ... } -> t``; ``linalg.map { arith.addf } ins(...) outs(...)`` (short form) or with
``(%in: f32, %in_0: f32, %init: f32) { ... }``; ``linalg.reduce ... dimensions = [1] `` (note the trailing space).
In generic form the yaml-defined named ops carry ``linalg.memoized_indexing_maps``, set when their maps are first
computed (during verification), as MLIR does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from mlir_py.affine import AffineDimExpr, AffineExpr, AffineMap
from mlir_py.attributes import (
    DYNAMIC,
    AffineMapAttr,
    ArrayAttr,
    Attribute,
    DenseArrayAttr,
    DictionaryAttr,
    IndexType,
    MemRefType,
    RankedTensorType,
    ShapedType,
    StringAttr,
    Type,
    UnknownLoc,
    UnrankedTensorType,
    i32,
    i64,
)
from mlir_py.dialect import Dialect
from mlir_py.interfaces import READ, WRITE, EffectInstance
from mlir_py.ir import Block, BlockArgument, Operation, OpResult, Region, Value
from mlir_py.opdef import (
    Constraint,
    IsTerminator,
    Op,
    Pure,
    ReturnLike,
    isa,
    operand,
    opt_operand,
    prop,
    region_def,
    result_def,
    var_operand,
    var_result,
)
from mlir_py.rewrite import FunctionPattern, PatternRewriter

from ._mixed import MIXED_LIST, MIXED_RULES, Index, IntLiteral, error, mixed_list, parse_mixed, print_mixed
from .arith import FastMathFlagsAttr
from .linalg_structured import (
    ATTRIBUTE_PARSERS,
    PARALLEL,
    PAYLOAD_RULES,
    REDUCTION,
    STRUCTURED_RULES,
    AffineMapArray,
    AnyOperand,
    AnyShapedOperand,
    I64Elements2,
    IteratorTypeArray,
    IteratorTypeAttr,
    LinalgOp,
    PayloadBuilder,
    RankedTensorResult,
    TensorOrMemref,
    TypeFn,
    TypeFnAttr,
    VarTensorOrMemref,
    affine_maps_attr,
    create_payload_op,
    enclosing_linalg_op,
    i64_list,
    iterator_types_attr,
    lookahead_loc,
    new_payload_block,
    payload_type,
    print_arrow_types,
    print_attrs,
    print_io,
    print_long_region,
    resolve_io,
    split_attrs,
    static_shape,
    structured_segments,
)
from .scf import SingleBlockImplicitTerminator

I64Array = Constraint(lambda a: isinstance(a, DenseArrayAttr) and a.element_type == i64, "i64 dense array attribute")
SortedI64Array = Constraint(lambda a: I64Array(a) and all(x < y for x, y in zip(a.values, a.values[1:])),
                            "i64 dense array attribute should be in increasing order")
StrAttr = isa(StringAttr, description="string attribute")
AnyTensor = isa(RankedTensorType, UnrankedTensorType, description="variadic of tensor of any type values")
MEMOIZED = "linalg.memoized_indexing_maps"


def _dense_list(values: Sequence[int]) -> str:
    """MLIR's ``printDenseI64ArrayAttr`` body: ``[1, 0]``."""
    return "[" + ", ".join(str(v) for v in values) + "]"


def _value_loc(v: Value) -> Any:
    """A value's location (MLIR's ``Value::getLoc``): the defining op's, or the block argument's."""
    if isinstance(v, OpResult):
        return v.op.location
    return v.location if isinstance(v, BlockArgument) else None


# ---------------------------------------------------------------------------------------------------------------
# payload terminators
# ---------------------------------------------------------------------------------------------------------------


class YieldOp(Op, name="linalg.yield", traits=[Pure(), ReturnLike(), IsTerminator()]):
    """End a structured op's payload with the new value of each output element.

    Syntax: ``linalg.yield %a, %b : f32, i32``. Errors: a parent that is not a linalg structured op; a value count
    other than the number of outputs; a value type other than its output's element type."""

    values = var_operand()
    custom_grammar = '[value_list] [attr_dict] [":" type_list]'

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> YieldOp:
        toks, attrs, types = c[0] or [], c[1], c[2] or []
        if len(toks) != len(types):
            raise st.error(f"{len(toks)} operands present, but expected {len(types)}", kw)
        props, rest = split_attrs(cls, None, attrs, st, kw)
        op: YieldOp = cls.create([st.use(t, ty) for t, ty in zip(toks, types)], [], props, rest, location=st.loc(kw))
        return op

    def print_custom(self, p: Any) -> str:
        s = p.op_name(self)
        if self.operands:
            s += " " + ", ".join(p.value(v) for v in self.operands)
        s += print_attrs(p, self)
        if self.operands:
            s += " : " + ", ".join(p.type(t) for t in self.operand_types)
        return s

    def verify_(self) -> None:
        parent = self.parent_op
        if parent is None or len(parent.regions) != 1 or not parent.regions[0].blocks:
            raise self.emit_error("expected single non-empty parent region")
        if not isinstance(parent, LinalgOp):
            raise self.emit_error("expected parent op with LinalgOp interface")
        outs = parent.outputs
        if self.num_operands != len(outs):
            raise self.emit_error(f"expected number of yield values ({self.num_operands}) to match the number of "
                                  f"inits / outs operands of the enclosing LinalgOp ({len(outs)})")
        for i, (v, o) in enumerate(zip(self.operands, outs)):
            et = payload_type(o.type)
            if v.type != et:
                raise self.emit_error(f"type of yield operand {i + 1} ('{v.type}') doesn't match the element type of "
                                      f"the enclosing linalg.generic op ('{et}')")


class IndexOp(Op, name="linalg.index", traits=[Pure()]):
    """The index of the enclosing structured op's loop ``dim`` at the current point of the iteration space.

    Syntax: ``%i = linalg.index 0 : index``. Errors: outside a structured op; ``dim`` >= the number of loops."""

    dim = prop(IntLiteral(non_negative=True))
    result = result_def(isa(IndexType, description="index"))
    assembly_format = "$dim attr-dict `:` type($result)"

    def verify_(self) -> None:
        parent = enclosing_linalg_op(self)
        if parent is None:
            raise self.emit_error("expected parent op with LinalgOp interface")
        d = self.properties["dim"].value  # type: ignore[attr-defined]
        if parent.num_loops <= d:
            raise self.emit_error(f"expected dim ({d}) to be lower than the number of loops ({parent.num_loops}) of "
                                  "the enclosing LinalgOp")


_STRUCTURED_TRAITS = [SingleBlockImplicitTerminator("linalg.yield")]


# ---------------------------------------------------------------------------------------------------------------
# linalg.generic
# ---------------------------------------------------------------------------------------------------------------

_TRAIT_NAMES = ("doc", "indexing_maps", "iterator_types", "library_call")


class _FoldMemRefCasts:
    """The ``fold()`` of every structured op (MLIR's ``memref::foldMemRefCast`` in each ``LinalgOp::fold``): memref
    operands defined by a ``memref.cast`` of a ranked memref read the cast's source, in place."""

    __slots__ = ()

    def fold(self, operands: list[Attribute | None]) -> list[Any] | None:
        from .memref import fold_memref_cast

        op: Any = self
        return list(op.results) if fold_memref_cast(op) else None


class GenericOp(_FoldMemRefCasts, LinalgOp, name="linalg.generic", traits=_STRUCTURED_TRAITS):
    """A structured op spelled out: ``indexing_maps`` (one per operand), ``iterator_types`` (one per loop) and a
    payload region whose block takes one element per operand (inputs, then outputs) and yields one per output.

    Syntax::

        %r = linalg.generic {indexing_maps = [#id, #row], iterator_types = ["parallel", "reduction"]}
            ins(%a : tensor<4x8xf32>) outs(%init : tensor<4xf32>) attrs =  {extra} {
        ^bb0(%in: f32, %out: f32):
          %s = arith.addf %in, %out : f32
          linalg.yield %s : f32
        } -> tensor<4xf32>

    ``iterator_types`` are strings in custom form and ``#linalg.iterator_type<...>`` in generic form; ``doc`` and
    ``library_call`` are optional strings. Errors: see :func:`dialects.linalg_structured.verify_structured`."""

    inputs = var_operand(AnyOperand)
    outputs = var_operand(AnyShapedOperand)
    indexing_maps_ = prop(AffineMapArray, attr_name="indexing_maps")
    iterator_types_ = prop(IteratorTypeArray, attr_name="iterator_types")
    doc = prop(StrAttr, optional=True)
    library_call = prop(StrAttr, optional=True)
    result_tensors = var_result(RankedTensorResult)
    region = region_def()
    custom_grammar = 'attribute [linalg_ins] [linalg_outs] [linalg_generic_attrs] region ["->" fn_results]'
    custom_rules = {**STRUCTURED_RULES, "linalg_generic_attrs": ('"attrs" "=" attr_dict', lambda c, st: c[0])}

    def indexing_maps(self) -> list[AffineMap]:
        return [a.value for a in self.properties["indexing_maps"]]  # type: ignore[attr-defined, union-attr]

    def iterator_types(self) -> list[str]:
        return [a.value for a in self.properties["iterator_types"]]  # type: ignore[attr-defined, union-attr]

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return [FunctionPattern(_erase_identity_linalg_op, "linalg.generic", name="EraseIdentityLinalgOp")]

    def asm_block_arg_names(self, region: Region) -> list[str]:
        return ["in"] * len(self.inputs) + ["out"] * len(self.outputs)

    @classmethod
    def build_generic(cls, inputs: Sequence[Value], outputs: Sequence[Value], maps: Sequence[AffineMap],
                      iterators: Sequence[str], body: Callable[[Block], Sequence[Value]] | None = None,
                      result_types: Sequence[Type] | None = None, doc: str | None = None,
                      library_call: str | None = None, location: Any = None) -> GenericOp:
        """A generic op; ``body(block)`` appends the payload ops and returns the values to yield (the block's
        arguments are the operands' element types). Results default to the tensor outputs' types."""
        props: dict[str, Attribute] = {"indexing_maps": affine_maps_attr(maps),
                                       "iterator_types": iterator_types_attr(iterators),
                                       "operandSegmentSizes": structured_segments(len(inputs), len(outputs))}
        if doc is not None:
            props["doc"] = StringAttr(doc)
        if library_call is not None:
            props["library_call"] = StringAttr(library_call)
        if result_types is None:
            result_types = [v.type for v in outputs if isinstance(v.type, RankedTensorType)]
        block = new_payload_block([v.type for v in inputs], [v.type for v in outputs])
        if body is not None:
            block.append(YieldOp.create(list(body(block)), [], location=location))
        op: GenericOp = cls.create([*inputs, *outputs], list(result_types), props, None, [Region([block])],
                                   location=location)
        return op

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> GenericOp:
        trait, ins, outs, extra, region, results = c
        if not isinstance(trait, DictionaryAttr):
            raise st.error(f"custom op '{cls.OPERATION_NAME}' invalid kind of attribute specified", kw)
        attrs: dict[str, Attribute] = dict(trait.value)
        its = attrs.get("iterator_types")
        if not isinstance(its, ArrayAttr):
            raise st.error(f"custom op '{cls.OPERATION_NAME}' expected \"iterator_types\" array attribute", kw)
        kinds = []
        for a in its:
            s = a.value if isinstance(a, (StringAttr, IteratorTypeAttr)) else str(a)
            if s not in (PARALLEL, REDUCTION):
                raise st.error(f"custom op '{cls.OPERATION_NAME}' unexpected iterator_type ({s})", kw)
            kinds.append(s)
        attrs["iterator_types"] = iterator_types_attr(kinds)
        inputs, outputs = resolve_io(st, ins, outs, kw)
        attrs.update(extra or {})
        props, rest = split_attrs(cls, None, attrs, st, kw)
        props["operandSegmentSizes"] = structured_segments(len(inputs), len(outputs))
        op: GenericOp = cls.create([*inputs, *outputs], list(results or []), props, rest, [region],
                                   location=st.loc(kw))
        return op

    def print_custom(self, p: Any) -> str:
        every = {**self.properties, **self.attributes}
        trait: dict[str, Attribute] = {}
        for k in _TRAIT_NAMES:
            v = every.get(k)
            if v is None:
                continue
            if k == "iterator_types" and isinstance(v, ArrayAttr):
                v = ArrayAttr(StringAttr(x.value) if isinstance(x, IteratorTypeAttr) else x for x in v)
            trait[k] = v
        s = p.op_name(self) + " " + (p.attr_dict(trait) if trait else "")
        s += print_io(p, self.inputs, self.outputs)
        extra = {k: v for k, v in every.items() if k not in _TRAIT_NAMES and k != "operandSegmentSizes"}
        if extra:
            s += " attrs =  " + p.attr_dict(extra)
        if self.regions and self.regions[0].blocks:
            s += " " + p.region(self.regions[0])
        return s + print_arrow_types(p, self.result_types)


# ---------------------------------------------------------------------------------------------------------------
# named structured ops (LinalgNamedStructuredOps.yaml and LinalgStructuredOps.td)
# ---------------------------------------------------------------------------------------------------------------


class NamedStructuredOp(_FoldMemRefCasts, LinalgOp):
    """A named structured op: ``ins``/``outs`` operands, maps and iterators implied by the op (and its attributes),
    payload built by ``build_payload`` (MLIR's ``regionBuilder``).

    Syntax: ``%r = linalg.<name> {attrs} ins(%a, %b : t, t) outs(%c : t) -> t`` (no ``-> t`` on memrefs); the
    payload is elided and rebuilt when parsed. Errors: a payload arity other than the op's at parse time
    (``[parseNamedStructuredOpRegion] ...``), and those of the structured-op verifier."""

    __slots__ = ()
    inputs = var_operand(AnyOperand)
    outputs = var_operand(AnyShapedOperand)
    result_tensors = var_result(RankedTensorResult)
    region = region_def()
    custom_grammar = "linalg_named_tail"
    custom_rules = STRUCTURED_RULES
    #: payload block arity (inputs + outputs)
    n_args: ClassVar[int] = 3
    #: iterator types
    iterators: ClassVar[tuple[str, ...]] = ()
    #: whether the maps are cached in ``linalg.memoized_indexing_maps`` (the yaml-generated ops)
    memoize: ClassVar[bool] = True

    @classmethod
    def build_payload(cls, pb: PayloadBuilder, args: Sequence[Value], out: Type, unsigned: bool) -> list[Value]:
        """The values to yield (the op's ``regionBuilder``); by default a contraction ``O += cast(U, A) *
        cast(U, B)`` (matmul, matvec, convolutions), ``U`` the output element type."""
        a, b, c = args
        m = pb.binary("mul", pb.cast(out, a, unsigned), pb.cast(out, b, unsigned))
        return [pb.binary("add", c, m)]

    # --- maps ------------------------------------------------------------------------------------------------------
    def compute_maps(self) -> list[AffineMap]:
        """The maps the op implies (from its attributes and operand ranks)."""
        raise NotImplementedError

    def indexing_maps(self) -> list[AffineMap]:
        """The op's maps; yaml ops cache them in the discardable ``linalg.memoized_indexing_maps`` (as MLIR's
        ``getIndexingMaps``, which also sets it the first time)."""
        if not self.memoize:
            return self.compute_maps()
        cached = self.attributes.get(MEMOIZED)
        if isinstance(cached, ArrayAttr) and all(isinstance(a, AffineMapAttr) for a in cached):
            return [a.value for a in cached]  # type: ignore[attr-defined]
        maps = self.compute_maps()
        self.attributes[MEMOIZED] = affine_maps_attr(maps)
        return maps

    def iterator_types(self) -> list[str]:
        return list(self.iterators)

    # --- construction ----------------------------------------------------------------------------------------------
    @classmethod
    def fill_region(cls, in_types: Sequence[Type], out_types: Sequence[Type], props: dict[str, Attribute]) -> Region:
        """The payload region for operands of these types (MLIR's ``fillStructuredOpRegion``)."""
        block = new_payload_block(in_types, out_types)
        pb = PayloadBuilder(block)
        unsigned = isinstance(props.get("cast"), TypeFnAttr) and props["cast"].value == "cast_unsigned"  # type: ignore[attr-defined]
        out = payload_type(out_types[0]) if out_types else None
        pb.yield_(cls.build_payload(pb, block.args, out, unsigned))  # type: ignore[arg-type]
        return Region([block])

    @classmethod
    def build_named(cls, inputs: Sequence[Value], outputs: Sequence[Value], result_types: Sequence[Type] | None = None,
                    properties: dict[str, Attribute] | None = None, location: Any = None) -> Any:
        """The op with its payload; results default to the tensor outputs' types."""
        props = dict(properties or {})
        props["operandSegmentSizes"] = structured_segments(len(inputs), len(outputs))
        if result_types is None:
            result_types = [v.type for v in outputs if isinstance(v.type, RankedTensorType)]
        region = cls.fill_region([v.type for v in inputs], [v.type for v in outputs], props)
        return cls.create([*inputs, *outputs], list(result_types), props, None, [region], location=location)

    # --- syntax ----------------------------------------------------------------------------------------------------
    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> Any:
        return cls._parse_tail(c[0], st, kw, {})

    @classmethod
    def _parse_tail(cls, tail: list[Any], st: Any, kw: Any, extra: dict[str, Attribute]) -> Any:
        pangle, attrs, ins, outs, results = tail
        inputs, outputs = resolve_io(st, ins, outs, kw)
        props, rest = split_attrs(cls, pangle, {**extra, **(attrs or {})}, st, kw)
        if cls.n_args != len(inputs) + len(outputs):
            raise st.error(f"custom op '{cls.OPERATION_NAME}' [parseNamedStructuredOpRegion] ods-gen generated region "
                           f"expects {cls.n_args} args, got {len(inputs) + len(outputs)}", lookahead_loc(st, st.loc(kw)))
        props["operandSegmentSizes"] = structured_segments(len(inputs), len(outputs))
        region = cls.fill_region([v.type for v in inputs], [v.type for v in outputs], props)
        return cls.create([*inputs, *outputs], list(results or []), props, rest, [region], location=st.loc(kw))

    def print_custom(self, p: Any) -> str:
        return p.op_name(self) + self._print_tail(p)

    def _print_tail(self, p: Any, elided: Sequence[str] = ()) -> str:
        s = print_attrs(p, self, ("operandSegmentSizes", MEMOIZED, *elided))
        return s + print_io(p, self.inputs, self.outputs) + print_arrow_types(p, self.result_types)


class _OneToOne(NamedStructuredOp):
    """Named ops over the output's iteration space (one parallel loop per output dimension): fill, copy."""

    __slots__ = ()
    n_args = 2
    memoize = False

    def rank(self) -> int:
        return len(static_shape(self.outputs[0].type)) if self.outputs else 0

    def iterator_types(self) -> list[str]:
        return [PARALLEL] * self.rank()


class FillOp(_OneToOne, name="linalg.fill", traits=_STRUCTURED_TRAITS):
    """Fill the output with a scalar: ``O(i...) = value``; maps ``() `` for the value, identity for the output.

    Syntax: ``linalg.fill ins(%cst : f32) outs(%t : tensor<4x8xf32>) -> tensor<4x8xf32>``.
    Errors: an input that is not a scalar (``expected op with scalar input``); a value type other than the
    output element type."""

    @classmethod
    def build_payload(cls, pb: PayloadBuilder, args: Sequence[Value], out: Type, unsigned: bool) -> list[Value]:
        return [args[0]]

    def compute_maps(self) -> list[AffineMap]:
        return [AffineMap(self.rank(), 0, []), AffineMap.identity(self.rank())]

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return [FunctionPattern(_fold_fill_with_copy, "linalg.copy", name="FoldFillWithCopy"),
                FunctionPattern(_fold_fill_with_tensor_extract, "tensor.extract", name="FoldFillWithTensorExtract"),
                FunctionPattern(_fold_fill_with_tensor_reshape, "tensor.collapse_shape",
                                name="FoldFillWithTensorReshape"),
                FunctionPattern(_fold_fill_with_tensor_reshape, "tensor.expand_shape",
                                name="FoldFillWithTensorReshape")]

    def verify_(self) -> None:
        super().verify_()
        if len(self.inputs) != 1 or len(self.outputs) != 1:
            raise error(self, "expected op with 1 input and 1 output")
        v = self.inputs[0]
        if isinstance(v.type, ShapedType):
            raise error(self, "expected op with scalar input")
        et = payload_type(self.outputs[0].type)
        if v.type != et:
            raise self.emit_error(f"expected fill value type ('{v.type}') to match output element type ('{et}')")


class CopyOp(_OneToOne, name="linalg.copy", traits=_STRUCTURED_TRAITS):
    """Copy the input into the output elementwise, converting the element type (``cast``, signed by default);
    both maps are identities.

    Syntax: ``linalg.copy ins(%a : memref<4xf16>) outs(%b : memref<4xf32>)``."""

    cast = prop(TypeFn, optional=True)

    @classmethod
    def build_payload(cls, pb: PayloadBuilder, args: Sequence[Value], out: Type, unsigned: bool) -> list[Value]:
        return [pb.cast(out, args[0], unsigned)]

    def compute_maps(self) -> list[AffineMap]:
        return [AffineMap.identity(self.rank())] * 2

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return [FunctionPattern(_erase_self_copy, "linalg.copy", name="EraseSelfCopy")]


def _m(n: int, *exprs: AffineExpr) -> AffineMap:
    return AffineMap(n, 0, list(exprs))


_d = [AffineDimExpr(i) for i in range(8)]
_MATMUL_MAPS = [_m(3, _d[0], _d[2]), _m(3, _d[2], _d[1]), _m(3, _d[0], _d[1])]
_BATCH_MATMUL_MAPS = [_m(4, _d[0], _d[1], _d[3]), _m(4, _d[0], _d[3], _d[2]), _m(4, _d[0], _d[1], _d[2])]


class _MatmulLike(NamedStructuredOp):
    """Named contractions with an ``indexing_maps`` property (user-definable, printed only when not the default;
    absent in generic form means the default, the custom parser and the builders store it) and an optional
    ``cast``."""

    __slots__ = ()
    indexing_maps_ = prop(AffineMapArray, optional=True, attr_name="indexing_maps")
    cast = prop(TypeFn, optional=True)
    memoize = False
    DEFAULT_MAPS: ClassVar[list[AffineMap]] = []
    custom_grammar = "[linalg_maps_kw] linalg_named_tail"
    custom_rules = {**STRUCTURED_RULES, "linalg_maps_kw": ('"indexing_maps" "=" attribute', lambda c, st: c[0])}

    def compute_maps(self) -> list[AffineMap]:
        a = self.properties.get("indexing_maps")
        if isinstance(a, ArrayAttr):
            return [x.value for x in a]  # type: ignore[attr-defined]
        return list(self.DEFAULT_MAPS)

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> Any:
        maps, tail = c
        return cls._parse_tail(tail, st, kw, {"indexing_maps": affine_maps_attr(cls.DEFAULT_MAPS) if maps is None
                                              else maps})

    @classmethod
    def build_named(cls, inputs: Sequence[Value], outputs: Sequence[Value], result_types: Sequence[Type] | None = None,
                    properties: dict[str, Attribute] | None = None, location: Any = None) -> Any:
        """As MLIR's builders, the default maps are stored when none are given (the generic form prints them)."""
        props = {"indexing_maps": affine_maps_attr(cls.DEFAULT_MAPS), **(properties or {})}
        return super().build_named(inputs, outputs, result_types, props, location)

    def print_custom(self, p: Any) -> str:
        s = p.op_name(self)
        maps = self.properties.get("indexing_maps")
        if maps is not None and maps != affine_maps_attr(self.DEFAULT_MAPS):
            s += " indexing_maps = " + p.attr(maps)
        return s + self._print_tail(p, ("indexing_maps",))


class MatmulOp(_MatmulLike, name="linalg.matmul", traits=_STRUCTURED_TRAITS):
    """``C(m, n) += cast(A(m, k)) * cast(B(k, n))``; loops (m, n, k) = (parallel, parallel, reduction).

    Shapes: A (M, K), B (K, N), C (M, N). ``indexing_maps`` may transpose or broadcast operands."""

    iterators = (PARALLEL, PARALLEL, REDUCTION)
    DEFAULT_MAPS = _MATMUL_MAPS


class BatchMatmulOp(_MatmulLike, name="linalg.batch_matmul", traits=_STRUCTURED_TRAITS):
    """``C(b, m, n) += cast(A(b, m, k)) * cast(B(b, k, n))``; loops (b, m, n, k), k the reduction.

    Shapes: A (B, M, K), B (B, K, N), C (B, M, N)."""

    iterators = (PARALLEL, PARALLEL, PARALLEL, REDUCTION)
    DEFAULT_MAPS = _BATCH_MATMUL_MAPS


class MatvecOp(NamedStructuredOp, name="linalg.matvec", traits=_STRUCTURED_TRAITS):
    """``x(m) += cast(A(m, n)) * cast(y(n))``; loops (m, n) = (parallel, reduction). Shapes: A (M, N), y (N),
    x (M)."""

    iterators = (PARALLEL, REDUCTION)

    def compute_maps(self) -> list[AffineMap]:
        return [_m(2, _d[0], _d[1]), _m(2, _d[1]), _m(2, _d[0])]


class _Windowed(NamedStructuredOp):
    """Convolutions and poolings: ``strides`` and ``dilations`` (``dense<[sh, sw]> : tensor<2xi64>``, default 1)
    enter the input map as ``oh * sh + kh * dh`` and ``ow * sw + kw * dw``."""

    __slots__ = ()
    strides = prop(I64Elements2, optional=True)
    dilations = prop(I64Elements2, optional=True)

    def window(self, oh: int, ow: int, kh: int, kw: int) -> tuple[AffineExpr, AffineExpr]:
        sh, sw = i64_list(self.properties.get("strides"), (1, 1))
        dh, dw = i64_list(self.properties.get("dilations"), (1, 1))
        return _d[oh] * sh + _d[kh] * dh, _d[ow] * sw + _d[kw] * dw


class Conv2DNchwFchwOp(_Windowed, name="linalg.conv_2d_nchw_fchw", traits=_STRUCTURED_TRAITS):
    """2-D convolution, ``O(n, f, oh, ow) += I(n, c, oh*sh + kh*dh, ow*sw + kw*dw) * K(f, c, kh, kw)``.

    Loops (n, f, oh, ow, c, kh, kw): four parallel, three reductions. Shapes: I (N, C, H, W), K (F, C, KH, KW),
    O (N, F, OH, OW) with OH >= (KH - 1) * dh + (OH - 1) * sh + 1 <= H (checked by the structured verifier)."""

    iterators = (PARALLEL,) * 4 + (REDUCTION,) * 3

    def compute_maps(self) -> list[AffineMap]:
        h, w = self.window(2, 3, 5, 6)
        return [_m(7, _d[0], _d[4], h, w), _m(7, _d[1], _d[4], _d[5], _d[6]), _m(7, *_d[:4])]


class Conv2DNhwcHwcfOp(_Windowed, name="linalg.conv_2d_nhwc_hwcf", traits=_STRUCTURED_TRAITS):
    """2-D convolution, ``O(n, oh, ow, f) += I(n, oh*sh + kh*dh, ow*sw + kw*dw, c) * K(kh, kw, c, f)``.

    Loops (n, oh, ow, f, kh, kw, c): four parallel, three reductions. Shapes: I (N, H, W, C), K (KH, KW, C, F),
    O (N, OH, OW, F)."""

    iterators = (PARALLEL,) * 4 + (REDUCTION,) * 3

    def compute_maps(self) -> list[AffineMap]:
        h, w = self.window(1, 2, 4, 5)
        return [_m(7, _d[0], h, w, _d[6]), _m(7, _d[4], _d[5], _d[6], _d[3]), _m(7, *_d[:4])]


class DepthwiseConv2DNhwcHwcOp(_Windowed, name="linalg.depthwise_conv_2d_nhwc_hwc", traits=_STRUCTURED_TRAITS):
    """Depthwise 2-D convolution, ``O(n, oh, ow, c) += I(n, oh*sh + kh*dh, ow*sw + kw*dw, c) * K(kh, kw, c)``.

    Loops (n, oh, ow, c, kh, kw): four parallel, two reductions. Shapes: I (N, H, W, C), K (KH, KW, C),
    O (N, OH, OW, C)."""

    iterators = (PARALLEL,) * 4 + (REDUCTION,) * 2

    def compute_maps(self) -> list[AffineMap]:
        h, w = self.window(1, 2, 4, 5)
        return [_m(6, _d[0], h, w, _d[3]), _m(6, _d[4], _d[5], _d[3]), _m(6, *_d[:4])]


class DepthwiseConv2DNchwChwOp(_Windowed, name="linalg.depthwise_conv_2d_nchw_chw", traits=_STRUCTURED_TRAITS):
    """Depthwise 2-D convolution, ``O(n, c, oh, ow) += I(n, c, oh*sh + kh*dh, ow*sw + kw*dw) * K(c, kh, kw)``.

    Loops (n, oh, ow, c, kh, kw): four parallel, two reductions. Shapes: I (N, C, H, W), K (C, KH, KW),
    O (N, C, OH, OW)."""

    iterators = (PARALLEL,) * 4 + (REDUCTION,) * 2

    def compute_maps(self) -> list[AffineMap]:
        h, w = self.window(1, 2, 4, 5)
        return [_m(6, _d[0], _d[3], h, w), _m(6, _d[3], _d[4], _d[5]), _m(6, _d[0], _d[3], _d[1], _d[2])]


class _Pool(_Windowed):
    """Poolings: ``O = fn(O, cast(U, I))``; the kernel operand only gives the window shape."""

    __slots__ = ()
    POOL_FN: ClassVar[str] = ""

    @classmethod
    def build_payload(cls, pb: PayloadBuilder, args: Sequence[Value], out: Type, unsigned: bool) -> list[Value]:
        return [pb.binary(cls.POOL_FN, args[2], pb.cast(out, args[0], unsigned))]


class _PoolNchw(_Pool):
    """Pooling over NCHW: loops (n, c, oh, ow, kh, kw); I (N, C, H, W), K (KH, KW) (shape only), O (N, C, OH, OW)."""

    __slots__ = ()
    iterators = (PARALLEL,) * 4 + (REDUCTION,) * 2

    def compute_maps(self) -> list[AffineMap]:
        h, w = self.window(2, 3, 4, 5)
        return [_m(6, _d[0], _d[1], h, w), _m(6, _d[4], _d[5]), _m(6, *_d[:4])]


class _PoolNhwc(_Pool):
    """Pooling over NHWC: loops (n, oh, ow, c, kh, kw); I (N, H, W, C), K (KH, KW) (shape only), O (N, OH, OW, C)."""

    __slots__ = ()
    iterators = (PARALLEL,) * 4 + (REDUCTION,) * 2

    def compute_maps(self) -> list[AffineMap]:
        h, w = self.window(1, 2, 4, 5)
        return [_m(6, _d[0], h, w, _d[3]), _m(6, _d[4], _d[5]), _m(6, *_d[:4])]


class PoolingNchwMaxOp(_PoolNchw, name="linalg.pooling_nchw_max", traits=_STRUCTURED_TRAITS):
    """Max pooling: ``O(n, c, oh, ow) = max(O, I(n, c, oh*sh + kh*dh, ow*sw + kw*dw))`` (``maximumf`` / ``maxsi``)."""

    POOL_FN = "max_signed"


class PoolingNchwSumOp(_PoolNchw, name="linalg.pooling_nchw_sum", traits=_STRUCTURED_TRAITS):
    """Sum pooling: ``O(n, c, oh, ow) += I(n, c, oh*sh + kh*dh, ow*sw + kw*dw)``."""

    POOL_FN = "add"


class PoolingNhwcMaxOp(_PoolNhwc, name="linalg.pooling_nhwc_max", traits=_STRUCTURED_TRAITS):
    """Max pooling: ``O(n, oh, ow, c) = max(O, I(n, oh*sh + kh*dh, ow*sw + kw*dw, c))``."""

    POOL_FN = "max_signed"


class PoolingNhwcSumOp(_PoolNhwc, name="linalg.pooling_nhwc_sum", traits=_STRUCTURED_TRAITS):
    """Sum pooling: ``O(n, oh, ow, c) += I(n, oh*sh + kh*dh, ow*sw + kw*dw, c)``."""

    POOL_FN = "add"


# ---------------------------------------------------------------------------------------------------------------
# map, reduce, transpose, broadcast
# ---------------------------------------------------------------------------------------------------------------


def _tensor_results(outputs: Sequence[Value]) -> list[Type]:
    return [v.type for v in outputs if isinstance(v.type, RankedTensorType)]


def _find_payload(block: Block, n_operands: int, init_first: bool) -> Operation | None:
    """MLIR's ``findPayloadOp``: a body of one op and a yield of its single result, whose ``n_operands`` operands
    are the block arguments in order (``init_first``, for reduce: the init argument first, then the inputs)."""
    ops = list(block.ops)
    if len(ops) != 2:
        return None
    payload, y = ops
    if payload.num_operands == 0 or payload.num_operands != n_operands or len(payload.results) != 1:
        return None
    if y.operands != [payload.results[0]]:
        return None
    args = block.args
    expected = [args[-1], *args[:-1]] if init_first else list(args[:n_operands])
    return payload if payload.operands == expected else None


def _print_short(p: Any, payload: Operation) -> str:
    """MLIR's ``printShortForm``: `` { name {attrs} }`` without a ``fastmath<none>`` attribute."""
    d = {**payload.properties, **payload.attributes}
    for k, v in list(d.items()):
        if isinstance(v, FastMathFlagsAttr) and not v.flags:
            del d[k]
            break
    return " { " + payload.name + (" " + p.attr_dict(d) if d else "") + " }"


def _short_form_body(st: Any, payload: tuple[Any, dict[str, Attribute]], operands: Sequence[Value],
                     init_first: bool, loc: Any) -> Region:
    """MLIR's ``addBodyWithPayloadOp``: one block argument per operand, the payload op applied to the inputs (the
    init first for ``reduce``), its result yielded."""
    name_tok, attrs = payload
    block = Block([payload_type(v.type) for v in operands], [UnknownLoc()] * len(operands))
    args = list(block.args)
    ins = [args[-1], *args[:-1]] if init_first else args[:-1]
    op = create_payload_op(st, name_tok, attrs, ins, payload_type(operands[-1].type), loc)
    block.append(op)
    block.append(YieldOp.create(list(op.results), [], location=loc))
    return Region([block])


def _identity_region(operands: Sequence[Value], loc: Any) -> Region:
    """MLIR's ``buildIdentityRegion``: yield the input element (block arguments at the operands' locations)."""
    block = Block([payload_type(v.type) for v in operands], [_value_loc(v) or loc for v in operands])
    block.append(YieldOp.create([block.args[0]], [], location=loc))
    return Region([block])


class MapOp(_FoldMemRefCasts, LinalgOp, name="linalg.map", traits=_STRUCTURED_TRAITS):
    """Elementwise: ``init(i...) = mapper(inputs(i...)...)`` over the init's shape; all loops parallel, all maps
    identities.

    Syntax: ``%r = linalg.map { arith.addf } ins(%a, %b : t, t) outs(%init : t)`` (short form: one payload op
    applied to the input elements in order) or ``... outs(%init : t) (%in: f32, %in_0: f32, %init: f32) { ... }``.
    The block takes the input elements and the init element. Errors: an arity or element type other than the
    operands'; an input shape other than the init's."""

    inputs = var_operand(VarTensorOrMemref)
    init = operand(TensorOrMemref)
    result = var_result(AnyTensor)
    mapper = region_def()
    custom_grammar = "[linalg_payload] [linalg_ins] linalg_outs [attr_dict] [linalg_long_body]"
    custom_rules = {**STRUCTURED_RULES, **PAYLOAD_RULES}

    def num_inits(self) -> int:
        return 1

    def indexing_maps(self) -> list[AffineMap]:
        return [AffineMap.identity(len(static_shape(self.init.type)))] * self.num_operands

    def iterator_types(self) -> list[str]:
        return [PARALLEL] * len(static_shape(self.init.type))

    def asm_result_names(self) -> list[str]:
        return ["mapped"] if self.results else []

    def asm_block_arg_names(self, region: Region) -> list[str]:
        return ["in"] * len(self.inputs) + ["init"]

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> MapOp:
        payload, ins, outs, attrs, long = c
        inputs, outputs = resolve_io(st, ins, outs, kw)
        operands = [*inputs, *outputs]
        loc = st.loc(kw)
        if payload is not None:
            region = _short_form_body(st, payload, operands, False, loc) if operands else Region()
        elif long is not None:
            region = long[1]
        else:
            raise st.error(f"custom op '{cls.OPERATION_NAME}' expected '('", kw)
        props, rest = split_attrs(cls, None, attrs, st, kw)
        op: MapOp = cls.create(operands, _tensor_results(outputs), props, rest, [region], location=loc)
        return op

    def print_custom(self, p: Any) -> str:
        region = self.regions[0]
        block = region.blocks[0] if region.blocks else None
        payload = _find_payload(block, len(self.inputs), False) if block is not None else None
        s = p.op_name(self) + (_print_short(p, payload) if payload is not None else "")
        s += print_io(p, self.inputs, [self.init]) + print_attrs(p, self)
        if payload is None and block is not None:
            s += print_long_region(p, region)
        return s

    def verify_(self) -> None:
        super().verify_()
        block = self.regions[0].blocks[0] if self.regions and self.regions[0].blocks else None
        if block is None:
            return
        n = self.num_operands
        if n != len(block.args):
            raise self.emit_error(f"expects number of operands to match the arity of mapper, but got: {n} and "
                                  f"{len(block.args)}")
        for v, a in zip(self.inputs, block.args):
            et = payload_type(v.type)
            if a.type != et:
                raise self.emit_error(f"expected element type of input '{et}' to match bbArg type '{a.type}'")
        out = static_shape(self.init.type)
        for v in self.inputs:
            shape = static_shape(v.type)
            if shape != out:
                raise self.emit_error(f"expected shape of input ({_shape_str(shape)}) to match shape of output "
                                      f"({_shape_str(out)})")


def _shape_str(shape: Sequence[int]) -> str:
    return ", ".join("?" if d == DYNAMIC else str(d) for d in shape)


class ReduceOp(_FoldMemRefCasts, LinalgOp, name="linalg.reduce", traits=_STRUCTURED_TRAITS):
    """Reduce ``inputs`` over ``dimensions`` (strictly increasing) into ``inits`` with the ``combiner``:
    ``init(j...) = combiner(inputs(i...)..., init(j...))`` where ``j`` drops the reduced dimensions of ``i``.

    Syntax: ``%r = linalg.reduce { arith.addf } ins(%a : tensor<4x8xf32>) outs(%i : tensor<4xf32>) dimensions =
    [1] `` (short form: the payload op takes the init first, then the input) or ``... dimensions = [1] (%in: f32,
    %init: f32) { ... }``. Errors: inputs (inits) of different shapes; dimensions out of range; init shape other
    than the input's without the reduced dimensions; block arguments not matching the element types."""

    inputs = var_operand(VarTensorOrMemref)
    inits = var_operand(VarTensorOrMemref)
    dimensions = prop(SortedI64Array)
    results_ = var_result(AnyTensor)
    combiner = region_def()
    custom_grammar = ('[linalg_payload] [linalg_ins] [linalg_outs] "dimensions" "=" linalg_i64_list [attr_dict] '
                      "[linalg_long_body]")
    custom_rules = MapOp.custom_rules

    def num_inits(self) -> int:
        return self.num_operands // 2

    def segment_sizes(self, kind: str, defs: Any, total: int) -> list[int]:
        if kind == "operand":
            return [total // 2, total - total // 2]  # SameVariadicOperandSize
        return super().segment_sizes(kind, defs, total)

    def reduced_dims(self) -> list[int]:
        return list(self.properties["dimensions"].values)  # type: ignore[attr-defined]

    def indexing_maps(self) -> list[AffineMap]:
        rank = len(static_shape(self.inputs[0].type)) if self.inputs else 0
        red = set(self.reduced_dims())
        out = AffineMap(rank, 0, [AffineDimExpr(i) for i in range(rank) if i not in red])
        return [AffineMap.identity(rank)] * len(self.inputs) + [out] * len(self.inits)

    def iterator_types(self) -> list[str]:
        rank = len(static_shape(self.inputs[0].type)) if self.inputs else 0
        red = set(self.reduced_dims())
        return [REDUCTION if i in red else PARALLEL for i in range(rank)]

    def asm_result_names(self) -> list[str]:
        return ["reduced"] + [""] * (len(self.results) - 1) if self.results else []

    def asm_block_arg_names(self, region: Region) -> list[str]:
        return ["in"] * len(self.inputs) + ["init"] * len(self.inits)

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> ReduceOp:
        payload, ins, outs, dims_, attrs, long = c
        inputs, outputs = resolve_io(st, ins, outs, kw)
        operands = [*inputs, *outputs]
        loc = st.loc(kw)
        if payload is not None:
            region = _short_form_body(st, payload, operands, True, loc)
        elif long is not None:
            region = long[1]
        else:
            raise st.error(f"custom op '{cls.OPERATION_NAME}' expected '('", kw)
        props, rest = split_attrs(cls, None, attrs, st, kw)
        props["dimensions"] = DenseArrayAttr(i64, dims_)
        op: ReduceOp = cls.create(operands, _tensor_results(outputs), props, rest, [region], location=loc)
        return op

    def print_custom(self, p: Any) -> str:
        region = self.regions[0]
        block = region.blocks[0] if region.blocks else None
        payload = _find_payload(block, len(block.args), True) if block is not None else None
        s = p.op_name(self) + (_print_short(p, payload) if payload is not None else "")
        s += print_io(p, self.inputs, self.inits) + f" dimensions = {_dense_list(self.reduced_dims())} "
        s += print_attrs(p, self, ("dimensions",))
        if payload is None and block is not None:
            s += print_long_region(p, region)
        return s

    def verify_(self) -> None:
        super().verify_()
        ins = [static_shape(v.type) for v in self.inputs]
        outs = [static_shape(v.type) for v in self.inits]
        for i in range(1, len(ins)):
            if ins[i] != ins[0]:
                raise self.emit_error(f"expects all inputs to have the same shapes. Shape at input-index {i} is not "
                                      "equal to the shape at input-index 0.")
        for i in range(1, len(outs)):
            if outs[i] != outs[0]:
                raise self.emit_error(f"expects all outputs to have the same shapes. Shape at output-index {i} is not "
                                      "equal to the shape at output-index 0.")
        if not ins or not outs:
            return
        rank = len(ins[0])
        red = self.reduced_dims()
        for d in red:
            if d < 0 or d >= rank:
                raise self.emit_error(f"dimensions for reduction should be in the range [0, {rank - 1}].")
        kept = [s for i, s in enumerate(ins[0]) if i not in set(red)]
        if len(kept) != len(outs[0]):
            raise self.emit_error(f"number of dimensions after reduction {len(kept)} doesn't match the init rank "
                                  f"{len(outs[0])}")
        if tuple(kept) != outs[0]:
            raise self.emit_error(f"init dimensions [{_shape_str(outs[0])}] doesn't match input dimensions after "
                                  f"reduction [{_shape_str(kept)}]")
        block = self.regions[0].blocks[0] if self.regions[0].blocks else None
        if block is None:
            return
        if len(block.args) != self.num_operands:
            raise self.emit_error("mismatching number of operands and block arguments")
        for v, a in zip(self.inputs, block.args):
            et = payload_type(v.type)
            if et != a.type:
                raise self.emit_error(f"input element type '{et}' does not match corresponding block argument type "
                                      f"'{a.type}'")
        for v, a in zip(self.inits, block.args[len(block.args) - len(self.inits):]):
            et = payload_type(v.type)
            if et != a.type:
                raise self.emit_error(f"output element type '{et}' does not match corresponding block argument type "
                                      f"'{a.type}'")


class _Identity(_FoldMemRefCasts, LinalgOp):
    """Ops whose payload is ``linalg.yield %in`` (rebuilt by the parser): transpose, broadcast."""

    __slots__ = ()
    input = operand(TensorOrMemref)
    init = operand(TensorOrMemref)
    result = var_result(AnyTensor)
    region = region_def()
    KEYWORD: ClassVar[str] = ""

    def num_inits(self) -> int:
        return 1

    def iterator_types(self) -> list[str]:
        return [PARALLEL] * len(static_shape(self.init.type))

    def attr_values(self) -> list[int]:
        return list(self.properties[self.KEYWORD].values)  # type: ignore[attr-defined]

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> Any:
        ins, outs, values, attrs = c
        inputs, outputs = resolve_io(st, ins, outs, kw)
        operands = [*inputs, *outputs]
        loc = st.loc(kw)
        props, rest = split_attrs(cls, None, attrs, st, kw)
        props[cls.KEYWORD] = DenseArrayAttr(i64, values)
        return cls.create(operands, _tensor_results(outputs), props, rest, [_identity_region(operands, loc)],
                          location=loc)

    def print_custom(self, p: Any) -> str:
        return (p.op_name(self) + print_io(p, [self.input], [self.init]) +
                f" {self.KEYWORD} = {_dense_list(self.attr_values())} " + print_attrs(p, self, (self.KEYWORD,)))

    @classmethod
    def build_op(cls, input: Value, init: Value, values: Sequence[int], location: Any = None) -> Any:
        return cls.create([input, init], _tensor_results([init]), {cls.KEYWORD: DenseArrayAttr(i64, values)}, None,
                          [_identity_region([input, init], location or UnknownLoc())], location=location)


class TransposeOp(_Identity, name="linalg.transpose", traits=_STRUCTURED_TRAITS):
    """Move data: ``dim(result, i) = dim(input, permutation[i])``, ``init(i...) = input(i[perm^-1]...)``.

    Syntax: ``%t = linalg.transpose ins(%a : tensor<4x8xf32>) outs(%i : tensor<8x4xf32>) permutation = [1, 0] ``.
    Maps: input inverse ``permutation`` map, init identity. Errors: not a permutation; ranks differing; mismatched dims
    (``dim(result, 1) = 16 doesn't match dim(input, permutation[1]) = 4``)."""

    permutation = prop(I64Array)
    KEYWORD = "permutation"
    custom_grammar = '[linalg_ins] [linalg_outs] "permutation" "=" linalg_i64_list [attr_dict]'
    custom_rules = STRUCTURED_RULES

    def asm_result_names(self) -> list[str]:
        return ["transposed"] if self.results else []

    def fold(self, operands: list[Attribute | None]) -> list[Any] | None:
        """On tensors, an empty or identity permutation -> the input (MLIR's ``TransposeOp::fold``)."""
        perm = self.attr_values()
        if isinstance(self.input.type, RankedTensorType) and perm == list(range(len(perm))):
            return [self.input]
        return None

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return [FunctionPattern(_fold_transpose_with_transpose, "linalg.transpose", name="FoldTransposeWithTranspose")]

    def indexing_maps(self) -> list[AffineMap]:
        """Input ``inversePermutation(permutation map)``, init identity (MLIR's ``TransposeOp::getIndexingMaps``)."""
        from .linalg_structured import inverse_permutation

        rank = len(static_shape(self.init.type))
        return [inverse_permutation(AffineMap.permutation(self.attr_values())) or AffineMap.identity(rank),
                AffineMap.identity(rank)]

    def verify_(self) -> None:
        super().verify_()
        perm = self.attr_values()
        if sorted(perm) != list(range(len(perm))):
            raise self.emit_error("permutation is not valid")
        src, dst = static_shape(self.input.type), static_shape(self.init.type)
        if len(src) != len(dst):
            raise self.emit_error(f"input rank ({len(src)}) does not match init rank ({len(dst)})")
        if len(perm) != len(src):
            raise self.emit_error(f"size of permutation {len(perm)} does not match the argument rank {len(src)}")
        for i, p in enumerate(perm):
            if src[p] != dst[i]:
                raise self.emit_error(f"dim(result, {i}) = {dst[i]} doesn't match dim(input, permutation[{i}]) = "
                                      f"{src[p]}")


class BroadcastOp(_Identity, name="linalg.broadcast", traits=_STRUCTURED_TRAITS):
    """Copy ``input`` along the added ``dimensions`` of ``init``: ``init(i...) = input(i without dimensions...)``.

    Syntax: ``%b = linalg.broadcast ins(%a : tensor<4xf32>) outs(%i : tensor<4x8xf32>) dimensions = [1] ``.
    Errors: rank(input) + #dimensions != rank(init); dimensions out of range; kept dims differing."""

    dimensions = prop(I64Array)
    KEYWORD = "dimensions"
    custom_grammar = '[linalg_ins] [linalg_outs] "dimensions" "=" linalg_i64_list [attr_dict]'
    custom_rules = STRUCTURED_RULES

    def asm_result_names(self) -> list[str]:
        return ["broadcasted"] if self.results else []

    def indexing_maps(self) -> list[AffineMap]:
        rank = len(static_shape(self.init.type))
        added = set(self.attr_values())
        return [AffineMap(rank, 0, [AffineDimExpr(i) for i in range(rank) if i not in added]), AffineMap.identity(rank)]

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return [FunctionPattern(_erase_identity_linalg_op, "linalg.broadcast", name="EraseIdentityLinalgOp")]

    def verify_(self) -> None:
        super().verify_()
        dims_ = self.attr_values()
        src, dst = static_shape(self.input.type), static_shape(self.init.type)
        if len(src) + len(dims_) != len(dst):
            raise self.emit_error(f"input rank plus added dimensions does not match init rank. input rank: {len(src)}, "
                                  f"dimensions size: {len(dims_)}, init rank: {len(dst)}")
        for i, d in enumerate(dims_):
            if d < 0 or d >= len(dst):
                raise self.emit_error(f"dimension {i} is out of range. expected range: [0, {len(dst) - 1}], got: {d}")
        kept = [d for d in range(len(dst)) if d not in dims_]
        for i, j in enumerate(kept):
            if src[i] != dst[j]:
                raise self.emit_error(f"input dim {i} should match init dim {j}. input: {src[i]}, init: {dst[j]}")


# ---------------------------------------------------------------------------------------------------------------
# linalg.pack / linalg.unpack
# ---------------------------------------------------------------------------------------------------------------

_RankedTensorResult = isa(RankedTensorType, description="ranked tensor of any non-token type values")
_ShapedOperand = isa(RankedTensorType, MemRefType, description="ranked tensor or memref of any non-token type values")


def _packed_shape(unpacked: Sequence[int], tiles: Sequence[int], inner: Sequence[int], outer: Sequence[int]) -> list[int]:
    """MLIR's ``getPackOpResultTypeShape``: tiled dims divided (rounded up) by their tiles, the outer dims permuted,
    the tiles appended."""
    shape = list(unpacked)
    for t, d in zip(tiles, inner):
        if shape[d] == DYNAMIC:
            continue
        shape[d] = DYNAMIC if t == DYNAMIC else -(-shape[d] // t)
    if outer:
        shape = [shape[p] for p in outer]
    return shape + list(tiles)


class _Relayout(Op):
    """Common syntax and verification of ``linalg.pack`` / ``linalg.unpack`` (MLIR's
    ``commonVerifierPackAndUnPackOp``)."""

    __slots__ = ()
    PACK: ClassVar[bool] = True

    @property
    def static_tiles(self) -> list[int]:
        return list(self.properties["static_inner_tiles"].values)  # type: ignore[attr-defined]

    @property
    def mixed_tiles(self) -> list[Any]:
        return mixed_list(self.static_tiles, self.inner_tiles)  # type: ignore[attr-defined]

    def inner_dims(self) -> list[int]:
        return list(self.properties["inner_dims_pos"].values)  # type: ignore[attr-defined]

    def outer_perm(self) -> list[int]:
        a = self.properties.get("outer_dims_perm")
        return list(a.values) if a is not None else []  # type: ignore[attr-defined]

    def unpacked_and_packed(self) -> tuple[Type, Type]:
        src, dst = self.operand(0).type, self.operand(1).type
        return (src, dst) if self.PACK else (dst, src)

    def get_effects(self) -> list[EffectInstance]:
        src, dst = self.operand(0), self.operand(1)
        out = [EffectInstance(READ, value=src)] if isinstance(src.type, MemRefType) else []
        return out + ([EffectInstance(WRITE, value=dst)] if isinstance(dst.type, MemRefType) else [])

    def _print(self, p: Any, padding: str) -> str:
        s = f"{p.op_name(self)} {p.value(self.operand(0))}{padding}"
        if self.outer_perm():
            s += f" outer_dims_perm = {_dense_list(self.outer_perm())}"
        s += f" inner_dims_pos = {_dense_list(self.inner_dims())} inner_tiles = "
        s += print_mixed(p, self.static_tiles, self.inner_tiles)  # type: ignore[attr-defined]
        s += f" into {p.value(self.operand(1))}"
        s += print_attrs(p, self, ("outer_dims_perm", "inner_dims_pos", "static_inner_tiles", "operandSegmentSizes"))
        return s + f" : {p.type(self.operand(0).type)} -> {p.type(self.operand(1).type)}"

    def verify_(self) -> None:
        unpacked, packed = self.unpacked_and_packed()
        rank = len(static_shape(unpacked))
        tiles = self.mixed_tiles
        inner, outer = self.inner_dims(), self.outer_perm()
        if any(t == 0 for t in tiles):
            raise error(self, "invalid zero tile factor")
        if len(set(inner)) != len(inner) or any(d < 0 or d >= rank for d in inner):
            raise error(self, "invalid inner_dims_pos vector")
        if len(set(outer)) != len(outer) or any(d < 0 or d >= rank for d in outer):
            raise error(self, "invalid outer_dims_perm vector")
        if outer and len(outer) != rank:
            raise error(self, "outer_dims_perm must be a permutation or empty")
        if len(tiles) > rank:
            raise error(self, "tiling factors must be less than or equal to the input rank for pack or output rank for "
                        "unpack")
        if len(tiles) != len(inner):
            raise error(self, "tiling factors must equal the number of dimensions to tile")
        pshape = static_shape(packed)
        if len(pshape) != rank + len(tiles):
            raise error(self, f"packed rank != (unpacked rank + num tiling factors), got {len(pshape)} != "
                        f"{rank + len(tiles)}")
        for i, (d, t) in enumerate(zip(pshape[rank:], tiles)):
            if isinstance(t, int):
                if d != DYNAMIC and d != t:
                    raise error(self, f"mismatch in inner tile sizes specified and shaped of tiled dimension in the "
                                f"packed type at index {i}: got {d} != {t}")
            elif d != DYNAMIC:
                raise error(self, f"mismatch in inner tile sizes specified at index {i}: got static shape {d} but "
                            "dynamic tile size")
        expected = _packed_shape(static_shape(unpacked), self.static_tiles, inner, outer)
        if any(e != a and DYNAMIC not in (e, a) for e, a in zip(expected, pshape)):
            et = type(packed)(expected, packed.element_type)  # type: ignore[attr-defined, call-arg]
            raise error(self, f"expected '{et}' for the packed domain value, got '{packed}'")


class PackOp(_Relayout, name="linalg.pack", traits=[]):
    """Tile ``source`` (rank n) into ``dest`` (rank n + k): ``inner_dims_pos`` are the k tiled source dims, in
    the order their tiles (``inner_tiles``, static or ``%dynamic``) are appended; ``outer_dims_perm`` permutes the
    outer dims; ``padding_value`` fills partial tiles (without it, tiles must divide the dims).

    Syntax: ``%p = linalg.pack %src padding_value(%cst : f32) outer_dims_perm = [1, 0] inner_dims_pos = [0, 1]
    inner_tiles = [8, %n] into %dest : tensor<16x16xf32> -> tensor<2x2x8x?xf32>``.
    Errors (MLIR's wording): zero tiles, invalid positions or permutation, tile/position count mismatch, packed
    rank or tile sizes disagreeing with the packed type, partial tiles without padding, padding of another type."""

    source = operand(_ShapedOperand)
    dest = operand(_ShapedOperand)
    padding_value = opt_operand()
    inner_tiles = var_operand(Index)
    outer_dims_perm = prop(I64Array, optional=True)
    inner_dims_pos = prop(I64Array)
    static_inner_tiles = prop(I64Array)
    result = var_result(_RankedTensorResult)
    custom_grammar = (f'VALUE_ID [linalg_pack_padding] [linalg_outer_perm] "inner_dims_pos" "=" linalg_i64_list '
                      f'"inner_tiles" "=" {MIXED_LIST} "into" VALUE_ID [attr_dict] ":" type "->" type')
    custom_rules = {**STRUCTURED_RULES, **MIXED_RULES,
                    "linalg_pack_padding": ('"padding_value" "(" VALUE_ID ":" type ")"', lambda c, st: c),
                    "linalg_outer_perm": ('"outer_dims_perm" "=" linalg_i64_list', lambda c, st: c[0])}

    def asm_result_names(self) -> list[str]:
        return ["pack"] if self.results else []

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> PackOp:
        src, pad, outer, inner, tiles, dest, attrs, st_, dt = c
        dyn, static = parse_mixed(tiles, st)
        ops = [st.use(src, st_), st.use(dest, dt)]
        if pad is not None:
            ops.append(st.use(pad[0], pad[1]))
        props, rest = split_attrs(cls, None, attrs, st, kw)
        props.update({"inner_dims_pos": DenseArrayAttr(i64, inner), "static_inner_tiles": static,
                      "operandSegmentSizes": DenseArrayAttr(i32, [1, 1, 1 if pad is not None else 0, len(dyn)])})
        if outer is not None:
            props["outer_dims_perm"] = DenseArrayAttr(i64, outer)
        results = [dt] if isinstance(st_, RankedTensorType) else []
        op: PackOp = cls.create([*ops, *dyn], results, props, rest, location=st.loc(kw))
        return op

    def print_custom(self, p: Any) -> str:
        pv = self.padding_value
        pad = f" padding_value({p.value(pv)} : {p.type(pv.type)})" if pv is not None else ""
        return self._print(p, pad)

    def verify_(self) -> None:
        super().verify_()
        src = static_shape(self.source.type)
        dst = static_shape(self.dest.type)
        pv = self.padding_value
        if pv is None:
            outer = self.outer_perm()
            tile_dims = list(dst[: len(src)])
            if outer:
                inv = [0] * len(outer)
                for i, q in enumerate(outer):
                    inv[q] = i
                tile_dims = [tile_dims[inv[i]] for i in range(len(src))]
            for d, t in zip(self.inner_dims(), self.mixed_tiles):
                if src[d] == DYNAMIC:
                    continue
                if isinstance(t, int):
                    partial = src[d] % t != 0
                else:
                    partial = tile_dims[d] != DYNAMIC and src[d] % tile_dims[d] != 0
                if partial:
                    raise self.emit_error("invalid tile factor or output size provided. Only full tiles are supported "
                                          "when padding_value is not set")
        else:
            et = payload_type(self.source.type)
            if pv.type != et:
                raise self.emit_error(f"expected padding_value has '{et}' but got: '{pv.type}'")


class UnPackOp(_Relayout, name="linalg.unpack", traits=[]):
    """The inverse of ``linalg.pack``: untile ``source`` (rank n + k) into ``dest`` (rank n), dropping padding.

    Syntax: ``%u = linalg.unpack %p outer_dims_perm = [1, 0] inner_dims_pos = [0, 1] inner_tiles = [8, 8] into
    %dest : tensor<2x2x8x8xf32> -> tensor<16x16xf32>``. As MLIR, the custom parser also records a discardable
    ``operandSegmentSizes`` (elided in custom form). Errors: as ``linalg.pack``'s common checks."""

    PACK = False
    source = operand(_ShapedOperand)
    dest = operand(_ShapedOperand)
    inner_tiles = var_operand(Index)
    outer_dims_perm = prop(I64Array, optional=True)
    inner_dims_pos = prop(I64Array)
    static_inner_tiles = prop(I64Array)
    result = var_result(_RankedTensorResult)
    custom_grammar = (f'VALUE_ID [linalg_outer_perm] "inner_dims_pos" "=" linalg_i64_list '
                      f'"inner_tiles" "=" {MIXED_LIST} "into" VALUE_ID [attr_dict] ":" type "->" type')
    custom_rules = PackOp.custom_rules

    def asm_result_names(self) -> list[str]:
        return ["unpack"] if self.results else []

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> UnPackOp:
        src, outer, inner, tiles, dest, attrs, st_, dt = c
        dyn, static = parse_mixed(tiles, st)
        props, rest = split_attrs(cls, None, attrs, st, kw)
        props.update({"inner_dims_pos": DenseArrayAttr(i64, inner), "static_inner_tiles": static})
        if outer is not None:
            props["outer_dims_perm"] = DenseArrayAttr(i64, outer)
        rest["operandSegmentSizes"] = DenseArrayAttr(i32, [1, 1, 0, len(dyn)])
        results = [dt] if isinstance(st_, RankedTensorType) else []
        op: UnPackOp = cls.create([st.use(src, st_), st.use(dest, dt), *dyn], results, props, rest,
                                  location=st.loc(kw))
        return op

    def print_custom(self, p: Any) -> str:
        return self._print(p, "")


# ---------------------------------------------------------------------------------------------------------------
# canonicalization (mlir/lib/Dialect/Linalg/IR/LinalgOps.cpp); FoldFillWithTensorExtract sits on FillOp
# ---------------------------------------------------------------------------------------------------------------


def _erase_dead_linalg_op(op: LinalgOp, rewriter: PatternRewriter) -> bool:
    """A structured op with a memref operand of a static zero-size dimension runs no iteration: erased (MLIR's
    ``EraseDeadLinalgOp``; a ``tensor<0x...>`` operand is left alone, as MLIR)."""
    if not any(isinstance(t, MemRefType) and 0 in t.shape for t in op.operand_types):
        return False
    rewriter.erase_op(op)
    return True


def _erase_identity_linalg_op(op: LinalgOp, rewriter: PatternRewriter) -> bool:
    """A ``linalg.generic``/``linalg.broadcast`` with equal indexing maps whose payload only yields block arguments
    does nothing: on buffers, with one input that is its output, it is erased; on tensors, each result becomes the
    operand whose argument it yields (through a ``tensor.cast`` if the types differ) (MLIR's
    ``EraseIdentityLinalgOp``)."""
    from .tensor import CastOp as TensorCastOp

    maps, body = op.indexing_maps(), op.body
    if any(m != maps[0] for m in maps) or body.first_op is not body.last_op or not isinstance(body.last_op, YieldOp):
        return False
    if op.has_buffer_semantics():
        if len(op.inputs) == 1 and len(op.outputs) == 1 and op.inputs[0] is op.outputs[0]:
            rewriter.erase_op(op)
            return True
        return False
    if not op.has_tensor_semantics():
        return False
    ys = op.yield_values
    if len(ys) != len(op.results) or not all(isinstance(y, BlockArgument) and y.owner is body for y in ys):
        return False
    returned: list[Value] = []
    for y, r in zip(ys, op.results):
        v = op.operand(y.index)  # type: ignore[attr-defined]
        if v.type != r.type:
            if not (isinstance(v.type, RankedTensorType) and isinstance(r.type, RankedTensorType)
                    and v.type.element_type == r.type.element_type and v.type.rank == r.type.rank
                    and all(a == b or DYNAMIC in (a, b) for a, b in zip(v.type.shape, r.type.shape))):
                return False
            v = rewriter.create(TensorCastOp, [v], [r.type], location=op.location).results[0]
        returned.append(v)
    rewriter.replace_op(op, returned)
    return True


def _fold_fill_with_tensor_extract(op: Operation, rewriter: PatternRewriter) -> bool:
    """``tensor.extract`` of a ``linalg.fill`` result is the fill value (MLIR's ``FoldFillWithTensorExtract``)."""
    fill = op.operands[0].defining_op
    if not isinstance(fill, FillOp) or fill.inputs[0].type != op.results[0].type:
        return False
    rewriter.replace_op(op, [fill.inputs[0]])
    return True


def _fold_fill_with_copy(op: CopyOp, rewriter: PatternRewriter) -> bool:
    """``copy(fill(v))`` -> ``fill(v)`` into the copy's output; a copy into a fill result copies into the fill's
    init instead (MLIR's ``FoldFillWithCopy``; only without an element type conversion)."""
    src, out = op.inputs[0].defining_op, op.outputs[0]
    dst = out.defining_op
    if isinstance(src, FillOp) and src.inputs[0].type == payload_type(out.type):
        new = FillOp.build_named([src.inputs[0]], [out], location=op.location)
    elif isinstance(dst, FillOp):
        new = CopyOp.build_named([op.inputs[0]], [dst.outputs[0]], op.result_types, dict(op.properties),
                                 location=op.location)
    else:
        return False
    rewriter.insert(new)
    rewriter.replace_op(op, new.results)
    return True


def _fold_fill_with_tensor_reshape(op: Operation, rewriter: PatternRewriter) -> bool:
    """``collapse_shape``/``expand_shape`` of a ``linalg.fill`` result -> a fill of the reshaped init (MLIR's
    ``FoldFillWithTensorReshape``)."""
    fill = op.operand(0).defining_op
    if not isinstance(fill, FillOp):
        return False
    init = rewriter.create(type(op), [fill.outputs[0], *op.operands[1:]], op.result_types,
                           properties=dict(op.properties), location=fill.location)
    new = rewriter.insert(FillOp.build_named([fill.inputs[0]], [init.results[0]], location=op.location))
    rewriter.replace_op(op, new.results)
    return True


def _fold_transpose_with_transpose(op: TransposeOp, rewriter: PatternRewriter) -> bool:
    """``transpose(transpose(x, p), q)`` -> ``transpose(x, [p[i] for i in q])`` (MLIR's
    ``FoldTransposeWithTranspose``)."""
    prev = op.input.defining_op
    if not isinstance(prev, TransposeOp):
        return False
    p = prev.attr_values()
    new = rewriter.insert(TransposeOp.build_op(prev.input, op.init, [p[i] for i in op.attr_values()], op.location))
    rewriter.replace_op(op, new.results)
    return True


def _erase_self_copy(op: CopyOp, rewriter: PatternRewriter) -> bool:
    """``linalg.copy`` of a value onto itself: erased on buffers, replaced by its input on tensors (MLIR's
    ``EraseSelfCopy``)."""
    if op.inputs != op.outputs:
        return False
    if op.has_buffer_semantics():
        rewriter.erase_op(op)
    else:
        rewriter.replace_op(op, op.inputs)
    return True


def _fold_tensor_cast_producer(op: LinalgOp, rewriter: PatternRewriter) -> bool:
    """A tensor operand defined by a ``tensor.cast`` that only drops static information is read through the cast;
    results tied to such outputs take the more static type and are cast back for their users (MLIR's
    ``FoldTensorCastProducerOp``)."""
    from .tensor import CastOp as TensorCastOp
    from .tensor import foldable_cast_source

    sources = [foldable_cast_source(v) for v in op.operands]
    if all(s is None for s in sources):
        return False
    new = rewriter.clone(op)
    new.set_operands([s if s is not None else v for s, v in zip(sources, op.operands)])
    tensor_outs = [v for v in new.operands[new.num_operands - op.num_inits():] if isinstance(v.type, RankedTensorType)]
    for r, v in zip(new.results, tensor_outs):
        r.type = v.type
    repl = [n if n.type == r.type else rewriter.create(TensorCastOp, [n], [r.type], location=op.location).results[0]
            for n, r in zip(new.results, op.results)]
    rewriter.replace_op(op, repl)
    return True


def _dialect_patterns() -> list[Any]:
    """The linalg dialect's canonicalization patterns (MLIR's ``LinalgDialect::getCanonicalizationPatterns``),
    one instance per structured op name."""
    names = [n for n, c in DIALECT.ops.items() if issubclass(c, LinalgOp)]
    return ([FunctionPattern(_erase_dead_linalg_op, n, name="EraseDeadLinalgOp") for n in names]
            + [FunctionPattern(_fold_tensor_cast_producer, n, name="FoldTensorCastProducerOp") for n in names])


_OPS: list[type[Op]] = [
    BatchMatmulOp, BroadcastOp, Conv2DNchwFchwOp, Conv2DNhwcHwcfOp, CopyOp, DepthwiseConv2DNchwChwOp,
    DepthwiseConv2DNhwcHwcOp, FillOp, GenericOp, IndexOp, MapOp, MatmulOp, MatvecOp, PackOp, PoolingNchwMaxOp,
    PoolingNchwSumOp, PoolingNhwcMaxOp, PoolingNhwcSumOp, ReduceOp, TransposeOp, UnPackOp, YieldOp,
]

DIALECT = Dialect("linalg", _OPS, attribute_parsers=dict(ATTRIBUTE_PARSERS), description=__doc__ or "")
setattr(DIALECT, "canonicalization_patterns", _dialect_patterns)  # noqa: B010  (read by collect_canonicalization_patterns)

__all__ = [c.__name__ for c in _OPS] + ["DIALECT", "IteratorTypeAttr", "LinalgOp", "NamedStructuredOp", "TypeFnAttr"]
