"""The tc dialect: Tensor Comprehensions, one Einstein-notation statement per op.

``tc.comprehension`` computes a tensor from operand tensors (and scalars) with one statement of the Tensor
Comprehensions language (facebookresearch/TensorComprehensions, ``docs/source/semantics.rst``; the language, its
type rules and range inference are in :mod:`mlir_py.tc_lang`)::

    %C = tc.comprehension "C(m, n) +=! A(m, k) * B(k, n)"
           ins(A = %a : tensor<4x8xf32>, B = %b : tensor<8x5xf32>) -> tensor<4x5xf32>
    %D = tc.comprehension "D(m, n) += A(m, k) * B(k, n)"
           ins(A = %a : tensor<4x8xf32>, B = %b : tensor<8x5xf32>) init(%C : tensor<4x5xf32>) -> tensor<4x5xf32>
    %O = tc.comprehension "O(n, f, h, w) +=! I(n, c, 2 * h + r, 2 * w + s) * W(f, c, r, s)"
           ins(I = %i : tensor<1x3x9x9xf32>, W = %w : tensor<4x3x3x3xf32>) -> tensor<1x4x4x4xf32>
    %S = tc.comprehension "S(i) = x * A(i) where i in 0:4" ins(x = %x : f32, A = %a : tensor<4xf32>)
           -> tensor<4xf32>

``ins(NAME = %value : type, ...)`` binds the statement's tensor names to the operands (ranked tensors, or scalars
read as ``x``); the left-hand name is the result. A reduction without ``!`` (``+=``, ``max=``, ...) starts from
the ``init`` operand, which is required then and forbidden otherwise. Generic form: the operands are the inputs
then the init; properties ``statement`` (string), ``names`` (array of strings, one per input) and
``operandSegmentSizes``.

**The statement language** (TC ``semantics.rst``; parser ``mlir_py/parser/tc.lark``, analysis
:mod:`mlir_py.tc_lang`):

- ``LHS(i, j, ...) OP RHS [where CLAUSES]``; the left-hand indices are distinct identifiers, every other identifier
  of the right-hand side that is not an operand or builtin is an index, and an index absent from the left-hand side
  is a *reduction index*;
- ``OP`` is ``=`` (no reduction index allowed), or ``+=``, ``*=``, ``max=``, ``min=``: with ``!`` the result starts
  from the identity (0, 1, -inf, +inf; an integer type's min/max), without it from the ``init`` operand;
- ``RHS``: numbers (``2``, ``0.5``, ``1e-3``, ``1.0f``), tensor reads whose subscripts may be any integer
  expression (``I(n, c, 2 * h + r, w + 2 * s)``; affine ones drive range inference), scalar operands ``alpha``,
  sizes ``A.1``, ``+ - * / %`` (integer ``/`` and ``%`` truncate toward zero, as C), unary ``-`` and ``!``,
  ``== != < <= > >=``, ``&&``, ``||``, ``c ? a : b``, the builtins ``exp log sqrt rsqrt tanh erf abs fabs floor
  ceil sin cos`` (floats), ``min max`` (NaN-propagating on floats), ``fmin fmax`` (NaN-ignoring), ``pow``, and
  casts ``float double half int8 int16 int32 int int64 long bool (x)``;
- types: reads have the operand's element type; literals and index variables are *weak* and take the type of the
  other operand (``X(i) * 2`` is f32, ``float(i)`` converts an index); two different concrete types need a cast;
- ``where`` clauses: ``k in lo:hi`` (``lo`` included, ``hi`` excluded; size expressions such as ``0:A.1``) and
  ``exists A(i)`` (a read used only for range inference);
- range inference (TC ``inference.rst``): ``where`` ranges first, then rounds in which a read subscript that is
  affine in exactly one unresolved index bounds it so that every read stays in bounds (bounds of one round
  intersect); an index that no round resolves is an error: *ambiguous* when only subscripts shared with other
  unresolved indices mention it (``A(i + k)``), *not bounded* when none does. With static shapes every affine read
  is checked to be in bounds. The result shape is the upper bound of each left-hand range.

Lowering and execution: ``convert-tc-to-linalg`` (passes/convert_tc_to_linalg.py) turns each op into a
``linalg.generic``; the interpreter runs the op directly (mlir_py/interpreter_impls/tc.py, vectorized numpy);
``mlir-py-translate --import-tc file.tc [--tc-sizes=M=4,K=8,N=5]`` reads TC's ``def`` language into functions of
``tc.comprehension`` ops, one per statement, and ``func.call``s for calls of earlier defs (``H = mm(A, W)``); sizes
are dynamic unless ``--tc-sizes`` gives them (:mod:`mlir_py.tc_frontend`).

**Python builder** (used by ``convert-nn-to-tc``; the result type is inferred when not given)::

    from dialects.tc import ComprehensionOp
    op = ComprehensionOp.build_from_text("C(m, n) +=! A(m, k) * B(k, n)", {"A": a, "B": b})
    rewriter.set_insertion_point(anchor); rewriter.insert(op)   # or block.append(op)
    c = op.result                                    # tensor<4x5xf32>
    acc = ComprehensionOp.build_from_text("C(i) += X(i)", {"X": x}, init=c_prev)

``inputs`` is a mapping (or a sequence of ``(name, value)`` pairs) in operand order. Errors in the statement raise
:class:`~mlir_py.diagnostics.VerifyError` (a located diagnostic, at ``location``) with the statement column.

Verifier errors (``'tc.comprehension' op ...``): a syntax error in the statement; names not bound to operands, bound
twice or not identifiers; a missing or unexpected init; an ambiguous or unbounded range (``where k in lo:hi``
needed); a read that is out of bounds; types that do not match (``float(...)`` casts are explicit); a result type
whose rank, shape or element type differs from the inferred one; an init whose type differs from the result's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from mlir_py.attributes import ArrayAttr, Attribute, FileLineColLoc, RankedTensorType, StringAttr, Type, print_string
from mlir_py.diagnostics import ParseError, VerifyError
from mlir_py.dialect import Dialect
from mlir_py.ir import Value
from mlir_py.opdef import (
    AnyRankedTensor,
    AnyType,
    Constraint,
    Op,
    Pure,
    isa,
    opt_operand,
    prop,
    result_def,
    var_operand,
)
from mlir_py.tc_lang import Comprehension, Stmt, TcError, analyze, parse_statement, result_type_of

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
StrArray = Constraint(lambda a: isinstance(a, ArrayAttr) and all(isinstance(x, StringAttr) for x in a),
                      "array of string attributes")


def _located(e: TcError) -> str:
    return e.message + (f" (at column {e.pos[1]} of the statement)" if e.pos and e.pos[1] else "")


class ComprehensionOp(Op, name="tc.comprehension", traits=[Pure()]):
    """One Tensor Comprehensions statement: ``result = statement(inputs[, init])``.

    Operands: ``inputs`` — ranked tensors or scalars (int/float), bound to the names in ``names``; ``init`` — the
    tensor a reduction without ``!`` accumulates into (same type as the result). Result: a ranked tensor whose
    shape is the upper bound of each left-hand index range (range inference, TC ``inference.rst``) and whose
    element type is the statement's. Semantics: every result element starts from the reduction's identity (``!``),
    from ``init`` (no ``!``), or zero (``=``, elements outside the written range); the right-hand side is evaluated
    at every point of the index ranges and combined into the element the left-hand side names."""

    inputs = var_operand(AnyType)
    init = opt_operand(AnyRankedTensor)
    statement = prop(isa(StringAttr, description="string attribute"))
    names = prop(StrArray)
    result = result_def(AnyRankedTensor)
    custom_grammar = 'STRING [tc_ins] [tc_init] [attr_dict] "->" type'
    custom_rules = {
        "tc_ins": ('"ins" "(" [tc_binding ("," tc_binding)*] ")"', lambda c, st: [x for x in c if x is not None]),
        "tc_binding": ('BARE_ID "=" VALUE_ID ":" type', lambda c, st: tuple(c)),
        "tc_init": ('"init" "(" VALUE_ID ":" type ")"', lambda c, st: tuple(c)),
    }

    # --- builders ------------------------------------------------------------------------------------------------
    @classmethod
    def build_from_text(cls, statement: str, inputs: Mapping[str, Value] | Sequence[tuple[str, Value]] = (),
                        init: Value | None = None, result_type: Type | None = None,
                        location: Any = None) -> ComprehensionOp:
        """The op computing ``statement`` over ``inputs`` (name → value, in operand order).

        ``result_type`` defaults to the inferred one (static shapes give a static type). Raises
        :class:`VerifyError` located at ``location`` when the statement is invalid for these operands."""
        pairs = list(inputs.items()) if isinstance(inputs, Mapping) else list(inputs)
        names = [n for n, _ in pairs]
        values = [v for _, v in pairs]
        if result_type is None:
            try:
                c = analyze(parse_statement(statement), dict(zip(names, (v.type for v in values))),
                            init_type=None if init is None else init.type)
            except TcError as e:
                raise VerifyError(f"'tc.comprehension' op {_located(e)}", location=location) from None
            result_type = init.type if init is not None else result_type_of(c)
        props: dict[str, Attribute] = {"statement": StringAttr(statement),
                                       "names": ArrayAttr([StringAttr(n) for n in names])}
        op: ComprehensionOp = cls.build([values, init], [result_type], properties=props, location=location)
        op.verify_()
        return op

    # --- accessors -----------------------------------------------------------------------------------------------
    def input_names(self) -> list[str]:
        return [a.value for a in self.properties["names"]]  # type: ignore[union-attr, attr-defined]

    def statement_text(self) -> str:
        return self.properties["statement"].value  # type: ignore[union-attr, attr-defined, no-any-return]

    def stmt(self) -> Stmt:
        """The parsed statement (cached by text). Raises :class:`TcError` on a syntax error."""
        return parse_statement(self.statement_text())

    def comprehension(self, shapes: Mapping[str, Sequence[int]] | None = None) -> Comprehension:
        """The statement bound to this op's operands (ranges, types); ``shapes`` overrides dynamic sizes.
        Raises :class:`TcError`."""
        ops = dict(zip(self.input_names(), (v.type for v in self.inputs)))
        return analyze(self.stmt(), ops, self.result.type, shapes,
                       None if self.init is None else self.init.type)

    # --- syntax --------------------------------------------------------------------------------------------------
    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> ComprehensionOp:
        from mlir_py.parser.parser import unescape

        text_tok, ins, init, attrs, rtype = c
        text = unescape(str(text_tok))
        try:
            parse_statement(text)
        except TcError as e:
            line, col = e.pos or (1, 0)
            off = text_tok.column + 1 + max(col - 1, 0) if line <= 1 else text_tok.column
            loc = FileLineColLoc(st.filename, text_tok.line + st.line_offset, off)
            raise ParseError(f"invalid TC statement: {e.message}", loc) from None
        names, values = [], []
        for name_tok, val_tok, t in ins or []:
            if not _IDENT.match(str(name_tok)):
                raise st.error(f"invalid tensor name '{name_tok}'", name_tok)
            if str(name_tok) in names:
                raise st.error(f"tensor name '{name_tok}' is bound twice", name_tok)
            names.append(str(name_tok))
            values.append(st.use(val_tok, t))
        init_v = st.use(init[0], init[1]) if init else None
        props: dict[str, Attribute] = {"statement": StringAttr(text),
                                       "names": ArrayAttr([StringAttr(n) for n in names])}
        rest = {}
        for k, v in (attrs or {}).items():
            if k in ("statement", "names"):
                raise st.error(f"'{k}' is given by the custom syntax", kw)
            rest[k] = v
        op: ComprehensionOp = cls.build([values, init_v], [rtype], properties=props, attributes=rest,
                                        location=st.loc(kw))
        return op

    def print_custom(self, p: Any) -> str:
        s = f"{p.op_name(self)} {print_string(self.statement_text())}"
        binds = [f"{n} = {p.value(v)} : {p.type(v.type)}" for n, v in zip(self.input_names(), self.inputs)]
        if binds:
            s += f" ins({', '.join(binds)})"
        if self.init is not None:
            s += f" init({p.value(self.init)} : {p.type(self.init.type)})"
        if self.attributes:
            s += " " + p.attr_dict(self.attributes)
        return s + f" -> {p.type(self.result.type)}"

    # --- verification --------------------------------------------------------------------------------------------
    def verify_(self) -> None:
        names = self.input_names()
        if len(names) != len(self.inputs):
            raise self.emit_error(f"has {len(self.inputs)} inputs but {len(names)} names")
        for n in names:
            if not _IDENT.match(n):
                raise self.emit_error(f"invalid tensor name '{n}'")
        if len(set(names)) != len(names):
            raise self.emit_error("binds a tensor name twice")
        for n, v in zip(names, self.inputs):
            t = v.type
            if not isinstance(t, RankedTensorType) and not _is_scalar(t):
                raise self.emit_error(f"input '{n}' must be a ranked tensor or an integer/float scalar, got '{t}'")
        try:
            st = self.stmt()
        except TcError as e:
            raise self.emit_error(f"invalid TC statement: {_located(e)}") from None
        if st.accumulates and self.init is None:
            raise self.emit_error(f"'{st.op}=' without '!' accumulates into an init operand, which is missing "
                                  f"(use '{st.op}=!' to start from the identity)")
        if not st.accumulates and self.init is not None:
            raise self.emit_error("an init operand is only allowed with a reduction without '!' (+=, *=, max=, min=)")
        try:
            self.comprehension()
        except TcError as e:
            raise self.emit_error(_located(e)) from None


def _is_scalar(t: Type) -> bool:
    from mlir_py.tc_lang import is_float, is_int

    return is_float(t) or is_int(t)


DIALECT = Dialect("tc", [ComprehensionOp], description=__doc__ or "")
