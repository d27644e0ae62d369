"""IEEE float semantics and MLIR's float literal printing.

MLIR prints a float attribute with LLVM's ``APFloat::toString`` (llvm/lib/Support/APFloat.cpp, ``toStringImpl``
and ``AdjustToPrecision``): first in exponential form with 6 significant digits (``1.000000e-01``) when that
spelling parses back to the same bits, else in APFloat's default form (shortest round-trip precision,
``0.30000000000000004``, ``1.23456789E-30``) when it contains a ``.``, else as the hexadecimal bit pattern
(``0x4CEB79A3``). This module reproduces that algorithm exactly, for f16, bf16, f32 and f64.
"""

from __future__ import annotations

import math
import struct
from fractions import Fraction

#: name -> (total bits, exponent bits, mantissa bits incl. implicit bit)
SEMANTICS: dict[str, tuple[int, int, int]] = {
    "f16": (16, 5, 11),
    "bf16": (16, 8, 8),
    "f32": (32, 8, 24),
    "f64": (64, 11, 53),
}


def to_bits(value: float, kind: str) -> int:
    """The IEEE bit pattern of ``value`` rounded (to nearest even) to the format ``kind``."""
    if kind == "f64":
        return struct.unpack("<Q", struct.pack("<d", value))[0]
    if kind == "f32":
        try:
            return struct.unpack("<I", struct.pack("<f", value))[0]
        except OverflowError:  # finite doubles beyond f32 range round to infinity
            return 0x7F800000 | (0x80000000 if value < 0 else 0)
    if kind == "f16":
        try:
            return struct.unpack("<H", struct.pack("<e", value))[0]
        except OverflowError:
            return 0x7C00 | (0x8000 if value < 0 else 0)
    if kind == "bf16":
        if math.isnan(value):  # keep the payload's top bits (quieted), as APFloat's conversion does
            return (struct.unpack("<I", struct.pack("<f", value))[0] >> 16) | 0x40
        # f64 -> f32 with round-to-odd, then f32 -> bf16 to nearest even: exact single rounding because f32
        # carries more than bf16's precision + 2 bits (Boldo & Melquiond, "Emulation of FMA and correctly
        # rounded sums: proved algorithms using rounding to odd", IEEE TC 2008).
        bits32 = struct.unpack("<I", struct.pack("<f", _f32_for_bf16(value)))[0]
        f = struct.unpack("<f", struct.pack("<I", bits32))[0]  # value rounded to nearest f32
        if math.isfinite(f) and f != value:
            if abs(f) > abs(value):
                bits32 -= 1  # toward zero (sign-magnitude encoding)
            bits32 |= 1
        # round to nearest even on the 16 dropped bits
        rounding = 0x7FFF + ((bits32 >> 16) & 1)
        return ((bits32 + rounding) >> 16) & 0xFFFF
    raise ValueError(f"unknown float kind {kind}")


def _f32_for_bf16(value: float) -> float:
    """``value`` as the nearest f32 (bf16 rounding then works on the f32 bit pattern, as LLVM's does for
    values already representable in f32); out-of-range values become infinities."""
    try:
        struct.pack("<f", value)
        return value
    except OverflowError:
        return math.copysign(math.inf, value)


def from_bits(bits: int, kind: str) -> float:
    """The value (as a Python float) of an IEEE bit pattern of format ``kind``."""
    if kind == "f64":
        return float(struct.unpack("<d", struct.pack("<Q", bits & (2**64 - 1)))[0])
    if kind == "f32":
        return float(struct.unpack("<f", struct.pack("<I", bits & 0xFFFFFFFF))[0])
    if kind == "f16":
        return float(struct.unpack("<e", struct.pack("<H", bits & 0xFFFF))[0])
    if kind == "bf16":
        return float(struct.unpack("<f", struct.pack("<I", (bits & 0xFFFF) << 16))[0])
    raise ValueError(f"unknown float kind {kind}")


def round_to(value: float, kind: str) -> float:
    """``value`` rounded to the nearest representable value of ``kind``."""
    return value if kind == "f64" else from_bits(to_bits(value, kind), kind)


def parse_decimal(text: str, kind: str) -> float:
    """Correctly rounded decimal -> ``kind`` (exact rational rounding, no double rounding through f64)."""
    v = float(text)
    if kind == "f64" or not math.isfinite(v) or v == 0.0:
        return round_to(v, kind)
    exact = Fraction(text)
    cand = round_to(v, kind)
    if not math.isfinite(cand):  # beyond the format's range: +-inf, as MLIR's APFloat rounding gives
        return cand
    # pick the nearest of cand and its neighbours against the exact rational value
    bits = to_bits(cand, kind)
    best, best_err = cand, abs(Fraction(cand) - exact)
    for nb in (bits - 1, bits + 1):
        c = from_bits(nb, kind)
        if math.isfinite(c) and (c > 0) == (cand > 0):
            err = abs(Fraction(c) - exact)
            if err < best_err or (err == best_err and nb % 2 == 0):
                best, best_err = c, err
    return best


