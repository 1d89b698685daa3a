"""Narrative text made safe to print: a terminal obeys control characters (ESC sequences move the
cursor, clear the screen, set the clipboard; a bidi override reverses what follows), so every string
that comes from the narrative is printed with those characters escaped, visibly (「\\x1b」「\\u202e」)."""
from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls, DEL, lone surrogates, line/paragraph separators, and format characters
# (bidi embeddings/overrides/isolates/marks, zero-width characters, soft hyphen, BOM, tags).
_CF = "".join(chr(c) for c in range(0x80, 0x30000) if unicodedata.category(chr(c)) == "Cf")
_CF += "".join(chr(c) for c in range(0xE0000, 0xE0080) if unicodedata.category(chr(c)) == "Cf")
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff" + re.escape(_CF) + "]")
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff" + re.escape(_CF) + "]")
_UNSAFE_KEEP_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff" + re.escape(_CF) + "]")


def _escape(m: re.Match) -> str:
    o = ord(m.group())
    if o == 0x0A:
        return "⏎"
    if o == 0x09:
        return " "
    return f"\\x{o:02x}" if o < 0x100 else f"\\u{o:04x}"


def terminal_safe(s: str, keep_lines: bool = False) -> str:
    """``s`` with every control and format character escaped; line breaks and tabs are kept when
    ``keep_lines`` (a whole narrative), else shown as ⏎ and a space (a quote on one report line)."""
    if keep_lines:
        return _UNSAFE_KEEP_LINES.sub(_escape, s.replace("\r\n", "\n"))   # a lone CR could overwrite a line
    return _UNSAFE.sub(_escape, s)


def safe_tree(obj):
    """Every string in a JSON-like tree, made terminal-safe (for the text report)."""
    if isinstance(obj, str):
        return terminal_safe(obj)
    if isinstance(obj, dict):
        return {k: safe_tree(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [safe_tree(v) for v in obj]
    return obj


def json_safe(dumped: str) -> str:
    """A JSON text (dumped with ensure_ascii=False) with the characters a terminal would obey written
    as \\u escapes: the same JSON value, nothing raw on screen (json already escapes C0 controls)."""
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
