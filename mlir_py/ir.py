"""The IR: operations, values with use lists, blocks, regions (MLIR's ``Operation.h``, ``Value.h``, ``Block.h``).

An :class:`Operation` has a name, operands (:class:`OpOperand` uses of :class:`Value`), results, properties
(inherent attributes, printed ``<{...}>``), discardable attributes, regions, successor blocks and a location.
Blocks keep their operations in a doubly linked list, so insertion and erasure are O(1); positions inside a
block are numbered lazily for dominance queries. Registered operations are instances of the subclasses defined
with :mod:`mlir_py.opdef`; unregistered ones are plain :class:`Operation`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from .attributes import Attribute, LocationAttr, StringAttr, SymbolRefAttr, Type, UnknownLoc

if TYPE_CHECKING:
    from .opdef import OpTrait

_UNKNOWN = UnknownLoc()


class IRError(Exception):
    """Misuse of the IR API (a bug in a pass, not a user-facing diagnostic)."""


class Value:
    """An SSA value: an :class:`OpResult` or a :class:`BlockArgument`. ``uses`` are its :class:`OpOperand` s."""

    __slots__ = ("type", "_uses", "name_hint", "__weakref__")

    def __init__(self, type: Type):
        self.type = type
        self._uses: dict[OpOperand, None] = {}
        self.name_hint: str | None = None

    @property
    def uses(self) -> list[OpOperand]:
        return list(self._uses)

    @property
    def users(self) -> list[Operation]:
        return [u.owner for u in self._uses]

    def has_uses(self) -> bool:
        return bool(self._uses)

    def has_one_use(self) -> bool:
        return len(self._uses) == 1

    def replace_all_uses_with(self, new: Value) -> None:
        if new is self:
            return
        for use in list(self._uses):
            use.set(new)

    def replace_uses_with_if(self, new: Value, pred: Callable[[OpOperand], bool]) -> None:
        for use in list(self._uses):
            if pred(use):
                use.set(new)

    @property
    def owner(self) -> Operation | Block:
        raise NotImplementedError

    @property
    def parent_block(self) -> Block | None:
        raise NotImplementedError

    @property
    def defining_op(self) -> Operation | None:
        return None


class OpResult(Value):
    __slots__ = ("op", "index")

    def __init__(self, type: Type, op: Operation, index: int):
        super().__init__(type)
        self.op, self.index = op, index

    @property
    def owner(self) -> Operation:
        return self.op

    @property
    def defining_op(self) -> Operation:
        return self.op

    @property
    def parent_block(self) -> Block | None:
        return self.op.parent

    def __repr__(self) -> str:
        return f"<OpResult #{self.index} of {self.op.name}: {self.type}>"


class BlockArgument(Value):
    __slots__ = ("block", "index", "location")

    def __init__(self, type: Type, block: Block, index: int, location: LocationAttr | None = None):
        super().__init__(type)
        self.block, self.index = block, index
        self.location = location or _UNKNOWN

    @property
    def owner(self) -> Block:
        return self.block

    @property
    def parent_block(self) -> Block:
        return self.block

    def __repr__(self) -> str:
        return f"<BlockArgument #{self.index}: {self.type}>"


class OpOperand:
    """One use of a value by an operation's operand slot."""

    __slots__ = ("value", "owner", "index")

    def __init__(self, value: Value, owner: Operation, index: int):
        self.value, self.owner, self.index = value, owner, index
        value._uses[self] = None

    def set(self, value: Value) -> None:
        del self.value._uses[self]
        self.value = value
        value._uses[self] = None

    def drop(self) -> None:
        self.value._uses.pop(self, None)


class BlockOperand:
    """One use of a block as a successor of a terminator."""

    __slots__ = ("block", "owner", "index")

    def __init__(self, block: Block, owner: Operation, index: int):
        self.block, self.owner, self.index = block, owner, index
        block._pred_uses[self] = None

    def set(self, block: Block) -> None:
        del self.block._pred_uses[self]
        self.block = block
        block._pred_uses[self] = None

    def drop(self) -> None:
        self.block._pred_uses.pop(self, None)


OpT = TypeVar("OpT", bound="Operation")