def _decompose(value: float, kind: str) -> tuple[int, int]:
    """(significand, exp) with |value| == significand * 2**exp, significand < 2**precision."""
    _, ebits, prec = SEMANTICS[kind]
    bits = to_bits(value, kind)
    mant_bits = prec - 1
    bias = (1 << (ebits - 1)) - 1
    biased = (bits >> mant_bits) & ((1 << ebits) - 1)
    mant = bits & ((1 << mant_bits) - 1)
    if biased == 0:  # denormal
        return mant, 1 - bias - mant_bits
    return mant | (1 << mant_bits), biased - bias - mant_bits


def _adjust_to_precision(buffer: list[str], exp: int, precision: int) -> int:
    n = len(buffer)
    if n <= precision:
        return exp
    first = n - precision
    if buffer[first - 1] < "5":
        while first < n and buffer[first] == "0":
            first += 1
        exp += first
        del buffer[:first]
        return exp
    for i in range(first, n):
        if buffer[i] == "9":
            first += 1
        else:
            buffer[i] = chr(ord(buffer[i]) + 1)
            break
    if first == n:
        exp += first
        buffer[:] = ["1"]
        return exp
    exp += first
    del buffer[:first]
    return exp


def apfloat_to_string(
    value: float, kind: str, precision: int = 0, max_padding: int = 3, truncate_zero: bool = True
) -> str:
    """LLVM ``APFloat::toString(Str, FormatPrecision, FormatMaxPadding, TruncateZero)`` for finite values."""
    neg = math.copysign(1.0, value) < 0
    out = "-" if neg else ""
    if value == 0.0:
        if not max_padding:
            if truncate_zero:
                return out + "0.0E+0"
            return out + "0.0" + "0" * max(precision - 1, 0) + "e+00"
        return out + "0"
    sig, exp = _decompose(abs(value), kind)
    prec_bits = SEMANTICS[kind][2]
    if not precision:
        precision = 2 + prec_bits * 59 // 196
    tz = (sig & -sig).bit_length() - 1
    exp += tz
    sig >>= tz
    if exp > 0:
        sig <<= exp
        exp = 0
    elif exp < 0:
        sig *= 5 ** (-exp)
    # AdjustToPrecision on the APInt: drop (truncating, not rounding) the decimal digits that are surely beyond
    # the precision; the digit buffer is rounded afterwards, so a value can be truncated then rounded (as LLVM)
    bits_required = (precision * 196 + 58) // 59
    if sig.bit_length() > bits_required:
        tens = (sig.bit_length() - bits_required) * 59 // 196
        if tens:
            exp += tens
            sig //= 10**tens
    digits = str(sig)
    stripped = digits.rstrip("0")
    exp += len(digits) - len(stripped)
    buffer = list(reversed(stripped))  # least significant first, as LLVM
    exp = _adjust_to_precision(buffer, exp, precision)
    nd = len(buffer)
    if not max_padding:
        scientific = True
    elif exp >= 0:
        scientific = exp > max_padding or nd + exp > precision
    else:
        msd = exp + nd - 1
        scientific = False if msd >= 0 else (-msd) > max_padding
    if scientific:
        exp += nd - 1
        s = buffer[nd - 1] + "."
        if nd == 1 and truncate_zero:
            s += "0"
        else:
            s += "".join(reversed(buffer[: nd - 1]))
        if not truncate_zero and precision > nd - 1:
            s += "0" * (precision - nd + 1)
        s += "E" if truncate_zero else "e"
        s += "+" if exp >= 0 else "-"
        e = str(abs(exp))
        if not truncate_zero and len(e) < 2:
            e = "0" + e
        return out + s + e
    if exp >= 0:
        return out + "".join(reversed(buffer)) + "0" * exp
    whole = exp + nd
    rev = "".join(reversed(buffer))
    if whole > 0:
        return out + rev[:whole] + "." + rev[whole:]
    return out + "0." + "0" * (-whole) + rev


def format_float(value: float, kind: str) -> str:
    """MLIR's spelling of a float attribute value of type ``kind`` (``printFloatValue`` in AsmPrinter.cpp)."""
    if math.isfinite(value):
        s = apfloat_to_string(value, kind, 6, 0, False)
        if to_bits(parse_decimal(s, kind), kind) == to_bits(value, kind):
            return s
        s = apfloat_to_string(value, kind)
        if "." in s:
            return s
    total = SEMANTICS[kind][0]
    return "0x" + format(to_bits(value, kind), f"0{total // 4}X")
