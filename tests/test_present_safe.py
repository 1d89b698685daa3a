"""What the presentation prints from a narrative cannot drive a terminal (legalcheck.present.safe)."""
import json

from legalcheck.present.safe import json_safe, safe_tree, terminal_safe


def test_controls_and_bidi_are_escaped_visibly():
    assert terminal_safe("✗\r✓ 充足") == "✗\\x0d✓ 充足"                 # a CR would overwrite the mark
    assert terminal_safe("\x1b[2J\x1b]52;c;ZXZp\x07") == "\\x1b[2J\\x1b]52;c;ZXZp\\x07"
    assert terminal_safe("不充足\u202e足充") == "不充足\\u202e足充"
    assert terminal_safe("\x9b2J\u2028") == "\\x9b2J\\u2028"
    assert terminal_safe("一行目\n二行目\t") == "一行目⏎二行目 "
    assert terminal_safe("一行目\r\n二行目\r", keep_lines=True) == "一行目\n二行目\\x0d"
    assert safe_tree({"a": ["\x1b", {"b": "\u200b"}], "n": 3}) == {"a": ["\\x1b", {"b": "\\u200b"}], "n": 3}


def test_json_keeps_the_value_and_shows_no_raw_control():
    value = {"text": "会って\x1b[1A\u202e\x9b話が", "n": [1, 2]}
    dumped = json_safe(json.dumps(value, ensure_ascii=False, indent=2))
    assert json.loads(dumped) == value
    assert not any(c in dumped for c in "\x1b\u202e\x9b")