class Operation:
    """A generic operation. See the module docstring; build registered ops through their class."""

    __slots__ = ("name", "_operands", "results", "properties", "attributes", "regions", "_successors",
                 "location", "parent", "_prev", "_next", "_order")

    #: set on registered subclasses by :mod:`mlir_py.opdef`
    OPERATION_NAME: str = ""
    traits: tuple[OpTrait, ...] = ()
    registered: bool = False

    def __init__(
        self,
        operands: Sequence[Value] = (),
        result_types: Sequence[Type] = (),
        properties: dict[str, Attribute] | None = None,
        attributes: dict[str, Attribute] | None = None,
        regions: Sequence[Region] | int = 0,
        successors: Sequence[Block] = (),
        location: LocationAttr | None = None,
        name: str | None = None,
    ):
        self.name = name or self.OPERATION_NAME
        self._operands = [OpOperand(v, self, i) for i, v in enumerate(operands)]
        self.results = [OpResult(t, self, i) for i, t in enumerate(result_types)]
        self.properties: dict[str, Attribute] = properties if properties is not None else {}
        self.attributes: dict[str, Attribute] = attributes if attributes is not None else {}
        if isinstance(regions, int):
            regions = [Region() for _ in range(regions)]
        self.regions: list[Region] = []
        for r in regions:
            self.add_region(r)
        self._successors = [BlockOperand(b, self, i) for i, b in enumerate(successors)]
        self.location: LocationAttr = location or _UNKNOWN
        self.parent: Block | None = None
        self._prev: Operation | None = None
        self._next: Operation | None = None
        self._order = -1

    # --- operands, results, successors --------------------------------------------------------------------------
    @property
    def operands(self) -> list[Value]:
        return [o.value for o in self._operands]

    @property
    def op_operands(self) -> list[OpOperand]:
        return self._operands

    def operand(self, i: int) -> Value:
        return self._operands[i].value

    @property
    def num_operands(self) -> int:
        return len(self._operands)

    def set_operand(self, i: int, v: Value) -> None:
        self._operands[i].set(v)

    def set_operands(self, values: Sequence[Value]) -> None:
        for o in self._operands:
            o.drop()
        self._operands = [OpOperand(v, self, i) for i, v in enumerate(values)]

    def insert_operands(self, index: int, values: Sequence[Value]) -> None:
        vals = self.operands
        vals[index:index] = values
        self.set_operands(vals)

    def erase_operand(self, index: int) -> None:
        vals = self.operands
        del vals[index]
        self.set_operands(vals)

    @property
    def result(self) -> OpResult:
        if len(self.results) != 1:
            raise IRError(f"'{self.name}' has {len(self.results)} results, not exactly one")
        return self.results[0]

    @property
    def result_types(self) -> list[Type]:
        return [r.type for r in self.results]

    @property
    def operand_types(self) -> list[Type]:
        return [o.value.type for o in self._operands]

    @property
    def successors(self) -> list[Block]:
        return [s.block for s in self._successors]

    def set_successor(self, i: int, b: Block) -> None:
        self._successors[i].set(b)

    # --- attributes -------------------------------------------------------------------------------------------
    def get_attr(self, name: str) -> Attribute | None:
        """Inherent (property) or discardable attribute ``name``."""
        a = self.properties.get(name)
        return a if a is not None else self.attributes.get(name)

    def set_attr(self, name: str, value: Attribute) -> None:
        if name in self.properties or name in type(self).property_names():
            self.properties[name] = value
        else:
            self.attributes[name] = value

    @classmethod
    def property_names(cls) -> frozenset[str]:
        return frozenset()

    # --- structure ----------------------------------------------------------------------------------------------
    def add_region(self, region: Region | None = None) -> Region:
        region = Region() if region is None else region
        if region.parent is not None:
            raise IRError("region already has a parent operation")
        region.parent = self
        self.regions.append(region)
        return region

    @property
    def parent_region(self) -> Region | None:
        return self.parent.parent if self.parent is not None else None

    @property
    def parent_op(self) -> Operation | None:
        r = self.parent_region
        return r.parent if r is not None else None

    def parent_of_type(self, cls: type[OpT]) -> OpT | None:
        p = self.parent_op
        while p is not None and not isinstance(p, cls):
            p = p.parent_op
        return p

    @property
    def next_op(self) -> Operation | None:
        return self._next

    @property
    def prev_op(self) -> Operation | None:
        return self._prev

    def is_ancestor(self, other: Operation) -> bool:
        """Whether ``self`` is ``other`` or contains it."""
        o: Operation | None = other
        while o is not None:
            if o is self:
                return True
            o = o.parent_op
        return False

    def is_before_in_block(self, other: Operation) -> bool:
        assert self.parent is not None and self.parent is other.parent
        self.parent._ensure_order()
        return self._order < other._order

    def has_trait(self, trait: type[OpTrait]) -> bool:
        cls = type(self)
        cache = cls.__dict__.get("_trait_cache")
        if cache is None:
            cache = {}
            cls._trait_cache = cache  # type: ignore[attr-defined]
        r = cache.get(trait)
        if r is None:
            r = cache[trait] = any(isinstance(t, trait) for t in self.traits)
        return r

    def get_trait(self, trait: type[OpTrait]) -> Any:
        for t in self.traits:
            if isinstance(t, trait):
                return t
        return None

    # --- mutation -----------------------------------------------------------------------------------------------
    def detach(self) -> Operation:
        """Unlink from the parent block, keeping uses."""
        if self.parent is not None:
            self.parent._unlink(self)
        return self

    def drop_all_references(self) -> None:
        for o in self._operands:
            o.drop()
        self._operands = []
        for s in self._successors:
            s.drop()
        self._successors = []
        for r in self.regions:
            for b in r.blocks:
                for op in b.ops:
                    op.drop_all_references()

    def erase(self, safe: bool = True) -> None:
        """Remove from the IR. With ``safe``, results must have no uses left."""
        if safe:
            for r in self.results:
                if r._uses:
                    users = {u.owner.name for u in r._uses}
                    raise IRError(f"cannot erase '{self.name}': result #{r.index} still used by {sorted(users)}")
        self.detach()
        self.drop_all_references()

    def move_before(self, other: Operation) -> None:
        self.detach()
        assert other.parent is not None
        other.parent.insert_before(self, other)

    def move_after(self, other: Operation) -> None:
        self.detach()
        assert other.parent is not None
        other.parent.insert_after(self, other)

    def replace_all_uses_with(self, values: Sequence[Value]) -> None:
        if len(values) != len(self.results):
            raise IRError(f"replacing {len(self.results)} results of '{self.name}' with {len(values)} values")
        for r, v in zip(self.results, values):
            r.replace_all_uses_with(v)

    def clone(self: OpT, mapping: dict[Value | Block, Any] | None = None, clone_regions: bool = True) -> OpT:
        """A deep copy; operands and successors are remapped through ``mapping`` (which records the clones)."""
        m: dict[Any, Any] = mapping if mapping is not None else {}
        new = object.__new__(type(self))
        Operation.__init__(
            new,
            [m.get(v, v) for v in self.operands],
            self.result_types,
            dict(self.properties),
            dict(self.attributes),
            0,
            [m.get(b, b) for b in self.successors],
            self.location,
            self.name,
        )
        for old_r, new_r in zip(self.results, new.results):
            m[old_r] = new_r
            new_r.name_hint = old_r.name_hint
        for r in self.regions:
            nr = new.add_region()
            if clone_regions:
                r.clone_into(nr, m)
        return new

    # --- traversal ----------------------------------------------------------------------------------------------
    def walk(self, post_order: bool = True) -> Iterator[Operation]:
        """Every nested operation including ``self``; post-order by default (MLIR's ``walk``).

        The iteration is robust to erasing the operation just yielded in post-order."""
        if not post_order:
            yield self
        for r in self.regions:
            for b in r.blocks:
                op = b._first
                while op is not None:
                    nxt = op._next
                    yield from op.walk(post_order)
                    op = nxt
        if post_order:
            yield self

    def __repr__(self) -> str:
        return f"<{self.name} at {hex(id(self))}>"

    def __str__(self) -> str:
        from .printer import print_op

        return print_op(self)

    # --- verification hooks (overridden by registered ops) ------------------------------------------------------
    def verify_(self) -> None:
        """Per-op invariants; raise :class:`mlir_py.diagnostics.VerifyError` (use ``self.emit_error``)."""

    def emit_error(self, message: str) -> Exception:
        from .diagnostics import VerifyError

        return VerifyError(message, self)


