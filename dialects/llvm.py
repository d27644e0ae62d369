"""The llvm dialect (mlir/docs/Dialects/LLVM.md): LLVM IR as MLIR ops, the last stop before LLVM IR text.

Ops, operand/property names, generic and custom syntax mirror MLIR's LLVMOps.td as ``mlir-opt`` prints them (the
spellings were taken from ``iree-opt``'s output): ``llvm.func``, ``llvm.return``, constants
(``llvm.mlir.constant/undef/poison/zero``), globals (``llvm.mlir.global``, ``llvm.mlir.addressof``), memory
(``alloca``, ``load``, ``store``, ``getelementptr``), integer and float arithmetic, ``icmp``/``fcmp``, casts,
``select``, control flow (``br``, ``cond_br``, ``switch``, ``call``, ``unreachable``), aggregates
(``insertvalue``/``extractvalue``, used for memref descriptors) and math intrinsics ``llvm.intr.*``.

Types: ``!llvm.ptr`` (opaque pointer, optional address space ``!llvm.ptr<1>``), ``!llvm.struct<(t, ...)>``
(``packed`` allowed), ``!llvm.array<N x t>``, ``!llvm.func<ret (args, ...)>`` and ``!llvm.void``; inside an llvm
type the nested llvm types drop their ``!llvm.`` prefix (``!llvm.struct<(ptr, array<2 x i64>)>``). Integer and
float element types are the builtin ``iN``/``f32``/... and ``vector<...>``.

Attributes: ``#llvm.linkage<...>``, ``#llvm.cconv<...>``, ``#llvm.tailcallkind<...>`` (keyword enums) and
``#llvm.fastmath<...>`` (flags); overflow flags print ``overflow<nsw, nuw>`` and are stored as an ``i32`` bit set
(nsw = 1, nuw = 2), GEP flags ``inbounds|nuw`` as an ``i32`` (inbounds_flag = 1, nusw = 2, nuw = 4).
Errors: malformed types and attributes are parse errors; ops check their operand/result types
(``SameOperandsAndResultType`` on arithmetic, i1 results on comparisons, pointer operands on memory ops).
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from dialects.arith import FastMathFlagsAttr
from dialects.cf import (
    BrOp,
    CondBrOp,
    SwitchBase,
    print_successor,
    split_attr_dict,
    switch_case_rules,
)
from dialects.func import FunctionOpBase
from mlir_py.attributes import (
    ArrayAttr,
    Attribute,
    DenseArrayAttr,
    DenseElementsAttr,
    DictionaryAttr,
    FloatType,
    IndexType,
    IntegerAttr,
    IntegerType,
    StringAttr,
    SymbolRefAttr,
    Type,
    TypeAttr,
    UnitAttr,
    VectorType,
    element_type,
    i1,
    i32,
    i64,
    print_symbol_name,
)
from mlir_py.dialect import Dialect
from mlir_py.interfaces import ALLOCATE, READ, WRITE
from mlir_py.ir import Block, Operation, Region
from mlir_py.opdef import (
    AnyType,
    Commutative,
    ConstantLike,
    Constraint,
    EnumSpec,
    IsolatedFromAbove,
    IsTerminator,
    MemoryEffects,
    Op,
    Pure,
    ReturnLike,
    SameOperandsAndResultType,
    Symbol,
    isa,
    operand,
    opt_operand,
    prop,
    region_def,
    result_def,
    var_operand,
    var_result,
    var_successor,
)

# ---------------------------------------------------------------------------------------------------------------
# Types
# ---------------------------------------------------------------------------------------------------------------


class LLVMType(Type):
    """Base of the llvm dialect's types: ``print`` is ``!llvm.`` + :meth:`body`; nested in another llvm type only
    the body is printed (MLIR's ``printPrettyLLVMType``)."""

    __slots__ = ()

    def body(self, p: Any) -> str:
        raise NotImplementedError

    def print(self, p: Any) -> str:
        return "!llvm." + self.body(p)


def _nested(t: Type, p: Any) -> str:
    return t.body(p) if isinstance(t, LLVMType) else p.type(t)


class LLVMPointerType(LLVMType):
    """``!llvm.ptr`` (opaque pointer), ``!llvm.ptr<N>`` in address space N."""

    __slots__ = ("addr_space",)

    def __init__(self, addr_space: int = 0):
        self.addr_space = addr_space

    def body(self, p: Any) -> str:
        return "ptr" if self.addr_space == 0 else f"ptr<{self.addr_space}>"


class LLVMStructType(LLVMType):
    """``!llvm.struct<(t0, t1, ...)>`` (literal struct; ``packed`` for no padding)."""

    __slots__ = ("body_types", "packed")

    def __init__(self, body_types: Any, packed: bool = False):
        self.body_types: tuple[Type, ...] = tuple(body_types)
        self.packed = packed

    def body(self, p: Any) -> str:
        return "struct<" + ("packed " if self.packed else "") + "(" + \
            ", ".join(_nested(t, p) for t in self.body_types) + ")>"


class LLVMArrayType(LLVMType):
    """``!llvm.array<N x t>``: N elements of type t."""

    __slots__ = ("size", "element")

    def __init__(self, size: int, element: Type):
        self.size, self.element = size, element

    def body(self, p: Any) -> str:
        return f"array<{self.size} x {_nested(self.element, p)}>"


class LLVMVoidType(LLVMType):
    """``!llvm.void``: the result of a function returning nothing."""

    __slots__ = ()

    def body(self, p: Any) -> str:
        return "void"


class LLVMFunctionType(LLVMType):
    """``!llvm.func<ret (a, b, ...)>``: an LLVM function type (one result, ``void`` for none; ``...`` vararg)."""

    __slots__ = ("result", "params", "vararg")

    def __init__(self, result: Type, params: Any, vararg: bool = False):
        self.result, self.params, self.vararg = result, tuple(params), vararg

    def body(self, p: Any) -> str:
        ps = [_nested(t, p) for t in self.params] + (["..."] if self.vararg else [])
        return f"func<{_nested(self.result, p)} ({', '.join(ps)})>"

    @property
    def returns_void(self) -> bool:
        return isinstance(self.result, LLVMVoidType)


PTR = LLVMPointerType()
VOID = LLVMVoidType()

_TOKEN = re.compile(r"\s*(?:(!llvm\.)?(ptr|struct|array|func|void)\b)?")


class _TypeBodyParser:
    """Recursive descent over the text of an llvm type (nested llvm types unprefixed, builtin ones delegated to
    the host parser's ``parse_type``)."""

    def __init__(self, text: str, parser: Any):
        self.s, self.i, self.parser = text, 0, parser

    def ws(self) -> None:
        while self.i < len(self.s) and self.s[self.i].isspace():
            self.i += 1

    def expect(self, tok: str) -> None:
        self.ws()
        if not self.s.startswith(tok, self.i):
            raise ValueError(f"expected '{tok}' at '{self.s[self.i:self.i + 20]}'")
        self.i += len(tok)

    def accept(self, tok: str) -> bool:
        self.ws()
        if self.s.startswith(tok, self.i):
            self.i += len(tok)
            return True
        return False

    def int_(self) -> int:
        self.ws()
        m = re.compile(r"\d+").match(self.s, self.i)
        if not m:
            raise ValueError(f"expected an integer at '{self.s[self.i:self.i + 20]}'")
        self.i = m.end()
        return int(m.group())

    def type(self) -> Type:
        m = _TOKEN.match(self.s, self.i)
        assert m is not None
        kw = m.group(2)
        if kw is None:
            return self.builtin()
        self.i = m.end()
        return self.keyword_type(kw)

    def keyword_type(self, kw: str) -> Type:
        if kw == "ptr":
            if self.accept("<"):
                n = self.int_()
                self.expect(">")
                return LLVMPointerType(n)
            return PTR
        if kw == "void":
            return VOID
        self.expect("<")
        if kw == "array":
            n = self.int_()
            self.expect("x")
            t = self.type()
            self.expect(">")
            return LLVMArrayType(n, t)
        if kw == "struct":
            packed = self.accept("packed")
            self.expect("(")
            ts = self.list_(")")
            self.expect(">")
            return LLVMStructType(ts, packed)
        r = self.type()  # func
        self.expect("(")
        ps, vararg = [], False
        if not self.accept(")"):
            while True:
                if self.accept("..."):
                    vararg = True
                else:
                    ps.append(self.type())
                if self.accept(")"):
                    break
                self.expect(",")
        self.expect(">")
        return LLVMFunctionType(r, ps, vararg)

    def list_(self, close: str) -> list[Type]:
        out: list[Type] = []
        if self.accept(close):
            return out
        while True:
            out.append(self.type())
            if self.accept(close):
                return out
            self.expect(",")

    def builtin(self) -> Type:
        self.ws()
        start, depth = self.i, 0
        while self.i < len(self.s):
            c = self.s[self.i]
            if c in "<([{":
                depth += 1
            elif c in ">)]}":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and (c == "," or c.isspace()):
                break
            self.i += 1
        text = self.s[start:self.i]
        if not text:
            raise ValueError(f"expected a type at '{self.s[start:start + 20]}'")
        t: Type = self.parser.parse_type(text)
        return t


def _type_parser(kw: str) -> Any:
    def parse(body: str | None, parser: Any) -> Type:
        if body is None:
            if kw == "ptr":
                return PTR
            if kw == "void":
                return VOID
            raise ValueError(f"'!llvm.{kw}' expects '<'")
        tp = _TypeBodyParser(f"{kw}<{body}>" if kw != "ptr" else f"ptr<{body}>", parser)
        t = tp.type()
        tp.ws()
        if tp.i != len(tp.s):
            raise ValueError(f"unexpected '{tp.s[tp.i:]}'")
        return t

    return parse


def is_ptr(t: Type) -> bool:
    return isinstance(t, LLVMPointerType)


Ptr = isa(LLVMPointerType, description="LLVM pointer type")
IntLike = Constraint(lambda t: isinstance(element_type(t), IntegerType),
                     "signless integer or LLVM dialect-compatible vector of signless integer")
FloatLike = Constraint(lambda t: isinstance(element_type(t), FloatType),
                       "floating point LLVM type or LLVM dialect-compatible vector of floating point LLVM type")
I1Like = Constraint(lambda t: element_type(t) == i1, "i1 or vector of i1")

# ---------------------------------------------------------------------------------------------------------------
# Attributes
# ---------------------------------------------------------------------------------------------------------------


class LLVMFastMathFlagsAttr(FastMathFlagsAttr):
    """``#llvm.fastmath<...>``: LLVM fast-math flags (``fast`` = all), printed ``fastmath<...>`` in op syntax."""

    __slots__ = ()
    SEPARATOR = ", "

    def print(self, p: Any) -> str:
        return f"#llvm.fastmath<{self.body()}>"


FM_NONE = LLVMFastMathFlagsAttr(())
FM_FAST = LLVMFastMathFlagsAttr(("fast",))


class LLVMKeywordAttr(Attribute):
    """A keyword-valued llvm attribute ``#llvm.<mnemonic><value>``: ``linkage`` (private, internal, external, weak,
    linkonce, linkonce_odr, weak_odr, common, appending, extern_weak, available_externally), ``cconv`` (ccc,
    fastcc, ...), ``tailcallkind`` (none, tail, musttail, notail)."""

    __slots__ = ("mnemonic", "value")
    CASES: ClassVar[dict[str, tuple[str, ...]]] = {
        "linkage": ("private", "internal", "available_externally", "linkonce", "weak", "common", "appending",
                    "extern_weak", "linkonce_odr", "weak_odr", "external"),
        "cconv": ("ccc", "fastcc", "coldcc", "cc_10", "cc_11", "anyregcc", "preserve_mostcc", "preserve_allcc",
                  "swiftcc", "cxx_fast_tlscc", "tailcc", "cfguard_checkcc", "swifttailcc"),
        "tailcallkind": ("none", "tail", "musttail", "notail"),
    }

    def __init__(self, mnemonic: str, value: str):
        if value not in self.CASES[mnemonic]:
            raise ValueError(f"unknown {mnemonic} '{value}' (expected one of {', '.join(self.CASES[mnemonic])})")
        self.mnemonic, self.value = mnemonic, value

    def print(self, p: Any) -> str:
        return f"#llvm.{self.mnemonic}<{self.value}>"

    @classmethod
    def parser(cls, mnemonic: str) -> Any:
        def parse(body: str | None, parser: Any) -> LLVMKeywordAttr:
            if body is None:
                raise ValueError(f"'#llvm.{mnemonic}' expects '<value>'")
            return cls(mnemonic, body.strip())

        return parse


def linkage(name: str) -> LLVMKeywordAttr:
    return LLVMKeywordAttr("linkage", name)


EXTERNAL = linkage("external")
CCC = LLVMKeywordAttr("cconv", "ccc")
TAIL_NONE = LLVMKeywordAttr("tailcallkind", "none")


def _parse_fastmath(body: str | None, parser: Any) -> LLVMFastMathFlagsAttr:
    if body is None:
        raise ValueError("expected '<'")
    return LLVMFastMathFlagsAttr(tuple(x.strip() for x in body.split(",")))


class _BitEnum(Constraint):
    """An ``i32`` bit set spelled ``<a, b>`` in custom syntax (MLIR's overflow flags)."""

    format_grammar = "angle_ids"
    #: a native property in MLIR (an enum, not an attribute): view-op-graph does not list it
    native_property = True

    def __init__(self, name: str, bits: dict[str, int]):
        self.name, self.bits = name, bits
        super().__init__(lambda a: isinstance(a, IntegerAttr) and a.type == i32, f"{name} (i32 bit set)")

    def attr(self, *names: str) -> IntegerAttr:
        return IntegerAttr(sum(self.bits[n] for n in names), i32)

    def from_format(self, ids: list[str], d: Any) -> IntegerAttr:
        bad = [x for x in ids if x not in self.bits and x != "none"]
        if bad:
            raise ValueError(f"unknown {self.name} flag '{bad[0]}'")
        return self.attr(*(x for x in ids if x != "none"))

    def print_format(self, a: Attribute, p: Any) -> str:
        assert isinstance(a, IntegerAttr)
        names = [n for n, b in self.bits.items() if a.value & b]
        return "<" + (", ".join(names) if names else "none") + ">"


OVERFLOW = _BitEnum("overflow", {"nsw": 1, "nuw": 2})
NO_OVERFLOW = OVERFLOW.attr()


class _QuotedEnum(EnumSpec):
    """An ``i64`` enum spelled as a string in custom syntax (``llvm.icmp "slt" ...``)."""

    format_grammar = "STRING"

    def from_format(self, tok: Any, d: Any) -> IntegerAttr:
        return super().from_format(str(tok)[1:-1], d)

    def print_format(self, a: Attribute, p: Any) -> str:
        return f'"{super().print_format(a, p)}"'


ICMP_PREDICATE = _QuotedEnum("llvm.icmp_predicate", ["eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt",
                                                      "uge"])
FCMP_PREDICATE = _QuotedEnum("llvm.fcmp_predicate", ["_false", "oeq", "ogt", "oge", "olt", "ole", "one", "ord",
                                                      "ueq", "ugt", "uge", "ult", "ule", "une", "uno", "_true"])
ORDERING = EnumSpec("llvm.atomic_ordering", {"not_atomic": 0, "unordered": 1, "monotonic": 2, "acquire": 4,
                                              "release": 5, "acq_rel": 6, "seq_cst": 7})
NOT_ATOMIC = ORDERING.attr("not_atomic")
ZERO_I64 = IntegerAttr(0, i64)


class _NativeInt(Constraint):
    """An integer of ``type`` stored as a native property in MLIR, written as a bare integer literal."""

    format_grammar = "INT"

    def __init__(self, type: IntegerType, description: str) -> None:
        super().__init__(lambda a: isinstance(a, IntegerAttr) and a.type == type, description)
        self.type = type

    def from_format(self, tok: Any, d: Any) -> IntegerAttr:
        return IntegerAttr(int(str(tok), 0), self.type)

    def print_format(self, a: Attribute, p: Any) -> str:
        assert isinstance(a, IntegerAttr)
        return str(a.value)


class _NativeI64(_NativeInt):
    """An ``i64`` stored as a native property in MLIR (``IntProp``): ``<alignment = 4>`` in the custom form's
    property dictionary, ``alignment = 4 : i64`` in the generic form."""

    def __init__(self) -> None:
        super().__init__(i64, "64-bit integer property")

    print_prop_dict = _NativeInt.print_format


NATIVE_I64 = _NativeI64()


class _NativeFlags(_NativeInt):
    """An ``i32`` flag set stored as a native MLIR property (GEP ``noWrapFlags``): printed by the op's own syntax,
    ``noWrapFlags = 3 : i32`` in the generic form, not an attribute for view-op-graph."""

    native_property = True

    def __init__(self) -> None:
        super().__init__(i32, "32-bit flag set")

# ---------------------------------------------------------------------------------------------------------------
# Helpers for hand-written syntax
# ---------------------------------------------------------------------------------------------------------------


def _attr_suffix(p: Any, attrs: dict[str, Attribute]) -> str:
    return " " + p.attr_dict(attrs) if attrs else ""


# ---------------------------------------------------------------------------------------------------------------
# Arithmetic
# ---------------------------------------------------------------------------------------------------------------


class LLVMOp(Op):
    """Common base of the llvm ops."""

    __slots__ = ()


_INT_BIN = [  # name, class, commutative, property (None | "overflow" | "exact" | "disjoint"), LLVM semantics
    ("add", "AddOp", True, "overflow", "Wrap-around integer addition (LLVM ``add``)."),
    ("sub", "SubOp", False, "overflow", "Wrap-around integer subtraction (``sub``)."),
    ("mul", "MulOp", True, "overflow", "Wrap-around multiplication, low half (``mul``)."),
    ("shl", "ShlOp", False, "overflow", "Shift left; a shift >= the bit width is poison (``shl``)."),
    ("sdiv", "SDivOp", False, "exact", "Signed division toward zero; /0 and INT_MIN/-1 are UB (``sdiv``)."),
    ("udiv", "UDivOp", False, "exact", "Unsigned division; /0 is UB (``udiv``)."),
    ("srem", "SRemOp", False, None, "Signed remainder, sign of the dividend (``srem``)."),
    ("urem", "URemOp", False, None, "Unsigned remainder (``urem``)."),
    ("and", "AndOp", True, None, "Bitwise and."),
    ("or", "OrOp", True, "disjoint", "Bitwise or."),
    ("xor", "XOrOp", True, None, "Bitwise exclusive or."),
    ("lshr", "LShrOp", False, "exact", "Logical shift right (``lshr``)."),
    ("ashr", "AShrOp", False, "exact", "Arithmetic shift right (``ashr``)."),
]

_FLOAT_BIN = [
    ("fadd", "FAddOp", True, "IEEE addition."),
    ("fsub", "FSubOp", False, "IEEE subtraction."),
    ("fmul", "FMulOp", True, "IEEE multiplication."),
    ("fdiv", "FDivOp", False, "IEEE division."),
    ("frem", "FRemOp", False, "Remainder with the sign of the dividend (C ``fmod``)."),
]

_OPS: list[type[Op]] = []


def _int_binary(name: str, cls_name: str, comm: bool, flag: str | None, doc: str) -> type[Op]:
    ns: dict[str, Any] = {"__doc__": doc + " Operands and result: one integer (or vector) type.",
                          "lhs": operand(IntLike), "rhs": operand(IntLike)}
    if flag == "overflow":
        ns["overflowFlags"] = prop(OVERFLOW, default=NO_OVERFLOW)
        ns["res"] = result_def(IntLike)
        ns["assembly_format"] = "$lhs `,` $rhs (`overflow` `` $overflowFlags^)? attr-dict `:` type($res)"
    else:
        if flag == "exact":
            ns["isExact"] = prop(UnitAttr, optional=True)
        elif flag == "disjoint":
            ns["isDisjoint"] = prop(UnitAttr, optional=True)
        ns["res"] = result_def(IntLike)
        pre = {"exact": "(`exact` $isExact^)? ", "disjoint": "(`disjoint` $isDisjoint^)? "}.get(flag or "", "")
        ns["assembly_format"] = pre + "$lhs `,` $rhs attr-dict `:` type($res)"
    traits = [Pure(), SameOperandsAndResultType()] + ([Commutative()] if comm else [])
    return type(cls_name, (LLVMOp,), ns, name=f"llvm.{name}", traits=traits)


def _float_binary(name: str, cls_name: str, comm: bool, doc: str) -> type[Op]:
    ns: dict[str, Any] = {"__doc__": doc + " Operands and result: one float (or vector) type; ``fastmathFlags``.",
                          "lhs": operand(FloatLike), "rhs": operand(FloatLike),
                          "fastmathFlags": prop(LLVMFastMathFlagsAttr, default=FM_NONE),
                          "res": result_def(FloatLike),
                          "assembly_format": "$lhs `,` $rhs (`fastmath` `` $fastmathFlags^)? attr-dict `:` type($res)"}
    traits = [Pure(), SameOperandsAndResultType()] + ([Commutative()] if comm else [])
    return type(cls_name, (LLVMOp,), ns, name=f"llvm.{name}", traits=traits)


BINARY_OPS: dict[str, type[Op]] = {}
for _row in _INT_BIN:
    BINARY_OPS[_row[0]] = _int_binary(*_row)
for _frow in _FLOAT_BIN:
    BINARY_OPS[_frow[0]] = _float_binary(*_frow)
globals().update({c.__name__: c for c in BINARY_OPS.values()})
_OPS.extend(BINARY_OPS.values())


class FNegOp(LLVMOp, name="llvm.fneg", traits=[Pure(), SameOperandsAndResultType()]):
    """Float negation (flips the sign bit, ``fneg``)."""

    operand_ = operand(FloatLike)
    fastmathFlags = prop(LLVMFastMathFlagsAttr, default=FM_NONE)
    res = result_def(FloatLike)
    assembly_format = "$operand_ (`fastmath` `` $fastmathFlags^)? attr-dict `:` type($res)"


def _i1_like(t: Type) -> Type:
    return VectorType(t.shape, i1) if isinstance(t, VectorType) else i1


def _infer_cmp(cls: Any, types: dict[str, list[Type]], names: Any, props: Any, st: Any) -> None:
    """``rhs`` has the type of ``lhs``; the result is ``i1`` of its shape."""
    types.setdefault("rhs", types["lhs"])
    types.setdefault("res", [_i1_like(types["lhs"][0])])


class ICmpOp(LLVMOp, name="llvm.icmp", traits=[Pure()]):
    """Integer (or pointer) comparison: ``llvm.icmp "slt" %a, %b : i32`` gives ``i1`` (a vector of i1 for vectors).
    ``predicate``: eq ne slt sle sgt sge ult ule ugt uge (0..9)."""

    predicate = prop(ICMP_PREDICATE)
    lhs = operand(AnyType)
    rhs = operand(AnyType)
    res = result_def(I1Like)
    assembly_format = "$predicate $lhs `,` $rhs attr-dict `:` type($lhs)"
    all_types_match = [("lhs", "rhs")]
    infer_format_types = classmethod(_infer_cmp)


class FCmpOp(LLVMOp, name="llvm.fcmp", traits=[Pure()]):
    """Float comparison ``llvm.fcmp "olt" %a, %b : f32`` -> ``i1``. ``predicate``: _false oeq ogt oge olt ole one ord
    ueq ugt uge ult ule une uno _true (0..15): ``o`` ordered (false if a NaN), ``u`` unordered (true if a NaN)."""

    predicate = prop(FCMP_PREDICATE)
    lhs = operand(FloatLike)
    rhs = operand(FloatLike)
    fastmathFlags = prop(LLVMFastMathFlagsAttr, default=FM_NONE)
    res = result_def(I1Like)
    assembly_format = "$predicate $lhs `,` $rhs (`fastmath` `` $fastmathFlags^)? attr-dict `:` type($lhs)"
    all_types_match = [("lhs", "rhs")]
    infer_format_types = classmethod(_infer_cmp)


_CASTS = [  # name, class, extra property, semantics
    ("sext", "SExtOp", None, "Sign extension to a wider integer."),
    ("zext", "ZExtOp", None, "Zero extension to a wider integer."),
    ("trunc", "TruncOp", "overflow", "Truncation to a narrower integer (low bits)."),
    ("sitofp", "SIToFPOp", None, "Signed integer to float (round to nearest even)."),
    ("uitofp", "UIToFPOp", None, "Unsigned integer to float."),
    ("fptosi", "FPToSIOp", None, "Float to signed integer, toward zero (out of range: poison)."),
    ("fptoui", "FPToUIOp", None, "Float to unsigned integer, toward zero."),
    ("fpext", "FPExtOp", "fastmath", "Float extension to a wider float (exact)."),
    ("fptrunc", "FPTruncOp", "fastmath", "Float truncation (round to nearest even)."),
    ("bitcast", "BitcastOp", None, "Reinterpret the bits as another type of the same size."),
    ("ptrtoint", "PtrToIntOp", None, "Pointer to integer."),
    ("inttoptr", "IntToPtrOp", None, "Integer to pointer."),
]

CAST_OPS: dict[str, type[Op]] = {}
for _name, _cls, _extra, _doc in _CASTS:
    _ns: dict[str, Any] = {"__doc__": _doc + " Syntax: ``llvm." + _name + " %x : T to U``.", "arg": operand(AnyType)}
    _fmt = "$arg"
    if _extra == "overflow":
        _ns["overflowFlags"] = prop(OVERFLOW, default=NO_OVERFLOW)
        _fmt += " (`overflow` `` $overflowFlags^)?"
    elif _extra == "fastmath":
        _ns["fastmathFlags"] = prop(LLVMFastMathFlagsAttr, default=FM_NONE)
        _fmt += " (`fastmath` `` $fastmathFlags^)?"
    _ns["res"] = result_def(AnyType)
    _ns["assembly_format"] = _fmt + " attr-dict `:` type($arg) `to` type($res)"
    CAST_OPS[_name] = type(_cls, (LLVMOp,), _ns, name=f"llvm.{_name}", traits=[Pure()])
globals().update({c.__name__: c for c in CAST_OPS.values()})
_OPS.extend(CAST_OPS.values())


class SelectOp(LLVMOp, name="llvm.select", traits=[Pure()]):
    """``llvm.select %c, %a, %b : i1, f32``: ``a`` where ``c`` else ``b``."""

    condition = operand(I1Like)
    trueValue = operand(AnyType)
    falseValue = operand(AnyType)
    fastmathFlags = prop(LLVMFastMathFlagsAttr, default=FM_NONE)
    res = result_def(AnyType)
    assembly_format = "operands (`fastmath` `` $fastmathFlags^)? attr-dict `:` type($condition) `,` type($res)"
    all_types_match = [("trueValue", "falseValue", "res")]

    def verify_(self) -> None:
        if not (self.trueValue.type == self.falseValue.type == self.res.type):
            raise self.emit_error("requires the same type for the true/false values and the result")


# ---------------------------------------------------------------------------------------------------------------
# Constants and globals
# ---------------------------------------------------------------------------------------------------------------


class ConstantOp(LLVMOp, name="llvm.mlir.constant", traits=[Pure(), ConstantLike()]):
    """A constant: ``llvm.mlir.constant(1 : i64) : i64``, ``llvm.mlir.constant(dense<...> : tensor<4xf32>) :
    !llvm.array<4 x f32>``. Errors: an integer/float value whose type differs from a scalar result type."""

    value = prop()
    res = result_def(AnyType)
    assembly_format = "`(` $value `)` attr-dict `:` type($res)"

    def verify_(self) -> None:
        v, t = self.properties["value"], self.res.type
        if isinstance(v, IntegerAttr) and isinstance(t, IntegerType) and v.type not in (t, IndexType()):
            raise self.emit_error(f"expected the value type '{v.type}' to match the result type '{t}'")

    def fold(self, operands: list[Any]) -> list[Any]:
        return [self.properties["value"]]


class UndefOp(LLVMOp, name="llvm.mlir.undef", traits=[Pure(), ConstantLike()]):
    """An undefined value of any LLVM type (memref descriptors start from one)."""

    res = result_def(AnyType)
    assembly_format = "attr-dict `:` type($res)"


class PoisonOp(LLVMOp, name="llvm.mlir.poison", traits=[Pure(), ConstantLike()]):
    """A poison value of any LLVM type."""

    res = result_def(AnyType)
    assembly_format = "attr-dict `:` type($res)"


class ZeroOp(LLVMOp, name="llvm.mlir.zero", traits=[Pure(), ConstantLike()]):
    """The all-zero value of a type (``null`` for a pointer, ``zeroinitializer`` for aggregates)."""

    res = result_def(AnyType)
    assembly_format = "attr-dict `:` type($res)"


class AddressOfOp(LLVMOp, name="llvm.mlir.addressof", traits=[Pure()]):
    """The address of a global or function: ``llvm.mlir.addressof @g : !llvm.ptr``."""

    global_name = prop(SymbolRefAttr)
    res = result_def(Ptr)
    assembly_format = "$global_name attr-dict `:` type($res)"


_LINKAGES = LLVMKeywordAttr.CASES["linkage"]


class GlobalOp(LLVMOp, name="llvm.mlir.global", traits=[Symbol(), IsolatedFromAbove()]):
    """A global variable: ``llvm.mlir.global internal constant @g(dense<1.0> : tensor<4xf32>) {addr_space = 0 :
    i32} : !llvm.array<4 x f32>``. ``value`` initializes it (an initializer region is not supported yet);
    ``linkage`` defaults to external, ``constant`` makes it read-only, ``alignment`` in bytes."""

    global_type = prop(TypeAttr)
    constant = prop(UnitAttr, optional=True)
    sym_name = prop(StringAttr)
    linkage = prop(LLVMKeywordAttr, default=EXTERNAL)
    value = prop(optional=True)
    alignment = prop(IntegerAttr, optional=True)
    addr_space = prop(IntegerAttr, default=IntegerAttr(0, i32))
    unnamed_addr = prop(IntegerAttr, default=ZERO_I64)
    visibility_ = prop(IntegerAttr, default=ZERO_I64)
    tls_mode = prop(IntegerAttr, default=ZERO_I64)
    initializer = region_def()
    custom_grammar = 'BARE_ID* SYMBOL "(" [attribute] ")" [attr_dict] ":" type'

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> GlobalOp:
        *words, sym, value, attrs, t = c
        props, rest = split_attr_dict(cls, attrs)
        for tok in words:
            w = str(tok)
            if w in _LINKAGES:
                props["linkage"] = linkage(w)
            elif w == "constant":
                props["constant"] = UnitAttr()
            else:
                raise st.error("custom op 'llvm.mlir.global' expected valid '@'-identifier for symbol name", tok)
        props["sym_name"] = StringAttr(str(sym)[1:].strip('"'))
        props["global_type"] = TypeAttr(t)
        if value is not None:
            props["value"] = value
        op: GlobalOp = cls.create([], [], props, rest, [Region()], [], st.loc(kw))
        return op

    @property
    def type(self) -> Type:
        t = self.properties["global_type"]
        assert isinstance(t, TypeAttr)
        return t.value

    def print_custom(self, p: Any) -> str:
        lk = self.properties.get("linkage", EXTERNAL)
        assert isinstance(lk, LLVMKeywordAttr)
        s = f"llvm.mlir.global {lk.value} "
        if "constant" in self.properties:
            s += "constant "
        s += print_symbol_name(self.properties["sym_name"].value)  # type: ignore[attr-defined]
        v = self.properties.get("value")
        s += "(" + (p.attr(v) if v is not None else "") + ")"
        shown = ("global_type", "constant", "sym_name", "linkage", "value", "unnamed_addr", "visibility_", "tls_mode")
        extra = {k: a for k, a in self.properties.items() if k not in shown}
        extra.update(self.attributes)
        return s + _attr_suffix(p, extra) + " : " + p.type(self.type)


# ---------------------------------------------------------------------------------------------------------------
# Memory
# ---------------------------------------------------------------------------------------------------------------


class AllocaOp(LLVMOp, name="llvm.alloca", traits=[MemoryEffects((ALLOCATE, "AutomaticAllocationScopeResource"))]):
    """Stack allocation of ``arraySize`` elements of ``elem_type``: ``llvm.alloca %n x f32 {alignment = 16 : i64}
    : (i64) -> !llvm.ptr``; freed when the function returns."""

    arraySize = operand(IntLike)
    alignment = prop(IntegerAttr, optional=True)
    elem_type = prop(TypeAttr)
    inalloca = prop(UnitAttr, optional=True)
    res = result_def(Ptr)
    custom_grammar = '["inalloca"] VALUE_ID "x" type [attr_dict] ":" function_type'

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> AllocaOp:
        n, et, attrs, ft = c  # the (rare) ``inalloca`` keyword is accepted but not kept
        props, rest = split_attr_dict(cls, attrs)
        props["elem_type"] = TypeAttr(et)
        op: AllocaOp = cls.create([st.use(n, ft.inputs[0])], list(ft.results), props, rest, location=st.loc(kw))
        return op

    def print_custom(self, p: Any) -> str:
        s = "llvm.alloca " + ("inalloca " if "inalloca" in self.properties else "")
        s += f"{p.value(self.arraySize)} x {p.type(self.properties['elem_type'].value)}"  # type: ignore[attr-defined]
        extra = {k: a for k, a in self.properties.items() if k not in ("elem_type", "inalloca")}
        extra.update(self.attributes)
        return s + _attr_suffix(p, extra) + " : " + p.function_type([self.arraySize.type], [self.res.type])


class LoadOp(LLVMOp, name="llvm.load", traits=[MemoryEffects((READ, "default"))]):
    """``llvm.load %p : !llvm.ptr -> f32``: read a value (``alignment`` in bytes, ``volatile``, ``nontemporal``)."""

    addr = operand(Ptr)
    alignment = prop(NATIVE_I64, optional=True)
    volatile_ = prop(UnitAttr, optional=True)
    nontemporal = prop(UnitAttr, optional=True)
    invariant = prop(UnitAttr, optional=True)
    ordering = prop(ORDERING, default=NOT_ATOMIC)
    res = result_def(AnyType)
    assembly_format = "(`volatile` $volatile_^)? $addr attr-dict `:` type($addr) `->` type($res)"


class StoreOp(LLVMOp, name="llvm.store", traits=[MemoryEffects((WRITE, "default"))]):
    """``llvm.store %v, %p : f32, !llvm.ptr``: write a value (``alignment`` in bytes, ``volatile``)."""

    value = operand(AnyType)
    addr = operand(Ptr)
    alignment = prop(NATIVE_I64, optional=True)
    volatile_ = prop(UnitAttr, optional=True)
    nontemporal = prop(UnitAttr, optional=True)
    ordering = prop(ORDERING, default=NOT_ATOMIC)
    assembly_format = "(`volatile` $volatile_^)? $value `,` $addr attr-dict `:` type($value) `,` type($addr)"


DYNAMIC_INDEX = -2147483648
_GEP_FLAGS = {"inbounds": 3, "nusw": 2, "nuw": 4}


def _gep_flags_text(v: int) -> str:
    if v & 1:
        return "inbounds" + ("|nuw" if v & 4 else "")
    return "|".join(n for n in ("nusw", "nuw") if v & _GEP_FLAGS[n])


class GEPOp(LLVMOp, name="llvm.getelementptr", traits=[Pure()]):
    """Address arithmetic: ``llvm.getelementptr inbounds %p[%i] : (!llvm.ptr, i64) -> !llvm.ptr, f32`` is
    ``p + i * sizeof(f32)``; indices are constants or values (``rawConstantIndices`` holds the constants, with
    -2147483648 marking a dynamic one); ``elem_type`` is the type indexed; ``noWrapFlags`` an i32 bit set."""

    base = operand(Ptr)
    dynamicIndices = var_operand(IntLike)
    rawConstantIndices = prop(DenseArrayAttr)
    elem_type = prop(TypeAttr)
    noWrapFlags = prop(_NativeFlags(), default=IntegerAttr(0, i32))
    res = result_def(Ptr)
    custom_grammar = '[llvm_gep_flags] VALUE_ID "[" llvm_gep_index ("," llvm_gep_index)* "]" [attr_dict] ":" ' \
        'function_type "," type'
    custom_rules = {"llvm_gep_index": ("VALUE_ID | INT", lambda c, st: c[0]),
                    "llvm_gep_flags": ('BARE_ID ("|" BARE_ID)*', lambda c, st: ("flags", c))}

    @classmethod
    def build_gep(cls, base: Any, indices: list[Any], elem: Type, flags: int = 0, location: Any = None) -> GEPOp:
        """``indices``: ints (constants) or i64 values."""
        raw = [i if isinstance(i, int) else DYNAMIC_INDEX for i in indices]
        dyn = [i for i in indices if not isinstance(i, int)]
        op: GEPOp = cls.create([base, *dyn], [PTR], {"elem_type": TypeAttr(elem), "noWrapFlags": IntegerAttr(flags, i32),
                                                     "rawConstantIndices": DenseArrayAttr(i32, raw)},
                               location=location)
        return op

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> GEPOp:
        flags = 0
        for f in (c[0][1] if c[0] is not None else []):
            if str(f) not in _GEP_FLAGS:
                raise st.error(f"custom op 'llvm.getelementptr' unknown flag '{f}'", f)
            flags |= _GEP_FLAGS[str(f)]
        base, *rest = c[1:]
        idx, i = [], 0
        while i < len(rest) and not isinstance(rest[i], dict) and rest[i] is not None and \
                getattr(rest[i], "type", "") in ("VALUE_ID", "INT"):
            idx.append(rest[i])
            i += 1
        attrs, ft, et = rest[i], rest[i + 1], rest[i + 2]
        props, extra = split_attr_dict(cls, attrs)
        dyn_types = list(ft.inputs[1:])
        raw, vals = [], []
        for tok in idx:
            if tok.type == "INT":
                raw.append(int(str(tok), 0))
            else:
                if not dyn_types:
                    raise st.error("custom op 'llvm.getelementptr' expected a type for each dynamic index", tok)
                raw.append(DYNAMIC_INDEX)
                vals.append(st.use(tok, dyn_types.pop(0)))
        props.update({"elem_type": TypeAttr(et), "noWrapFlags": IntegerAttr(flags, i32),
                      "rawConstantIndices": DenseArrayAttr(i32, raw)})
        op: GEPOp = cls.create([st.use(base, ft.inputs[0]), *vals], list(ft.results), props, extra,
                               location=st.loc(kw))
        return op

    def indices(self) -> list[Any]:
        """The indices in order: ints for constants, Values for dynamic ones."""
        dyn = iter(self.operands[1:])
        raw = self.properties["rawConstantIndices"]
        assert isinstance(raw, DenseArrayAttr)
        return [next(dyn) if r == DYNAMIC_INDEX else r for r in raw.values]

    def print_custom(self, p: Any) -> str:
        fl = self.properties.get("noWrapFlags")
        flags = _gep_flags_text(fl.value) if isinstance(fl, IntegerAttr) else ""
        s = "llvm.getelementptr " + (flags + " " if flags else "") + p.value(self.base) + "["
        s += ", ".join(p.value(i) if not isinstance(i, int) else str(i) for i in self.indices()) + "]"
        s += _attr_suffix(p, self.attributes)
        et = self.properties["elem_type"]
        assert isinstance(et, TypeAttr)
        return s + " : " + p.function_type(self.operand_types, [self.res.type]) + ", " + p.type(et.value)


def _position_type(agg: Type, pos: list[int]) -> Type | None:
    t = agg
    for i in pos:
        if isinstance(t, LLVMStructType) and 0 <= i < len(t.body_types):
            t = t.body_types[i]
        elif isinstance(t, LLVMArrayType) and 0 <= i < t.size:
            t = t.element
        else:
            return None
    return t


class _AggregateOp(LLVMOp):
    """Base of ``llvm.extractvalue`` and ``llvm.insertvalue``: a member ``position`` of the ``container``
    aggregate (operand 0), written ``[3, 0]`` in the custom syntax."""

    __slots__ = ()

    @classmethod
    def parse_position(cls, pos: list[Any], attrs: Any, t: Type, st: Any, kw: Any
                       ) -> tuple[Type, dict[str, Attribute], dict[str, Attribute]]:
        """(member type, properties with ``position``, discardable attributes) of a parsed ``[i, j]``; a position
        outside the aggregate ``t`` is a parse error."""
        p = [int(str(x)) for x in pos]
        member = _position_type(t, p)
        if member is None:
            raise st.error(f"custom op '{cls.OPERATION_NAME}' invalid position {p} in '{t}'", kw)
        props, rest = split_attr_dict(cls, attrs)
        props["position"] = DenseArrayAttr(i64, p)
        return member, props, rest

    @property
    def position_list(self) -> list[int]:
        return list(self.properties["position"].values)  # type: ignore[attr-defined]

    def print_position(self, p: Any, head: str) -> str:
        """``<op> <head>%container[i, j] {attrs} : T `` (MLIR prints the trailing space)."""
        c = self.operand(0)
        return (f"{self.name} {head}{p.value(c)}[{', '.join(map(str, self.position_list))}]"
                f"{_attr_suffix(p, self.attributes)} : {p.type(c.type)} ")


class ExtractValueOp(_AggregateOp, name="llvm.extractvalue", traits=[Pure()]):
    """``llvm.extractvalue %s[3, 0] : !llvm.struct<(...)>``: the member at ``position`` of an aggregate (the result
    type is that member's). Errors: a position outside the aggregate."""

    container = operand(AnyType)
    position = prop(DenseArrayAttr)
    res = result_def(AnyType)
    custom_grammar = 'VALUE_ID "[" INT ("," INT)* "]" [attr_dict] ":" type'

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> ExtractValueOp:
        v, *pos, attrs, t = c
        rt, props, rest = cls.parse_position(pos, attrs, t, st, kw)
        op: ExtractValueOp = cls.create([st.use(v, t)], [rt], props, rest, location=st.loc(kw))
        return op

    def print_custom(self, p: Any) -> str:
        return self.print_position(p, "")

    def verify_(self) -> None:
        want = _position_type(self.container.type, self.position_list)
        if want != self.res.type:
            raise self.emit_error(f"Type mismatch: extracting from '{self.container.type}' should produce '{want}' "
                                  f"but this op returns '{self.res.type}'")


class InsertValueOp(_AggregateOp, name="llvm.insertvalue", traits=[Pure()]):
    """``llvm.insertvalue %v, %s[0] : !llvm.struct<(...)>``: the aggregate with the member at ``position`` replaced
    by ``value``. Errors: a position outside the aggregate, a value of another type than the member."""

    container = operand(AnyType)
    value = operand(AnyType)
    position = prop(DenseArrayAttr)
    res = result_def(AnyType)
    custom_grammar = 'VALUE_ID "," VALUE_ID "[" INT ("," INT)* "]" [attr_dict] ":" type'

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> InsertValueOp:
        v, agg, *pos, attrs, t = c
        vt, props, rest = cls.parse_position(pos, attrs, t, st, kw)
        op: InsertValueOp = cls.create([st.use(agg, t), st.use(v, vt)], [t], props, rest, location=st.loc(kw))
        return op

    def print_custom(self, p: Any) -> str:
        return self.print_position(p, f"{p.value(self.value)}, ")

    def verify_(self) -> None:
        pos = self.position_list
        if _position_type(self.container.type, pos) != self.value.type:
            raise self.emit_error(f"value type '{self.value.type}' does not match the type at position {pos} of "
                                  f"'{self.container.type}'")
        if self.res.type != self.container.type:
            raise self.emit_error("result type must match the container type")


# ---------------------------------------------------------------------------------------------------------------
# Control flow and functions
# ---------------------------------------------------------------------------------------------------------------


class LLVMBrOp(BrOp, name="llvm.br", traits=[Pure(), IsTerminator()]):
    """Unconditional branch: ``llvm.br ^bb1(%a : i32)``."""

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return []


class LLVMCondBrOp(CondBrOp, name="llvm.cond_br", traits=[Pure(), IsTerminator()]):
    """Conditional branch: ``llvm.cond_br %c, ^bb1(%a : i32), ^bb2``."""

    @classmethod
    def canonicalization_patterns(cls) -> list[Any]:
        return []


class LLVMSwitchOp(SwitchBase, name="llvm.switch", traits=[Pure(), IsTerminator()]):
    """Multi-way branch: ``llvm.switch %x : i32, ^default [ 1: ^bb1(%a : f32), 5: ^bb2 ]``."""

    value = operand(IntLike)
    defaultOperands = var_operand()
    caseOperands = var_operand()
    case_values = prop(DenseElementsAttr, optional=True)
    case_operand_segments = prop(DenseArrayAttr)
    branch_weights = prop(DenseArrayAttr, optional=True)
    defaultDestination = var_successor()
    custom_grammar = 'VALUE_ID ":" type "," cf_successor "[" [llvm_switch_case ("," llvm_switch_case)*] "]" [attr_dict]'
    custom_rules = switch_case_rules("llvm_switch_case", 'INT ":" cf_successor')
    flag_type_error = "expected an integer type, got '{}'"

    def print_custom(self, p: Any) -> str:
        ind = "  " * p._depth
        s = f"llvm.switch {p.value(self.value)} : {p.type(self.value.type)}, "
        s += print_successor(p, self.successors[0], self.successor_operand_values(0)) + " ["
        cases = self.case_value_list()
        s += ",".join(f"\n{ind}  {v}: " + print_successor(p, self.successors[i + 1],
                                                           self.successor_operand_values(i + 1))
                      for i, v in enumerate(cases))
        return s + "\n" + ind + "]" + _attr_suffix(p, self.attributes)


class UnreachableOp(LLVMOp, name="llvm.unreachable", traits=[IsTerminator()]):
    """Control never reaches this point."""

    assembly_format = "attr-dict"


class ReturnOp(LLVMOp, name="llvm.return", traits=[Pure(), ReturnLike(), IsTerminator()]):
    """Return from an ``llvm.func`` (no operand for a void function)."""

    arg = opt_operand(AnyType)
    assembly_format = "attr-dict ($arg^ `:` type($arg))?"

    def verify_(self) -> None:
        f = self.parent_op
        if isinstance(f, LLVMFuncOp):
            ft = f.type
            want = [] if ft.returns_void else [ft.result]
            if self.operand_types != want:
                err = self.emit_error("mismatching result types")
                err.diagnostic.attach_note("when returning from function", f.location)  # type: ignore[attr-defined]
                raise err


def _lookup_func(op: Operation, ref: SymbolRefAttr) -> Operation | None:
    cur = op.parent_op
    while cur is not None and cur.name != "builtin.module":
        cur = cur.parent_op
    if cur is None:
        return None
    for o in cur.regions[0].ops():
        n = o.properties.get("sym_name")
        if isinstance(n, StringAttr) and n.value == ref.root:
            return o
    return None


class CallOp(LLVMOp, name="llvm.call"):
    """Direct call ``llvm.call @f(%a) : (i64) -> f32`` (``: (i32) -> ()`` for void). Errors: callee not an
    ``llvm.func``, operand or result types differing from the callee's."""

    callee = prop(SymbolRefAttr, optional=True)
    callee_operands = var_operand()
    op_bundle_operands = var_operand()
    fastmathFlags = prop(LLVMFastMathFlagsAttr, default=FM_NONE)
    CConv = prop(LLVMKeywordAttr, default=CCC)
    TailCallKind = prop(LLVMKeywordAttr, default=TAIL_NONE)
    op_bundle_sizes = prop(DenseArrayAttr, default=DenseArrayAttr(i32, []))
    results_ = var_result()
    custom_grammar = 'SYMBOL "(" [value_list] ")" [attr_dict] ":" function_type'

    @classmethod
    def build_call(cls, callee: str, args: list[Any], results: list[Type], location: Any = None) -> CallOp:
        op: CallOp = cls.create(list(args), results, {
            "callee": SymbolRefAttr(callee), "operandSegmentSizes": DenseArrayAttr(i32, [len(args), 0])},
            location=location)
        return op

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> CallOp:
        sym, vals, attrs, ft = c
        vals = vals or []
        if len(vals) != len(ft.inputs):
            raise st.error(f"custom op 'llvm.call' {len(vals)} operands but {len(ft.inputs)} types", kw)
        props, rest = split_attr_dict(cls, attrs)
        props["callee"] = SymbolRefAttr(str(sym)[1:].strip('"'))
        props["operandSegmentSizes"] = DenseArrayAttr(i32, [len(vals), 0])
        op: CallOp = cls.create([st.use(v, t) for v, t in zip(vals, ft.inputs)], list(ft.results), props, rest,
                                location=st.loc(kw))
        return op

    def print_custom(self, p: Any) -> str:
        callee = self.properties["callee"]
        args = self.operands
        s = f"llvm.call {p.attr(callee)}({', '.join(p.value(a) for a in args)})" + _attr_suffix(p, self.attributes)
        ins = ", ".join(p.type(a.type) for a in args)
        outs = ", ".join(p.type(t) for t in self.result_types)
        return s + f" : ({ins}) -> " + (outs if len(self.result_types) == 1 else f"({outs})")

    def verify_(self) -> None:
        c = self.properties.get("callee")
        if not isinstance(c, SymbolRefAttr):
            raise self.emit_error("indirect calls are not supported")
        fn = _lookup_func(self, c)
        if not isinstance(fn, LLVMFuncOp):
            raise self.emit_error(f"'{c.root}' does not reference a symbol in the current scope")
        ft = fn.type
        if len(ft.params) != self.num_operands:
            raise self.emit_error("incorrect number of operands to callee")
        for i, (want_t, got_t) in enumerate(zip(ft.params, self.operand_types)):
            if want_t != got_t:
                raise self.emit_error(f"operand type mismatch: expected operand type '{want_t}', but provided "
                                      f"'{got_t}' for operand number {i}")
        want = [] if ft.returns_void else [ft.result]
        if want != self.result_types:
            raise self.emit_error("result types do not match the callee's")


class LLVMFuncOp(LLVMOp, FunctionOpBase, name="llvm.func", traits=[IsolatedFromAbove(), Symbol()]):
    """An LLVM function: ``llvm.func [linkage] @name(%a: !llvm.ptr {llvm.noalias}, ...) -> f32 [attributes {...}]
    { body }`` (no body: a declaration ``llvm.func @f(i64) -> !llvm.ptr``). ``function_type`` is an
    ``!llvm.func<...>``; ``arg_attrs`` carry LLVM parameter attributes (``llvm.noalias``, ``llvm.readonly``,
    ``llvm.align``); ``linkage`` defaults to external. Errors: entry block arguments differing from the signature."""

    sym_name = prop(StringAttr)
    sym_visibility = prop(StringAttr, optional=True)
    function_type = prop(TypeAttr)
    linkage = prop(LLVMKeywordAttr, default=EXTERNAL)
    CConv = prop(LLVMKeywordAttr, default=CCC)
    unnamed_addr = prop(IntegerAttr, default=ZERO_I64)
    visibility_ = prop(IntegerAttr, default=ZERO_I64)
    arg_attrs = prop(ArrayAttr, optional=True)
    res_attrs = prop(ArrayAttr, optional=True)
    body = region_def()
    custom_grammar = '[BARE_ID [BARE_ID]] SYMBOL "(" [func_args] ")" ["->" func_results] ["attributes" attr_dict] [region]'

    @classmethod
    def build_func(cls, name: str, ft: LLVMFunctionType, declaration: bool = False, location: Any = None,
                   link: str = "external") -> LLVMFuncOp:
        props: dict[str, Attribute] = {"sym_name": StringAttr(name), "function_type": TypeAttr(ft),
                                       "linkage": linkage(link)}
        op: LLVMFuncOp = cls.create(properties=props, regions=1, location=location)
        if not declaration:
            op.regions[0].add_block(Block(list(ft.params)))
        return op

    @classmethod
    def parse_custom(cls, c: list[Any], st: Any, kw: Any) -> LLVMFuncOp:
        w1, w2, sym, args, results, attrs, region = c
        props: dict[str, Attribute] = {}
        for w in (w1, w2):
            if w is None:
                continue
            ws = str(w)
            if ws in ("private", "public", "nested") and w is w1 and w2 is not None:
                props["sym_visibility"] = StringAttr(ws)
            elif ws in _LINKAGES:
                props["linkage"] = linkage(ws)
            else:
                raise st.error(f"custom op 'llvm.func' unexpected keyword '{ws}'", w)
        st.pending_entry_args = None
        arg_types = [a[1] for a in args or []]
        arg_attrs = [a[2] for a in args or []]
        res = list(results or [])
        if len(res) > 1:
            raise st.error("custom op 'llvm.func' expects at most one result type", kw)
        ret = res[0][0] if res else VOID
        props["sym_name"] = StringAttr(str(sym)[1:].strip('"'))
        props["function_type"] = TypeAttr(LLVMFunctionType(ret, arg_types))
        if any(arg_attrs):
            props["arg_attrs"] = ArrayAttr(DictionaryAttr(a or {}) for a in arg_attrs)
        if res and res[0][1]:
            props["res_attrs"] = ArrayAttr([DictionaryAttr(res[0][1])])
        p2, rest = split_attr_dict(cls, attrs)
        props.update(p2)
        op: LLVMFuncOp = cls.create([], [], props, rest, [region if region is not None else Region()], [],
                                    st.loc(kw))
        return op

    @property
    def type(self) -> LLVMFunctionType:
        return self.function_type_as(LLVMFunctionType)

    def arg_attr_dicts(self) -> list[dict[str, Attribute]]:
        aa = self.properties.get("arg_attrs")
        n = len(self.type.params)
        if not isinstance(aa, ArrayAttr):
            return [{} for _ in range(n)]
        return [dict(a.value) if isinstance(a, DictionaryAttr) else {} for a in aa]

    def verify_(self) -> None:
        t = self.properties.get("function_type")
        if not isinstance(t, TypeAttr) or not isinstance(t.value, LLVMFunctionType):
            raise self.emit_error("requires attribute 'function_type' to be an '!llvm.func' type")
        if self.is_declaration:
            return
        args = self.regions[0].blocks[0].args
        params = t.value.params
        if [a.type for a in args] != list(params):
            raise self.emit_error("entry block argument types must match the function signature "
                                  f"({', '.join(str(x) for x in params)})")

    def print_custom(self, p: Any) -> str:
        lk = self.properties.get("linkage", EXTERNAL)
        ft = self.type
        elided = ["sym_name", "sym_visibility", "function_type", "linkage", "CConv", "unnamed_addr", "visibility_",
                  "arg_attrs", "res_attrs"]
        if self.properties.get("CConv", CCC) != CCC:
            elided.remove("CConv")
        return self.print_function(p, [lk.value] if lk != EXTERNAL else [], ft.params,  # type: ignore[attr-defined]
                                   [] if ft.returns_void else [ft.result], elided)


# ---------------------------------------------------------------------------------------------------------------
# Intrinsics
# ---------------------------------------------------------------------------------------------------------------

#: float intrinsics: name -> arity (all take and return one float type, with fastmath flags)
FLOAT_INTRINSICS: dict[str, int] = {
    "fmuladd": 3, "fma": 3, "exp": 1, "exp2": 1, "log": 1, "log2": 1, "log10": 1, "sqrt": 1, "fabs": 1, "ceil": 1,
    "floor": 1, "sin": 1, "cos": 1, "tan": 1, "tanh": 1, "round": 1, "roundeven": 1, "trunc": 1, "rint": 1,
    "nearbyint": 1, "pow": 2, "maxnum": 2, "minnum": 2, "maximum": 2, "minimum": 2, "copysign": 2,
}
#: integer intrinsics without flags: name -> arity
INT_INTRINSICS: dict[str, int] = {"smax": 2, "smin": 2, "umax": 2, "umin": 2, "ctpop": 1}

INTRINSIC_OPS: dict[str, type[Op]] = {}
for _iname, _arity in FLOAT_INTRINSICS.items():
    _ns = {"__doc__": f"The LLVM intrinsic ``llvm.{_iname}`` (LangRef) on a float or vector of floats: "
                      f"{_arity} operand(s) and the result of one type.",
           "args": var_operand(FloatLike), "fastmathFlags": prop(LLVMFastMathFlagsAttr, default=FM_NONE),
           "res": result_def(FloatLike),
           "assembly_format": "`(` operands `)` (`fastmath` `` $fastmathFlags^)? attr-dict `:` "
                              "functional-type(operands, results)"}
    INTRINSIC_OPS[_iname] = type("Intr" + _iname.capitalize() + "Op", (LLVMOp,), _ns, name=f"llvm.intr.{_iname}",
                                 traits=[Pure(), SameOperandsAndResultType()])
for _iname, _arity in INT_INTRINSICS.items():
    _ns = {"__doc__": f"The LLVM intrinsic ``llvm.{_iname}`` on integers ({_arity} operand(s)).",
           "args": var_operand(IntLike), "res": result_def(IntLike),
           "assembly_format": "`(` operands `)` attr-dict `:` functional-type(operands, results)"}
    INTRINSIC_OPS[_iname] = type("Intr" + _iname.capitalize() + "Op", (LLVMOp,), _ns, name=f"llvm.intr.{_iname}",
                                 traits=[Pure(), SameOperandsAndResultType()])


def _check_arity(op: Op) -> None:
    n = (FLOAT_INTRINSICS | INT_INTRINSICS)[op.name[len("llvm.intr."):]]
    if op.num_operands != n:
        raise op.emit_error(f"expected {n} operands, but found {op.num_operands}")


for _c in INTRINSIC_OPS.values():
    _c.verify_ = _check_arity  # type: ignore[assignment]
_OPS.extend(INTRINSIC_OPS.values())

_OPS.extend([FNegOp, ICmpOp, FCmpOp, SelectOp, ConstantOp, UndefOp, PoisonOp, ZeroOp, AddressOfOp, GlobalOp,
             AllocaOp, LoadOp, StoreOp, GEPOp, ExtractValueOp, InsertValueOp, LLVMBrOp, LLVMCondBrOp, LLVMSwitchOp,
             UnreachableOp, ReturnOp, CallOp, LLVMFuncOp])

DIALECT = Dialect(
    "llvm", _OPS, description=__doc__ or "",
    attribute_parsers={"linkage": LLVMKeywordAttr.parser("linkage"), "cconv": LLVMKeywordAttr.parser("cconv"),
                       "tailcallkind": LLVMKeywordAttr.parser("tailcallkind"), "fastmath": _parse_fastmath},
    type_parsers={k: _type_parser(k) for k in ("ptr", "struct", "array", "func", "void")})

__all__ = ["CAST_OPS", "BINARY_OPS", "DIALECT", "INTRINSIC_OPS", "PTR", "VOID", "LLVMArrayType", "LLVMFunctionType",
           "LLVMPointerType", "LLVMStructType", "LLVMVoidType", "LLVMFuncOp", "GEPOp", "LoadOp", "StoreOp",
           "ConstantOp", "UndefOp", "InsertValueOp", "ExtractValueOp", "CallOp", "ReturnOp", "AllocaOp",
           "is_ptr"]
