"""Affine expressions, maps and integer sets (MLIR's ``AffineExpr``, ``AffineMap``, ``IntegerSet``).

Expressions are immutable, hashable and simplified on construction with MLIR's rules
(mlir/lib/IR/AffineExpr.cpp: ``simplifyAdd``, ``simplifyMul``, ``simplifyFloorDiv``, ``simplifyCeilDiv``,
``simplifyMod``): constants fold, constants and symbols move to the right of commutative operators,
``(d0 + 2) + 3`` becomes ``d0 + 5``, ``c1 * e + c2 * e`` becomes ``(c1 + c2) * e``. Printing follows
``AsmPrinter::printAffineExprInternal`` (``d0 - d1`` for ``d0 + d1 * -1``, parentheses by binding strength).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import ClassVar

ADD, MUL, MOD, FLOORDIV, CEILDIV = "+", "*", "mod", "floordiv", "ceildiv"


def _floordiv(a: int, b: int) -> int:
    return a // b


def _ceildiv(a: int, b: int) -> int:
    return -((-a) // b)


class AffineExpr:
    """Base of affine expressions. Operators ``+ - * // %`` build simplified expressions."""

    __slots__ = ("_hash",)
    _hash: int

    def is_symbolic_or_constant(self) -> bool:
        raise NotImplementedError

    def is_pure_affine(self) -> bool:
        raise NotImplementedError

    def evaluate(self, dims: Sequence[int], syms: Sequence[int] = ()) -> int:
        """Value of the expression for integer dimension and symbol values (floor semantics for div/mod)."""
        raise NotImplementedError

    def replace(self, dims: Sequence[AffineExpr], syms: Sequence[AffineExpr]) -> AffineExpr:
        """Substitute dimensions and symbols (used by map composition)."""
        raise NotImplementedError

    def largest_known_divisor(self) -> int:
        """``AffineExpr::getLargestKnownDivisor``: an integer known to divide every value of the expression."""
        if isinstance(self, AffineConstantExpr):
            return abs(self.value)
        if not isinstance(self, AffineBinaryExpr):
            return 1
        if self.kind == MUL:
            return self.lhs.largest_known_divisor() * self.rhs.largest_known_divisor()
        if self.kind in (ADD, MOD):
            return math.gcd(self.lhs.largest_known_divisor(), self.rhs.largest_known_divisor())
        c = _const(self.rhs)
        if c:
            d = self.lhs.largest_known_divisor()
            if d % c == 0:
                return abs(d // c)
        return 1

    def __add__(self, other: AffineExpr | int) -> AffineExpr:
        return binary(ADD, self, _wrap(other))

    def __radd__(self, other: int) -> AffineExpr:
        return binary(ADD, _wrap(other), self)

    def __mul__(self, other: AffineExpr | int) -> AffineExpr:
        return binary(MUL, self, _wrap(other))

    def __rmul__(self, other: int) -> AffineExpr:
        return binary(MUL, _wrap(other), self)

    def __neg__(self) -> AffineExpr:
        return binary(MUL, self, AffineConstantExpr(-1))

    def __sub__(self, other: AffineExpr | int) -> AffineExpr:
        return self + (-_wrap(other))

    def floordiv(self, other: AffineExpr | int) -> AffineExpr:
        return binary(FLOORDIV, self, _wrap(other))

    def ceildiv(self, other: AffineExpr | int) -> AffineExpr:
        return binary(CEILDIV, self, _wrap(other))

    def __mod__(self, other: AffineExpr | int) -> AffineExpr:
        return binary(MOD, self, _wrap(other))

    def __str__(self) -> str:
        return print_affine_expr(self)

    __repr__ = __str__


def _wrap(x: AffineExpr | int) -> AffineExpr:
    return AffineConstantExpr(x) if isinstance(x, int) else x


class _LeafExpr(AffineExpr):
    """A dimension, symbol or constant: equal and hashed by its one integer field ``_field``."""

    __slots__ = ()
    _field: ClassVar[str]

    def __eq__(self, o: object) -> bool:
        return type(o) is type(self) and getattr(o, self._field) == getattr(self, self._field)

    def __hash__(self) -> int:
        return self._hash

    def is_symbolic_or_constant(self) -> bool:
        return True

    def is_pure_affine(self) -> bool:
        return True


class _PositionExpr(_LeafExpr):
    """``d<position>`` or ``s<position>``: evaluates to (and is replaced by) entry ``position`` of the dimension or
    symbol list."""

    __slots__ = ("position",)
    _field = "position"
    _tag: ClassVar[str]

    def __init__(self, position: int):
        self.position = position
        self._hash = hash((self._tag, position))

    def evaluate(self, dims: Sequence[int], syms: Sequence[int] = ()) -> int:
        return (dims if self._tag == "d" else syms)[self.position]

    def replace(self, dims: Sequence[AffineExpr], syms: Sequence[AffineExpr]) -> AffineExpr:
        return (dims if self._tag == "d" else syms)[self.position]


class AffineDimExpr(_PositionExpr):
    __slots__ = ()
    _tag = "d"

    def is_symbolic_or_constant(self) -> bool:
        return False


class AffineSymbolExpr(_PositionExpr):
    __slots__ = ()
    _tag = "s"


class AffineConstantExpr(_LeafExpr):
    __slots__ = ("value",)
    _field = "value"

    def __init__(self, value: int):
        self.value = value
        self._hash = hash(("c", value))

    def evaluate(self, dims: Sequence[int], syms: Sequence[int] = ()) -> int:
        return self.value

    def replace(self, dims: Sequence[AffineExpr], syms: Sequence[AffineExpr]) -> AffineExpr:
        return self


class AffineBinaryExpr(AffineExpr):
    __slots__ = ("kind", "lhs", "rhs")

    def __init__(self, kind: str, lhs: AffineExpr, rhs: AffineExpr):
        self.kind, self.lhs, self.rhs = kind, lhs, rhs
        self._hash = hash((kind, lhs, rhs))

    def __eq__(self, o: object) -> bool:
        return (
            isinstance(o, AffineBinaryExpr)
            and o._hash == self._hash
            and o.kind == self.kind
            and o.lhs == self.lhs
            and o.rhs == self.rhs
        )

    def __hash__(self) -> int:
        return self._hash

    def is_symbolic_or_constant(self) -> bool:
        return self.lhs.is_symbolic_or_constant() and self.rhs.is_symbolic_or_constant()

    def is_pure_affine(self) -> bool:
        if self.kind == ADD:
            return self.lhs.is_pure_affine() and self.rhs.is_pure_affine()
        if self.kind == MUL:
            return (
                self.lhs.is_pure_affine()
                and self.rhs.is_pure_affine()
                and (self.lhs.is_symbolic_or_constant() or self.rhs.is_symbolic_or_constant())
            )
        return self.lhs.is_pure_affine() and self.rhs.is_symbolic_or_constant()

    def evaluate(self, dims: Sequence[int], syms: Sequence[int] = ()) -> int:
        a, b = self.lhs.evaluate(dims, syms), self.rhs.evaluate(dims, syms)
        if self.kind == ADD:
            return a + b
        if self.kind == MUL:
            return a * b
        if self.kind == FLOORDIV:
            return _floordiv(a, b)
        if self.kind == CEILDIV:
            return _ceildiv(a, b)
        return a % b

    def replace(self, dims: Sequence[AffineExpr], syms: Sequence[AffineExpr]) -> AffineExpr:
        return binary(self.kind, self.lhs.replace(dims, syms), self.rhs.replace(dims, syms))


def _const(e: AffineExpr) -> int | None:
    return e.value if isinstance(e, AffineConstantExpr) else None


def _simplify_add(lhs: AffineExpr, rhs: AffineExpr) -> AffineExpr | None:
    lc, rc = _const(lhs), _const(rhs)
    if lc is not None and rc is not None:
        return AffineConstantExpr(lc + rc)
    if lc is not None or (lhs.is_symbolic_or_constant() and not rhs.is_symbolic_or_constant()):
        return rhs + lhs
    if _out_of_order(lhs, rhs):
        return rhs + lhs
    if rc == 0:
        return lhs
    lbin = lhs if isinstance(lhs, AffineBinaryExpr) else None
    if lbin is not None and rc is not None and lbin.kind == ADD:
        lrc = _const(lbin.rhs)
        if lrc is not None:
            return lbin.lhs + (lrc + rc)
    # c1 * e + c2 * e -> (c1 + c2) * e
    if lbin is not None and lbin.kind == MUL and _const(lbin.rhs) is not None:
        c1, first = _const(lbin.rhs), lbin.lhs
    else:
        c1, first = 1, lhs
    rbin = rhs if isinstance(rhs, AffineBinaryExpr) else None
    if rbin is not None and rbin.kind == MUL and _const(rbin.rhs) is not None:
        c2, second = _const(rbin.rhs), rbin.lhs
    else:
        c2, second = 1, rhs
    if c1 is not None and c2 is not None and first == second:
        return binary(MUL, first, AffineConstantExpr(c1 + c2))
    if lbin is not None and lbin.kind == ADD and _const(lbin.rhs) is not None:
        return lbin.lhs + rhs + lbin.rhs
    if rbin is None or rbin.kind != MUL:
        return None
    # e + ((e floordiv q) * q) * -1 -> e mod q (q symbolic)
    inner = rbin.lhs
    if c2 == -1 and isinstance(inner, AffineBinaryExpr) and inner.kind == MUL:
        fd = inner.lhs
        if isinstance(fd, AffineBinaryExpr) and fd.kind == FLOORDIV and fd.rhs == inner.rhs and fd.lhs == lhs:
            return lhs % inner.rhs
    # e + (e floordiv c) * -c -> e mod c
    if c2 and isinstance(inner, AffineBinaryExpr) and inner.kind == FLOORDIV and _const(inner.rhs) == -c2 and \
            inner.lhs == lhs:
        return lhs % inner.rhs
    # (a + b) + (e floordiv q) * k -> a + (b + (e floordiv q) * k) when the inner sum simplifies
    if lbin is not None and lbin.kind == ADD and isinstance(rbin.lhs, AffineBinaryExpr) and \
            rbin.lhs.kind == FLOORDIV:
        inner_sum = _simplify_add(lbin.rhs, rhs)
        if inner_sum is not None:
            return lbin.lhs + inner_sum
    return None


def _out_of_order(lhs: AffineExpr, rhs: AffineExpr) -> bool:
    """Two dimensions (or two symbols) of a commutative operation are ordered by position (``d1 + d0`` is
    built as ``d0 + d1``), as MLIR's affine expression canonicalization does."""
    return type(lhs) is type(rhs) and isinstance(lhs, (AffineDimExpr, AffineSymbolExpr)) and \
        lhs.position > rhs.position  # type: ignore[attr-defined]


def _simplify_mul(lhs: AffineExpr, rhs: AffineExpr) -> AffineExpr | None:
    lc, rc = _const(lhs), _const(rhs)
    if lc is not None and rc is not None:
        return AffineConstantExpr(lc * rc)
    if not lhs.is_symbolic_or_constant() and not rhs.is_symbolic_or_constant():
        return None
    if not rhs.is_symbolic_or_constant() or lc is not None:
        return rhs * lhs
    if _out_of_order(lhs, rhs):
        return rhs * lhs
    if rc == 1:
        return lhs
    if rc == 0:
        return rhs
    if isinstance(lhs, AffineBinaryExpr) and lhs.kind == MUL:
        lrc = _const(lhs.rhs)
        if lrc is not None and rc is not None:
            return lhs.lhs * (lrc * rc)
        if lrc is not None:
            return (lhs.lhs * rhs) * lhs.rhs
    return None


def _simplify_div_mod(kind: str, lhs: AffineExpr, rhs: AffineExpr) -> AffineExpr | None:
    """MLIR's ``simplifyFloorDiv`` / ``simplifyCeilDiv`` / ``simplifyMod``: constant folding, ``e floordiv 1``,
    multiples of the divisor (``(d0 * 8) floordiv 4 = d0 * 2``, ``(d0 * 8 + d1) mod 4 = d1 mod 4``),
    ``(e mod 8) mod 4 = e mod 4``, and ``x mod x = 0``, ``x floordiv x = x ceildiv x = 1`` for a symbolic ``x``.
    A modulo by a non-positive constant, and any division by zero, stay as they are."""
    lc, rc = _const(lhs), _const(rhs)
    if rc is None:
        return AffineConstantExpr(0 if kind == MOD else 1) if lhs == rhs else None
    lbin = lhs if isinstance(lhs, AffineBinaryExpr) else None
    if kind == MOD:
        if rc < 1:
            return None
        if lc is not None:
            return AffineConstantExpr(lc % rc)
        if lhs.largest_known_divisor() % rc == 0:
            return AffineConstantExpr(0)
        if lbin is not None and lbin.kind == ADD:
            if lbin.lhs.largest_known_divisor() % rc == 0:
                return lbin.rhs % rc
            if lbin.rhs.largest_known_divisor() % rc == 0:
                return lbin.lhs % rc
        if lbin is not None and lbin.kind == MOD:
            lrc = _const(lbin.rhs)
            if lrc is not None and lrc >= 1 and lrc % rc == 0:
                return lbin.lhs % rc
        return None
    if rc == 0:
        return None
    if lc is not None:
        return AffineConstantExpr(_floordiv(lc, rc) if kind == FLOORDIV else _ceildiv(lc, rc))
    if rc == 1:
        return lhs
    if lbin is not None and lbin.kind == MUL:
        lrc = _const(lbin.rhs)
        if lrc is not None and lrc % rc == 0:
            return lbin.lhs * (lrc // rc)
    if kind == FLOORDIV and lbin is not None and lbin.kind == ADD and (
            lbin.lhs.largest_known_divisor() % rc == 0 or lbin.rhs.largest_known_divisor() % rc == 0):
        return lbin.lhs.floordiv(rc) + lbin.rhs.floordiv(rc)
    return None


def binary(kind: str, lhs: AffineExpr, rhs: AffineExpr) -> AffineExpr:
    """Build ``lhs <kind> rhs`` with MLIR's construction-time simplifications."""
    if kind == ADD:
        s = _simplify_add(lhs, rhs)
    elif kind == MUL:
        s = _simplify_mul(lhs, rhs)
    else:
        s = _simplify_div_mod(kind, lhs, rhs)
    return s if s is not None else AffineBinaryExpr(kind, lhs, rhs)


def print_affine_expr(e: AffineExpr, strong: bool = False, dim_names: Sequence[str] | None = None,
                      sym_names: Sequence[str] | None = None) -> str:
    """MLIR spelling of ``e`` (``printAffineExprInternal``)."""
    if isinstance(e, AffineDimExpr):
        return dim_names[e.position] if dim_names else f"d{e.position}"
    if isinstance(e, AffineSymbolExpr):
        return sym_names[e.position] if sym_names else f"s{e.position}"
    if isinstance(e, AffineConstantExpr):
        return str(e.value)
    assert isinstance(e, AffineBinaryExpr)

    def p(x: AffineExpr, s: bool) -> str:
        return print_affine_expr(x, s, dim_names, sym_names)

    lhs, rhs = e.lhs, e.rhs
    if e.kind != ADD:
        if e.kind == MUL and _const(rhs) == -1:
            return f"(-{p(lhs, True)})" if strong else "-" + p(lhs, True)
        body = f"{p(lhs, True)} {e.kind} {p(rhs, True)}"
        return f"({body})" if strong else body
    if isinstance(rhs, AffineBinaryExpr) and rhs.kind == MUL and _const(rhs.rhs) is not None:
        c = _const(rhs.rhs)
        assert c is not None
        if c == -1:
            inner = p(rhs.lhs, isinstance(rhs.lhs, AffineBinaryExpr) and rhs.lhs.kind == ADD)
            body = f"{p(lhs, False)} - {inner}"
            return f"({body})" if strong else body
        if c < -1:
            body = f"{p(lhs, False)} - {p(rhs.lhs, True)} * {-c}"
            return f"({body})" if strong else body
    rc = _const(rhs)
    if rc is not None and rc < 0:
        body = f"{p(lhs, False)} - {-rc}"
        return f"({body})" if strong else body
    body = f"{p(lhs, False)} + {p(rhs, False)}"
    return f"({body})" if strong else body


class AffineMap:
    """``(d0, ..., dn)[s0, ..., sm] -> (e0, ..., ek)``; immutable and hashable."""

    __slots__ = ("num_dims", "num_symbols", "results", "_hash")

    def __init__(self, num_dims: int, num_symbols: int, results: Sequence[AffineExpr]):
        self.num_dims, self.num_symbols, self.results = num_dims, num_symbols, tuple(results)
        self._hash = hash((num_dims, num_symbols, self.results))

    def __eq__(self, o: object) -> bool:
        return (
            isinstance(o, AffineMap)
            and o._hash == self._hash
            and (o.num_dims, o.num_symbols, o.results) == (self.num_dims, self.num_symbols, self.results)
        )

    def __hash__(self) -> int:
        return self._hash

    @staticmethod
    def identity(n: int) -> AffineMap:
        return AffineMap(n, 0, [AffineDimExpr(i) for i in range(n)])

    @staticmethod
    def permutation(perm: Sequence[int]) -> AffineMap:
        return AffineMap(len(perm), 0, [AffineDimExpr(p) for p in perm])

    @staticmethod
    def constant_map(value: int) -> AffineMap:
        return AffineMap(0, 0, [AffineConstantExpr(value)])

    def is_identity(self) -> bool:
        return self.num_dims == len(self.results) and all(
            isinstance(r, AffineDimExpr) and r.position == i for i, r in enumerate(self.results)
        )

    def is_permutation(self) -> bool:
        pos = [r.position for r in self.results if isinstance(r, AffineDimExpr)]
        return len(pos) == len(self.results) == self.num_dims and sorted(pos) == list(range(self.num_dims))

    def evaluate(self, dims: Sequence[int], syms: Sequence[int] = ()) -> tuple[int, ...]:
        """Result values for integer dimension/symbol values."""
        return tuple(r.evaluate(dims, syms) for r in self.results)

    def compose(self, other: AffineMap) -> AffineMap:
        """``self ∘ other``: feed ``other``'s results into ``self``'s dimensions (``AffineMap::compose``)."""
        if len(other.results) != self.num_dims:
            raise ValueError("compose: result count of the inner map must equal the dim count of the outer map")
        syms = [AffineSymbolExpr(other.num_symbols + i) for i in range(self.num_symbols)]
        return AffineMap(other.num_dims, other.num_symbols + self.num_symbols,
                         [r.replace(other.results, syms) for r in self.results])

    def __str__(self) -> str:
        dims = ", ".join(f"d{i}" for i in range(self.num_dims))
        syms = f"[{', '.join(f's{i}' for i in range(self.num_symbols))}]" if self.num_symbols else ""
        return f"({dims}){syms} -> ({', '.join(print_affine_expr(r) for r in self.results)})"

    __repr__ = __str__


class IntegerSet:
    """``(d0..)[s0..] : (e0 >= 0, e1 == 0, ...)``; an empty constraint list prints as MLIR's ``(1 == 0)``-free form."""

    __slots__ = ("num_dims", "num_symbols", "constraints", "eq_flags", "_hash")

    def __init__(self, num_dims: int, num_symbols: int, constraints: Sequence[AffineExpr], eq_flags: Sequence[bool]):
        self.num_dims, self.num_symbols = num_dims, num_symbols
        self.constraints, self.eq_flags = tuple(constraints), tuple(eq_flags)
        self._hash = hash((num_dims, num_symbols, self.constraints, self.eq_flags))

    def __eq__(self, o: object) -> bool:
        return isinstance(o, IntegerSet) and (o.num_dims, o.num_symbols, o.constraints, o.eq_flags) == (
            self.num_dims, self.num_symbols, self.constraints, self.eq_flags)

    def __hash__(self) -> int:
        return self._hash

    def contains(self, dims: Sequence[int], syms: Sequence[int] = ()) -> bool:
        """Whether the integer point satisfies every constraint."""
        return all((c.evaluate(dims, syms) == 0) if eq else (c.evaluate(dims, syms) >= 0)
                   for c, eq in zip(self.constraints, self.eq_flags))

    def __str__(self) -> str:
        dims = ", ".join(f"d{i}" for i in range(self.num_dims))
        syms = f"[{', '.join(f's{i}' for i in range(self.num_symbols))}]" if self.num_symbols else ""
        cs = ", ".join(f"{print_affine_expr(c)} {'==' if eq else '>='} 0" for c, eq in zip(self.constraints, self.eq_flags))
        if not self.constraints:
            cs = "0 == 0"
        return f"({dims}){syms} : ({cs})"

    __repr__ = __str__