class Block:
    """A list of operations (doubly linked) with typed arguments; the last op of a CFG block is its terminator."""

    __slots__ = ("args", "parent", "_first", "_last", "_pred_uses", "_order_valid", "_len", "_next_block",
                 "_prev_block", "__weakref__")

    def __init__(self, arg_types: Sequence[Type] = (), arg_locs: Sequence[LocationAttr] | None = None):
        self.args: list[BlockArgument] = [
            BlockArgument(t, self, i, arg_locs[i] if arg_locs else None) for i, t in enumerate(arg_types)
        ]
        self.parent: Region | None = None
        self._first: Operation | None = None
        self._last: Operation | None = None
        self._pred_uses: dict[BlockOperand, None] = {}
        self._order_valid = True
        self._len = 0

    # --- arguments ----------------------------------------------------------------------------------------------
    def add_argument(self, type: Type, location: LocationAttr | None = None) -> BlockArgument:
        a = BlockArgument(type, self, len(self.args), location)
        self.args.append(a)
        return a

    def insert_argument(self, index: int, type: Type, location: LocationAttr | None = None) -> BlockArgument:
        a = BlockArgument(type, self, index, location)
        self.args.insert(index, a)
        for i, x in enumerate(self.args):
            x.index = i
        return a

    def erase_argument(self, index: int) -> None:
        a = self.args[index]
        if a._uses:
            raise IRError("cannot erase a block argument that still has uses")
        del self.args[index]
        for i, x in enumerate(self.args):
            x.index = i

    @property
    def arg_types(self) -> list[Type]:
        return [a.type for a in self.args]

    # --- operations ---------------------------------------------------------------------------------------------
    @property
    def ops(self) -> Iterator[Operation]:
        """The operations in order; safe against erasing the op just yielded."""
        op = self._first
        while op is not None:
            nxt = op._next
            yield op
            op = nxt

    def __len__(self) -> int:
        return self._len

    @property
    def first_op(self) -> Operation | None:
        return self._first

    @property
    def last_op(self) -> Operation | None:
        return self._last

    @property
    def terminator(self) -> Operation | None:
        from .opdef import IsTerminator

        last = self._last
        return last if last is not None and last.has_trait(IsTerminator) else None

    def _attach(self, op: Operation) -> None:
        if op.parent is not None:
            raise IRError(f"'{op.name}' is already in a block")
        op.parent = self
        self._len += 1
        self._order_valid = False

    def append(self, op: Operation) -> Operation:
        self._attach(op)
        op._prev, op._next = self._last, None
        if self._last is None:
            self._first = op
        else:
            self._last._next = op
        self._last = op
        return op

    def append_ops(self, ops: Iterable[Operation]) -> None:
        for op in ops:
            self.append(op)

    def prepend(self, op: Operation) -> Operation:
        if self._first is None:
            return self.append(op)
        return self.insert_before(op, self._first)

    def insert_before(self, op: Operation, anchor: Operation) -> Operation:
        assert anchor.parent is self
        self._attach(op)
        op._prev, op._next = anchor._prev, anchor
        if anchor._prev is None:
            self._first = op
        else:
            anchor._prev._next = op
        anchor._prev = op
        return op

    def insert_after(self, op: Operation, anchor: Operation) -> Operation:
        if anchor._next is None:
            return self.append(op)
        return self.insert_before(op, anchor._next)

    def _unlink(self, op: Operation) -> None:
        if op._prev is None:
            self._first = op._next
        else:
            op._prev._next = op._next
        if op._next is None:
            self._last = op._prev
        else:
            op._next._prev = op._prev
        op._prev = op._next = None
        op.parent = None
        self._len -= 1

    def _ensure_order(self) -> None:
        if not self._order_valid:
            for i, op in enumerate(self.ops):
                op._order = i
            self._order_valid = True

    # --- CFG ----------------------------------------------------------------------------------------------------
    @property
    def predecessors(self) -> list[Block]:
        return [u.owner.parent for u in self._pred_uses if u.owner.parent is not None]

    @property
    def successors(self) -> list[Block]:
        t = self._last
        return t.successors if t is not None else []

    @property
    def parent_op(self) -> Operation | None:
        return self.parent.parent if self.parent is not None else None

    def is_entry_block(self) -> bool:
        return self.parent is not None and self.parent.blocks[0] is self

    def erase(self) -> None:
        """Remove the block and its operations from its region (drops all references)."""
        for op in list(self.ops):
            op.drop_all_references()
        if self.parent is not None:
            self.parent.blocks.remove(self)
            self.parent = None

    def split_before(self, op: Operation) -> Block:
        """Move ``op`` and everything after it into a new block placed after this one (MLIR's ``splitBlock``)."""
        assert self.parent is not None
        new = Block()
        self.parent.insert_block_after(new, self)
        cur: Operation | None = op
        while cur is not None:
            nxt = cur._next
            cur.detach()
            new.append(cur)
            cur = nxt
        return new

    def __repr__(self) -> str:
        return f"<Block with {len(self.args)} args, {self._len} ops>"


