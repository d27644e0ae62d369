"""A context-aware lexer for MLIR text, plugged into lark's LALR parser (``lexer=MLIRLexer``).

One scan per token: a first-character dispatch picks the token class (SSA id, string, number, word,
punctuation, ...) with a handful of precompiled regexes, and the LALR state's set of acceptable terminals
decides between look-alike spellings (keyword or identifier, ``->`` or ``-``, dimension list or integer, simple
type or identifier). This replaces lark's contextual lexer, which compiles one large regex per parser state
(most of the start-up time) and tries every terminal of the state in turn (most of the lexing time).

The **whole-op fast path**: an op in custom syntax that fits on one line and only uses simple elements (SSA
operands, simple types, enum keywords, literal attributes; no attr-dict, regions or optional groups) is
matched by one regex compiled from its assembly format and handed to the parser as a single ``FAST_OP``
token; the parser builds it with exactly the same code as the slow path (``build_custom_op``). Anything
else falls back to ordinary tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lark import Token
from lark.exceptions import UnexpectedCharacters
from lark.lexer import Lexer

_SKIP = re.compile(r"(?:[ \t\f\r\n]+|//[^\n]*)+")
_VALUE_ID = re.compile(r"%[A-Za-z0-9_$.\-]+(?:#[0-9]+)?")
_CARET_ID = re.compile(r"\^[A-Za-z0-9_$.\-]+")
_SYMBOL = re.compile(r'@(?:[A-Za-z_$.\-][A-Za-z0-9_$.\-]*|"(?:[^"\\\n]|\\.)*")')
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_$.]*")
_FLOAT = re.compile(r"[-+]?[0-9]+\.[0-9]*(?:[eE][-+]?[0-9]+)?")
_INT = re.compile(r"-?(?:0x[0-9a-fA-F]+|[0-9]+)")
_DIMS = re.compile(r"(?:(?:[0-9]+|\?)x)+|\*x")
_VDIMS = re.compile(r"(?:(?:[0-9]+|\[[0-9]+\])x)+")
_SCALAR_TYPE = r"(?:[su]?i(?:0|[1-9][0-9]*)|bf16|f16|tf32|f32|f64|f80|f128|index|none)"
_SIMPLE_TYPE_BODY = (r"(?:[su]?i(?:0|[1-9][0-9]*)|bf16|f16|tf32|f32|f64|f80|f128|index|none|"
                     r"(?:tensor|memref|vector)<(?:(?:[0-9]+|\?)x)*(?:[su]?i(?:0|[1-9][0-9]*)|bf16|f16|f32|f64|index)>)"
                     r"(?![A-Za-z0-9_$.])")
SIMPLE_TYPE = re.compile(_SIMPLE_TYPE_BODY)
_FAST_HEAD = re.compile(r"(?:(%[A-Za-z0-9_$.\-]+)[ \t]*=[ \t]*)?([A-Za-z_][A-Za-z0-9_$.]*)")
_FAST_END = r"(?=[ \t]*(?:\r?\n|$|//|\}|loc\())"

#: punctuation spellings, longest first
_PUNCT = ["{-#", "#-}", "->", "::", ">=", "==", "<=", "(", ")", "{", "}", "[", "]", "<", ">", ",", ":", "=", "*",
          "?", "+", "-", "|"]


def balanced_regex(depth: int) -> str:
    """``<...>`` with balanced angle brackets up to ``depth`` levels (``->`` and strings skipped)."""
    pat = r'<(?:->|[^<>"]|"(?:[^"\\\n]|\\.)*")*>'
    for _ in range(depth - 1):
        pat = r'<(?:->|[^<>"]|"(?:[^"\\\n]|\\.)*"|' + pat + ")*>"
    return pat


_BAL = balanced_regex(6)
_HASH = re.compile(r"#[A-Za-z_$][A-Za-z0-9_$.\-]*(?:" + _BAL + ")?")
_BANG = re.compile(r"![A-Za-z_$][A-Za-z0-9_$.\-]*(?:" + _BAL + ")?")


class FastOp:
    """The single-line fast form of one op: the regex after the op name and how its groups bind."""

    __slots__ = ("regex", "slots", "nresults", "rule")

    def __init__(self, regex: re.Pattern[str] | str, slots: list[tuple[str, Any]], nresults: int, rule: Any):
        self.regex, self.slots, self.nresults, self.rule = regex, slots, nresults, rule  # compiled on first use


class LexerConfig:
    """What the lexer needs from the grammar: op-name spellings and the fast forms, by terminal name."""

    def __init__(self) -> None:
        self.opnames: dict[str, str] = {}  # spelling -> terminal name
        self.fast_ops: dict[str, FastOp] = {}  # op spelling -> fast form


#: set by MLIRParser right before constructing Lark (lark instantiates the lexer class itself)
PENDING_CONFIG: list[LexerConfig] = []


class MLIRLexer(Lexer):
    """See the module docstring. Token types are the grammar's terminal names."""

    __future_interface__ = 2

    def __init__(self, lexer_conf: Any):
        self.config = PENDING_CONFIG[-1] if PENDING_CONFIG else LexerConfig()
        self.keywords: dict[str, str] = {}
        self.puncts: dict[str, str] = {}
        for t in lexer_conf.terminals:
            p = t.pattern
            if p.type == "str":
                v = p.value
                if _WORD.fullmatch(v):
                    self.keywords[v] = t.name
                else:
                    self.puncts[v] = t.name
        self.fast_matches: dict[int, tuple[FastOp, re.Match[str], Any, int, int]] = {}
        self.ignore = lexer_conf.ignore

    def lex(self, lexer_state: Any, parser_state: Any) -> Iterator[Token]:
        text_slice = lexer_state.text
        text: str = text_slice.text
        pos: int = text_slice.start
        end: int = text_slice.end
        states = parser_state.parse_conf.states
        line, line_start = 1, 0
        keywords, puncts, opnames = self.keywords, self.puncts, self.config.opnames
        fast_ops = self.config.fast_ops
        new = Token._future_new  # skip lark's kwargs-checking wrapper
        skip = _SKIP.match
        while True:
            m = skip(text, pos)
            if m is not None:
                seg_end = m.end()
                nl = text.count("\n", pos, seg_end)
                if nl:
                    line += nl
                    line_start = text.rindex("\n", pos, seg_end) + 1
                pos = seg_end
            if pos >= end:
                return
            acc = states[parser_state.position]
            c = text[pos]
            col = pos - line_start + 1
            typ: str | None = None
            stop = pos
            if c == "%":
                if "FAST_OP" in acc:
                    tok = self._fast(text, pos, line, col, fast_ops, new)
                    if tok is not None:
                        yield tok
                        pos = tok.end_pos  # type: ignore[assignment]
                        continue
                mm = _VALUE_ID.match(text, pos)
                if mm:
                    typ, stop = "VALUE_ID", mm.end()
            elif (c.isalpha() and c.isascii()) or c == "_":
                if "FAST_OP" in acc:
                    tok = self._fast(text, pos, line, col, fast_ops, new)
                    if tok is not None:
                        yield tok
                        pos = tok.end_pos  # type: ignore[assignment]
                        continue
                if "SIMPLE_TYPE" in acc:
                    mm = SIMPLE_TYPE.match(text, pos)
                    if mm:
                        typ, stop = "SIMPLE_TYPE", mm.end()
                if typ is None:
                    mm = _WORD.match(text, pos)
                    assert mm is not None
                    w = mm.group()
                    stop = mm.end()
                    kw = keywords.get(w)
                    opn = opnames.get(w)
                    if kw is not None and kw in acc:
                        typ = kw
                    elif opn is not None and opn in acc:
                        typ = opn
                    elif "BARE_ID" in acc:
                        typ = "BARE_ID"
                    else:
                        typ = opn or kw or "BARE_ID"
            elif c == '"':
                mm = _STRING.match(text, pos)
                if mm:
                    typ, stop = "STRING", mm.end()
            elif c.isdigit() or c in "-+?*[":
                if ("DIMS" in acc) and c in "0123456789?*":
                    mm = _DIMS.match(text, pos)
                    if mm:
                        typ, stop = "DIMS", mm.end()
                if typ is None and "VDIMS" in acc and c in "0123456789[":
                    mm = _VDIMS.match(text, pos)
                    if mm:
                        typ, stop = "VDIMS", mm.end()
                if typ is None and c not in "?*[" and ("INT" in acc or "FLOAT" in acc or c.isdigit()):
                    mm = _FLOAT.match(text, pos)
                    if mm and ("FLOAT" in acc or "INT" not in acc):
                        typ, stop = "FLOAT", mm.end()
                    else:
                        mm = _INT.match(text, pos)
                        if mm:
                            typ, stop = "INT", mm.end()
            elif c == "^":
                mm = _CARET_ID.match(text, pos)
                if mm:
                    typ, stop = "CARET_ID", mm.end()
            elif c == "@":
                mm = _SYMBOL.match(text, pos)
                if mm:
                    typ, stop = "SYMBOL", mm.end()
            elif c == "#" and not text.startswith("#-}", pos):
                mm = _HASH.match(text, pos)
                if mm:
                    typ, stop = "HASH", mm.end()
            elif c == "!":
                mm = _BANG.match(text, pos)
                if mm:
                    typ, stop = "BANG", mm.end()
            if typ is None:
                for p in _PUNCT:
                    if text.startswith(p, pos):
                        name = puncts.get(p)
                        if name is not None and (name in acc or len(p) == 1 or not self._single_ok(p, acc)):
                            typ, stop = name, pos + len(p)
                            break
                if typ is None:
                    raise UnexpectedCharacters(text, pos, line, col, allowed=set(acc), state=parser_state)
            value = text[pos:stop]
            nl = value.count("\n")
            if nl:
                yield new(typ, value, pos, line, col, line + nl, stop - value.rindex("\n"), stop)
                line += nl
                line_start = pos + value.rindex("\n") + 1
            else:
                yield new(typ, value, pos, line, col, line, col + stop - pos, stop)
            pos = stop

    def _single_ok(self, p: str, acc: Any) -> bool:
        """For a multi-char punctuation not acceptable here, whether its first char alone is."""
        name = self.puncts.get(p[0])
        return name is not None and name in acc

    def _fast(self, text: str, pos: int, line: int, col: int, fast_ops: dict[str, FastOp], new: Any) -> Token | None:
        head = _FAST_HEAD.match(text, pos)
        if head is None:
            return None
        fo = fast_ops.get(head.group(2))
        if fo is None or (head.group(1) is not None) != (fo.nresults == 1):
            return None
        rx = fo.regex
        if isinstance(rx, str):
            rx = fo.regex = re.compile(rx)
        m = rx.match(text, head.end())
        if m is None:
            return None
        stop = m.end()
        op_col = col + head.start(2) - pos
        self.fast_matches[pos] = (fo, m, head, line, op_col)
        return new("FAST_OP", text[pos:stop], pos, line, col, line, col + stop - pos, stop)


