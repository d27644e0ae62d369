"""The builtin dialect: ``builtin.module`` and ``builtin.unrealized_conversion_cast`` (mlir/docs/Dialects/Builtin.md).
Builtin types and attributes live in :mod:`mlir_py.attributes`."""

from __future__ import annotations

from typing import Any

from mlir_py.attributes import StringAttr
from mlir_py.dialect import Dialect
from mlir_py.ir import Block, Region
from mlir_py.opdef import (
    IsolatedFromAbove,
    NoTerminator,
    Op,
    Pure,
    SingleBlock,
    SymbolTableTrait,
    prop,
    region_def,
    var_operand,
    var_result,
)
from mlir_py.printer import Printer


class ModuleOp(Op, name="builtin.module", traits=[SymbolTableTrait(), IsolatedFromAbove(), NoTerminator(),
                                                   SingleBlock()]):
    """The top-level container: one region with one block of operations, no terminator.

    Syntax: ``module (@name)? (attributes {...})? { ... }``. A file whose top level is not a single module is
    wrapped in an implicit one. Errors: discardable attributes without a dialect prefix (as MLIR)."""

    sym_name = prop(StringAttr, optional=True)
    sym_visibility = prop(StringAttr, optional=True)
    body = region_def(single_block=True)
    default_dialect = ""

    @classmethod
    def build_empty(cls, location: Any = None) -> ModuleOp:
        op: ModuleOp = cls.create(regions=[Region([Block()])], location=location)
        return op

    @property
    def block(self) -> Block:
        return self.regions[0].blocks[0]

    def verify_(self) -> None:
        for k in self.attributes:
            if "." not in k:
                raise self.emit_error(f"can only contain attributes with dialect-prefixed names, found: '{k}'")
        if not self.regions[0].blocks:
            raise self.emit_error("region #0 ('bodyRegion') failed to verify constraint: region with 1 blocks")
        if self.regions[0].blocks[0].args:
            raise self.emit_error("region should have no arguments")

    def print_custom(self, p: Printer) -> str:
        s = "module"
        if "sym_name" in self.properties:
            from mlir_py.attributes import print_symbol_name

            name = self.properties["sym_name"]
            assert isinstance(name, StringAttr)
            s += " " + print_symbol_name(name.value)
        vis = self.properties.get("sym_visibility")
        if vis is not None:
            s += f" <sym_visibility = {p.attr(vis)}>"
        if self.attributes:
            s += " attributes " + p.attr_dict(self.attributes)
        return s + " " + p.region(self.regions[0], None, False, False)


class UnrealizedConversionCastOp(Op, name="builtin.unrealized_conversion_cast", traits=[Pure()]):
    """A cast between type systems left by partial dialect conversion; removed by reconcile-unrealized-casts."""

    inputs = var_operand()
    outputs = var_result()
    assembly_format = "($inputs^ `:` type($inputs))? `to` type($outputs) attr-dict"


DIALECT = Dialect("builtin", [ModuleOp, UnrealizedConversionCastOp], description=__doc__ or "")