class Region:
    """An ordered list of blocks owned by an operation."""

    __slots__ = ("blocks", "parent")

    def __init__(self, blocks: Iterable[Block] = ()):
        self.blocks: list[Block] = []
        self.parent: Operation | None = None
        for b in blocks:
            self.add_block(b)

    def add_block(self, block: Block | None = None) -> Block:
        block = Block() if block is None else block
        block.parent = self
        self.blocks.append(block)
        return block

    def insert_block_after(self, block: Block, anchor: Block) -> None:
        block.parent = self
        self.blocks.insert(self.blocks.index(anchor) + 1, block)

    def insert_block_before(self, block: Block, anchor: Block) -> None:
        block.parent = self
        self.blocks.insert(self.blocks.index(anchor), block)

    @property
    def block(self) -> Block:
        """The single block of a single-block region."""
        if len(self.blocks) != 1:
            raise IRError(f"region has {len(self.blocks)} blocks, expected one")
        return self.blocks[0]

    @property
    def entry(self) -> Block | None:
        return self.blocks[0] if self.blocks else None

    def is_empty(self) -> bool:
        return not self.blocks

    def ops(self) -> Iterator[Operation]:
        for b in self.blocks:
            yield from b.ops

    def clone_into(self, dest: Region, mapping: dict[Any, Any]) -> None:
        """Clone every block (arguments and operations) into ``dest``, recording the value/block mapping."""
        new_blocks = []
        for b in self.blocks:
            nb = Block()
            for a in b.args:
                mapping[a] = nb.add_argument(a.type, a.location)
            mapping[b] = nb
            new_blocks.append(nb)
        for b, nb in zip(self.blocks, new_blocks):
            for op in b.ops:
                nb.append(op.clone(mapping))
            dest.add_block(nb)

    def take_body(self, other: Region) -> None:
        """Move all blocks of ``other`` into this (empty) region."""
        for b in other.blocks:
            b.parent = self
            self.blocks.append(b)
        other.blocks = []

    def walk(self, post_order: bool = True) -> Iterator[Operation]:
        for b in self.blocks:
            for op in b.ops:
                yield from op.walk(post_order)