def compile_fast_form(cf: Any) -> tuple[str, list[tuple[str, Any]]] | None:
    """The fast regex of a compiled assembly format, or None when the format has elements the fast path does not
    cover. ``slots`` says what each capture group binds: ``("operand", name)``, ``("type", vars)``,
    ``("prop_word", name)``, ``("prop_attr", name)`` (int/float/bool literal attribute, 3 groups)."""
    parts: list[str] = []
    slots: list[tuple[str, Any]] = []
    for e in cf.elems:
        if e.kind == "space":
            continue
        if e.kind == "group" or e.kind == "attrdict":
            continue  # absent in the fast form; present text makes the regex fail -> slow path
        if e.kind == "literal":
            lit = re.escape(e.text)
            if _WORD.fullmatch(e.text):
                parts.append(r"[ \t]*" + lit + r"(?![A-Za-z0-9_$.])")
            else:
                parts.append(r"[ \t]*" + lit)
            continue
        if e.kind == "var":
            name = e.vars[0]
            kind = cf._var_kind(name)
            if kind == "operand" and cf._arity(name) == "single":
                parts.append(r"[ \t]*(%[A-Za-z0-9_$.\-]+(?:#[0-9]+)?)")
                slots.append(("operand", name))
                continue
            if kind == "prop":
                d = cf.props[name]
                g = getattr(d.attr_class, "format_grammar", None) or "attribute"
                if g == "BARE_ID":
                    parts.append(r"[ \t]*([A-Za-z_][A-Za-z0-9_$.]*)")
                    slots.append(("prop_word", name))
                    continue
                if g == "attribute":
                    parts.append(r"[ \t]*(?:(-?(?:0x[0-9a-fA-F]+|[0-9]+)(?![.0-9eE])|[-+]?[0-9]+\.[0-9]*(?:[eE][-+]?[0-9]+)?)"
                                 r"[ \t]*:[ \t]*(" + _SIMPLE_TYPE_BODY + r")|(true|false)(?![A-Za-z0-9_$.]))")
                    slots.append(("prop_attr", name))
                    continue
            return None
        if e.kind == "type":
            if len(e.vars) == 1 and e.vars[0] not in ("operands", "results") and cf._arity(e.vars[0]) == "single":
                parts.append(r"[ \t]*(" + _SIMPLE_TYPE_BODY + ")")
                slots.append(("type", e.vars))
                continue
            return None
        return None
    return "".join(parts) + _FAST_END, slots