# --- symbols ---------------------------------------------------------------------------------------------------

SYM_NAME = "sym_name"


def symbol_name(op: Operation) -> str | None:
    a = op.get_attr(SYM_NAME)
    return a.value if isinstance(a, StringAttr) else None


class SymbolTable:
    """The symbols (ops with ``sym_name``) directly inside a symbol-table op's single region."""

    def __init__(self, op: Operation):
        self.op = op
        self.symbols: dict[str, Operation] = {}
        for r in op.regions:
            for child in r.ops():
                n = symbol_name(child)
                if n is not None and n not in self.symbols:
                    self.symbols[n] = child

    def lookup(self, name: str) -> Operation | None:
        return self.symbols.get(name)


def nearest_symbol_table(op: Operation) -> Operation | None:
    from .opdef import SymbolTableTrait

    p: Operation | None = op
    while p is not None and not p.has_trait(SymbolTableTrait):
        p = p.parent_op
    return p


def lookup_symbol(from_op: Operation, ref: SymbolRefAttr | str) -> Operation | None:
    """Resolve a symbol reference from ``from_op``, walking out through enclosing symbol tables
    (MLIR's ``SymbolTable::lookupNearestSymbolFrom``); nested references descend into tables."""
    if isinstance(ref, str):
        ref = SymbolRefAttr(ref)
    table = nearest_symbol_table(from_op.parent_op if from_op.parent_op is not None else from_op)
    while table is not None:
        found = SymbolTable(table).lookup(ref.root)
        if found is not None:
            for n in ref.nested:
                found = SymbolTable(found).lookup(n)
                if found is None:
                    return None
            return found
        table = nearest_symbol_table(table.parent_op) if table.parent_op is not None else None
    return None
