"""Who is who: the suspect, the victim, people close to her, others — from role words,
masked names bound to them (「被疑者甲」「相談者（被害者）Ｖ子」「元交際相手のＧ」) and gender words."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from legalcheck.nlp.facts import Party, Span
from legalcheck.nlp import structure as S
from legalcheck.nlp.lexicon import lexicon
from legalcheck.nlp.pipeline import Tok
from legalcheck.text import scan   # whole-text scans: the same matches, faster

# A masked or pseudonymous name: Ａ, Ｖ子, ＵＶ, 甲, 〇〇, ○○, 中村（仮名）, 山口真理 (after 「：」);
# two full-width letters are initials (「ＵＶ」「ｆｂ」) unless they are a word written in capitals (ＤＭ, ＪＲ, ＤＶ …)
_ACRONYMS = "ＤＭ|ＤＶ|ＪＲ|ＩＤ|ＰＣ|ＯＫ|ＴＶ|ＮＧ|ＡＩ|ＱＲ|ＨＰ|ＣＭ|ＡＭ|ＰＭ|ＧＷ|ＯＢ|ＯＧ|ＶＳ|ＣＤ|ＵＳ|ＪＡ|ＳＥ|ＳＰ|ＰＴ|ＢＧ|ＩＣ|ＥＣ|ＡＴ|ＭＴ|ＬＩ|ＧＰ|ＳＭ|ＤＪ|ＭＣ|ＵＲ|ＪＫ|ＯＬ"
_LETTER = (r"(?:(?<![a-zａ-ｚA-ZＡ-Ｚ])(?:[Ａ-ＺA-Zａ-ｚa-z]|(?!(?:" + _ACRONYMS + r")(?![Ａ-Ｚ]))[Ａ-Ｚ]{2}|[Ａ-Ｚａ-ｚ][ａ-ｚ])"
           r"(?:[０-９]{1,2}(?![０-９0-9年月日歳才時分回件通号条項]))?"   # 「Ｂ３さん」「Ｙ５（３０）」: a letter and a number
           r"[子男美香奈代恵江枝乃菜花里希絵]?[′″'’]?(?![a-zａ-ｚA-ZＡ-Ｚ])"
           r"|[甲乙丙丁戊己庚辛壬癸]|[〇○]{1,3}|[＊*]{2,3}|[×✕]{2,3}|[α-ωΑ-Ω])")
_PSEUDO = r"(?:[一-龥ぁ-んァ-ヶ]{1,6}（仮名）)"
_NAME = rf"(?:{_LETTER}|{_PSEUDO})"
_PAREN = r"(?:（[^）\n]{0,30}）)?"
# 対象者 alone is either party; the one an order names (禁止命令対象者), or labelled beside her (対象者：Ｘ 被害者：Ｙ), is he
SUSPECT_ROLE = (r"(?:被疑者|容疑者|相手方|加害者|行為者|(?:行為|加害)(?:生徒|児童|学生)|被告訴人|被申告者|被相談者|被通報者|(?:警告|禁止命令等?|命令)を受けた者|"
                r"(?:警告|禁止命令等?|命令)の?対象者|対象者(?=[：:][^\n：:]{1,25}(?:被害者|相談者)[：:]))")
VICTIM_ROLE = r"(?<!被)(?:被害者|被害(?:生徒|児童|学生)|相談者|申告者|申出者|申出人|通報者|告訴人|届出人)"
_REL_WORDS = (r"(?:元交際相手|交際相手|元婚約者|元夫|元妻|夫|妻|元同僚|同僚|先輩|元上司|上司|知人|隣人|元恋人|同級生|客|"
              r"長男|次男|長女|次女|息子|娘|義兄|義弟|義父|兄|弟|父|母)")
# 「相手方　　Ｖの元交際相手Ｗ」「被疑者　元夫Ｋ」: a relation may stand between the role word and the name
# 「通報者「Ｂが…」」: after a role word a quote opens her words, not a name (「相談者「Ａ子」」 is a name)
_NAME_QUOTED = rf"(?:「(?=(?:{_NAME})」))?"
_RE_SUSPECT = scan.compile(rf"{SUSPECT_ROLE}】?{_PAREN}(?:である|の)?[：:]?[ 　]*{_NAME_QUOTED}(?:(?:{_LETTER}|被害者|相談者)の)?(?:{_REL_WORDS}(?:である|の)?)?({_NAME})")
# 「相談者：美容師　Ｌ（男性）」「届出人　会社員　Ｙ・Ｔ」: an occupation may stand between the role word and the name
_OCCUPATION = r"(?:[一-龥ァ-ヶー]{1,6}[ 　]+(?=[Ａ-ＺA-Z甲乙丙丁〇○＊*×α-ω]))?"
_RE_DEPONENT = re.compile(rf"供述人[ 　：:]*({_NAME})")
_RE_ORDERED_PARTY = re.compile(rf"(?:被命令者|被警告者){_PAREN}[：:]?[ 　]*({_NAME})")
_RE_VICTIM = scan.compile(rf"{VICTIM_ROLE}】?{_PAREN}(?:である)?[：:]?[ 　]*{_OCCUPATION}{_NAME_QUOTED}({_NAME}|[一-龥]{{2,5}}(?=（))")
_RE_NICKNAME = scan.compile(rf"({SUSPECT_ROLE}|{VICTIM_ROLE})(?:[ 　：:]+「?|「)[^\s（「」、。にのはがをで]{{1,10}}」?（({_LETTER})[・、，]")
# 「Ｘ（被害者）」「ｍ（行為者、52歳）」: the role word first in the name's parentheses
_NAME_ROLE_TAIL = r"（(被害者|被疑者|相談者|行為者|相手方|加害者|被相談者|通報者|申告者)[）、，・]"
_RE_NAME_ROLE = scan.Guarded(scan.compile(rf"({_NAME}){_NAME_ROLE_TAIL}"), _NAME_ROLE_TAIL)   # few texts have the tail
_PLACE_SUFFIX = re.compile(r"駅|市|県|町|村|区|警察署|署|小学校|中学校|高校|大学|病院|医院|店|社|会社|公園|神社|温泉|ホテル|施設|センター|銀行|支店")
_RE_SHORTHAND = re.compile(r"(?:^|[\n。、　 ])([ＶＳVS])[：:](?=[^\n]{0,30}(?:歳|男|女|元|隣|同僚|客|知人))")
_RE_CONSULTANT_KIN = scan.compile(rf"(?:相談者|申告者|届出人|通報者)[：:]?[ 　]*({_NAME})の(?:母親?|父親?|姉|妹|兄|弟|祖母|祖父|夫|妻|娘|息子|長男|長女)[ 　]*({_NAME})")
_RE_CLOSE = scan.compile(rf"(?<!元)(?:新しい交際相手|現在の交際相手|婚約者|母親?|父親?|兄|姉|弟|妹|娘|息子|長女|長男|次女|次男|祖母|祖父|孫|子)(?:である|の|[：:][ 　]*)?({_LETTER})")
_RE_REL = scan.compile(rf"(?:元交際相手|元彼|元カレ|元カノ|元恋人|交際相手|元夫|元妻|妻|夫|元同僚|同僚|先輩|知人|男性|女性|男|女)(?:である|の)?(?:被疑者|被害者)?({_LETTER})")
_RE_ORDERED = scan.compile(rf"({_LETTER})(?:（[^）\n]{{0,20}}）)?に対し[、，]?[^。\n]{{0,60}}(?:禁止命令|警告)")
_RE_PROTECTED = scan.compile(rf"({_LETTER})(?:（[^）\n]{{0,20}}）)?への(?:つきまとい|接近|連絡)")
_RE_GENDER_V = scan.compile(rf"{VICTIM_ROLE}{_PAREN}")
_FEMALE = re.compile(r"女性|女子|女|妻|主婦|彼女")
_MALE = re.compile(r"男性|男子|男|夫|彼氏")


@dataclass
class Cast:
    aliases: dict = field(default_factory=dict)     # name -> role
    alias_re: scan.Words | None = None   # the names as whole words (the Ｍ of 「ＤＭ」 is no one)
    victim_sex: str = "female"
    suspect_sex: str = "male"
    parties: list = field(default_factory=list)
    char_role: dict = field(default_factory=dict)   # char offset of a name occurrence -> role


def cast(text: str) -> Cast:
    c = Cast()

    def bind(name, role, m, g=1):
        if name and name not in c.aliases:
            c.aliases[name] = role
            c.parties.append(Party(role, name, None, Span(m.start(g), m.end(g), m.group(g))))

    # 「Ｖ：７２歳女性…　Ｓ：隣家の男性」: the note-taker's shorthand, Ｖ for the victim and Ｓ for the suspect, set up
    # as the record's own entries (a line or a sentence opening 「Ｖ：」)
    for m in _RE_SHORTHAND.finditer(text):
        bind(m.group(1), "victim" if m.group(1) in ("Ｖ", "V", "ｖ", "v") else "suspect", m)
    # 「相談者：Ｙ子の母　Ｚ」: the one who consults for her daughter is close to her, and the daughter is the victim
    for m in _RE_CONSULTANT_KIN.finditer(text):
        bind(m.group(1), "victim", m, 1)
        bind(m.group(2), "close", m, 2)
    for m in _RE_NAME_ROLE.finditer(text):
        bind(m.group(1), "victim" if m.group(2) in ("被害者", "相談者", "通報者", "申告者") else "suspect", m)
    # 「対象：被命令者　Ｚ　相手方：Ｑ」: beside the one the order or warning names, 相手方 is the one it protects
    ordered = _RE_ORDERED_PARTY.search(text)
    if ordered:
        bind(ordered.group(1), "suspect", ordered)
    for m in _RE_SUSPECT.finditer(text):
        bind(m.group(1), "victim" if ordered and m.group(0).startswith("相手方") else "suspect", m)
    for m in _RE_VICTIM.finditer(text):
        bind(m.group(1), "victim", m)
    # 「被害者 ちーちゃん（Ｃ・２５歳）」「相手方「たっくん」（Ｔ・２８歳）」: a nickname, the mask in its description
    for m in _RE_NICKNAME.finditer(text):
        bind(m.group(2), "suspect" if re.match(SUSPECT_ROLE, m.group(1)) else "victim", m, 2)
    for m in _RE_CLOSE.finditer(text):
        # 「元交際相手Ｂ（３１）の母親Ｃ」: his kin, not hers
        his = _RE_HIS_KIN.search(text, max(0, m.start() - 24), m.start())
        bind(m.group(1), "other" if his and c.aliases.get(his.group(1)) != "victim" and not _victim_word(his.group(0)) else "close", m)
    # 「Ｄ（２８歳）に対し…禁止命令」: the one an order is addressed to; 「Ｅ子への…」: the one protected
    for m in _RE_ORDERED.finditer(text):
        bind(m.group(1), "suspect", m)
    for m in _RE_PROTECTED.finditer(text):
        bind(m.group(1), "victim", m)
    c.victim_sex = _victim_sex(text)
    roles = set(c.aliases.values())
    someone_elses = []
    # her former partner first (「見知らぬ女性ｕｗ…ｔｖの元交際相手ｖｘ」): the relation that makes a suspect, before a
    # person merely told by sex who comes earlier in the text
    rels = sorted(_RE_REL.finditer(text), key=lambda m: not _EX_PARTNER.match(m.group(0)))
    for m in rels:
        name = m.group(1)
        if name in c.aliases:
            continue
        owned = _RE_OWNED.search(text, max(0, m.start() - 8), m.start())
        if owned and "suspect" not in roles and _EX_PARTNER.match(m.group(0)):
            owner = re.match(_LETTER, owned.group(0))
            if owner and c.aliases.get(owner.group(0), "victim") == "victim":
                # 「男（Ｅ子の元交際相手Ｆ）」 with no one cast yet: she is the victim and her ex the suspect
                bind(owner.group(0), "victim", owned, 0)
                bind(name, "suspect", m)
                roles = set(c.aliases.values())
                continue
        if owned:
            someone_elses.append(m)   # 「Ａの同僚Ｄ」: a person of someone else's circle, not the suspect
            continue
        if "被疑者" in m.group(0):
            bind(name, "suspect", m)
        elif "被害者" in m.group(0):
            bind(name, "victim", m)
        elif _rel_sex(m.group(0)) and "victim" not in roles and "suspect" not in roles:
            bind(name, "victim" if _rel_sex(m.group(0)) == c.victim_sex else "suspect", m)
        elif name.endswith("子") and "victim" not in roles:
            bind(name, "victim", m)   # 「Ｅ子」: a masked woman's name
        elif "suspect" not in roles:
            bind(name, "suspect", m)
        elif "victim" not in roles:
            bind(name, "victim", m)
        roles = set(c.aliases.values())

    # 「供述調書（抜粋）　供述人　Ｖ子（２９歳）」: in a statement told in the first person about him, the one who
    # states is she (a witness's or his own statement says so in its title)
    deponent = _RE_DEPONENT.search(text)
    if deponent and "victim" not in set(c.aliases.values()) and _FIRST_PERSON.search(text) \
            and S.narrator(text) not in ("suspect", "other"):
        bind(deponent.group(1), "victim", deponent)
    _bind_unbound_masks(text, c, bind)
    for m in someone_elses:
        bind(m.group(1), "other", m)

    if "suspect" not in c.aliases.values():
        # 「私は、姉の夫である義兄のＢ′のことでお話しします」: the relative the statement is about is the other party
        for name, role in list(c.aliases.items()):
            if role == "close" and re.search(re.escape(name) + r"(?:さん|氏)?のことで", text):
                c.aliases[name] = "suspect"
                c.parties = [Party("suspect", p.text, p.relation, p.evidence) if p.text == name else p for p in c.parties]
                break
    c.suspect_sex = "female" if c.victim_sex == "male" else "male"
    if _SUSPECT_FEMALE.search(text):
        c.suspect_sex = "female"
        if not re.search(r"女性被害者|被害女性|被害者（[^）]*女", text):
            c.victim_sex = "male"
    elif _SUSPECT_MALE.search(text):
        c.suspect_sex = "male"
    if c.aliases:
        names = sorted(c.aliases, key=len, reverse=True)
        # a mask is a whole name: the Ｍ of 「ＤＭ」 or 「ＳＭＳ」 is no one
        c.alias_re = scan.Words(names, _LATIN, _LATIN_OR_PRIME)
    return c


# the suspect's sex told beside his role word (compiled once: the role words start no literal, so re
# tries them at every position; built per call, the pattern string was hashed for re's cache each time)
_SUSPECT_FEMALE = scan.compile(rf"{SUSPECT_ROLE}(?:の|（[^）]{{0,8}})?(女|女性)")
_SUSPECT_MALE = scan.compile(rf"{SUSPECT_ROLE}(?:の|（[^）]{{0,8}})?(男|男性)")
_LATIN = re.compile(r"[a-zａ-ｚA-ZＡ-Ｚ]")
_LATIN_OR_PRIME = re.compile(r"[a-zａ-ｚA-ZＡ-Ｚ′″]")


_EX_PARTNER = re.compile(r"元交際相手|元夫|元妻|元彼|元カレ|元恋人|元婚約者")
_RE_HIS_KIN = re.compile(rf"(?:{_EX_PARTNER.pattern}|被疑者|相手方|加害者|行為者)({_LETTER})?(?:（[^）\n]{{0,20}}）)?の$")


def _victim_word(s: str) -> bool:
    return bool(re.search(VICTIM_ROLE, s))


_RE_OWNED = re.compile(rf"(?:{_LETTER}|被害者|相談者|被疑者|相手方)の$")
# a masked name standing as a person: followed by a particle, a parenthesis or a space
_RE_MASK_MENTION = scan.compile(rf"(?<![Ａ-Ｚa-zA-Zａ-ｚ])({_LETTER})(?=[はがのにをへともや、（(\s　方宅]|から|より|自身|本人|さん|氏|君|くん|ちゃん)")
_FIRST_PERSON = scan.compile(r"(?<![「『])(私|わたし|自分)(は|が|の|に|も)(?![^「」\n]{0,60}」)")   # not inside someone's words


def _bind_unbound_masks(text: str, c: Cast, bind) -> None:
    """Masked names no role word introduced: when the record names one party (「相手方Ｂ」) and speaks of
    another masked person again and again (「Ａは…」), the most mentioned one is the other party;
    the rest are other people (a friend Ｅ, a colleague Ｄ)."""
    counts: dict[str, list] = {}
    for m in _RE_MASK_MENTION.finditer(text):
        if m.group(1) not in c.aliases:
            counts.setdefault(m.group(1), []).append(m)
    if not counts:
        return
    roles = set(c.aliases.values())
    ranked = sorted(counts.items(), key=lambda kv: (-len(kv[1]), kv[1][0].start()))
    main = {"victim", "suspect"} & roles
    if len(main) == 2:
        for name, ms in ranked:
            # both parties named: any other masked name is someone else — close to her when its description
            # says so (「関係者　Ｍ（４２歳・男性、相談者の現在の交際相手）」) — unless it stands on a party's own line
            # (「相手方　視聴者アカウント「ｂｂ」（…Ｃ男、28歳）」: his account name is him)
            own = _party_line(text, text.find(name))
            bind(name, own or ("close" if _described_close(text, ms[0].end()) else "other"), ms[0])
        return
    if not main and _FIRST_PERSON.search(text) and len(ranked[0][1]) >= 2:
        # 「私は、…Ｎさんから交際を申し込まれ」: a first-person statement names the other party by a mask;
        # whose statement it is (its title) says which party that is
        name, ms = ranked.pop(0)
        bind(name, "victim" if S.narrator(text) == "suspect" else "suspect", ms[0])
        for name, ms in ranked:
            bind(name, _party_line(text, text.find(name)) or "other", ms[0])
        return
    if len(main) != 1:
        return   # with neither party named, role words and relations decide (the reader's default reading)
    missing = ({"victim", "suspect"} - main).pop()
    if len(ranked[0][1]) >= 2:
        name, ms = ranked.pop(0)
        bind(name, missing, ms[0])
        for name, ms in ranked:
            bind(name, _party_line(text, text.find(name)) or "other", ms[0])


_ROLE_LINE = re.compile(rf"[ 　・【]*(?:({SUSPECT_ROLE})|({VICTIM_ROLE}))")


def _party_line(text: str, pos: int) -> str | None:
    """The party whose heading line (「相手方　…」「相談者　…」) the position stands on, if any."""
    m = _ROLE_LINE.match(text, text.rfind("\n", 0, pos) + 1)
    if m is None or m.end() > pos or _RE_MASK_MENTION.search(text, m.end(), pos):
        return None   # 「相談者：Ｏ（…）※交際相手Ｐ子同席」: only the line's first name is its party
    return "suspect" if m.group(1) else "victim"


_CLOSE_DESC = re.compile(r"（[^）\n]{0,40}?(?:相談者|被害者|[Ａ-Ｚ][子男美香奈]?)の(?:現在の交際相手|新しい交際相手|交際相手|婚約者|夫|妻|"
                         r"母|父|兄|姉|弟|妹|長男|長女|次男|次女|息子|娘|祖母|祖父|同居人)")


def _described_close(text: str, end: int) -> bool:
    return bool(_CLOSE_DESC.match(text, end))


# 「路地を男が行ったり来たりしているのを見た。暗くて顔は分からず」: a man she could not identify
_FACE_UNSEEN = re.compile(r"顔(は|が|も)(はっきり|よく)?(分から|わから|見えな|確認でき|よく見え|見ていな|見ていませ|見てな)|"
                          r"同じ(人|男|人物)(かどうか|か)は?(分から|わから)|誰(か|なの)(は|か)?(分から|わから|分かって(い|お)ない|不明|特定され(て(い|お))?ない)")
_UNIDENTIFIED = re.compile(r"(不審な|見知らぬ|知らない|見覚えのない|面識のない|正体不明の|氏名不詳の|謎の|顔を隠した|覆面の|帽子を深くかぶった|"
                           r"顔の(分から|わから|見えな)い)[^。、]{0,4}$")
_RE_DESC = re.compile(r"[ 　：:]?(?:[^（）\s、。]{1,8}（仮名）|(?:[^（）\s、。はが：:]{1,6}[ 　]+)?[^（）\s、。はが]{0,6})((?:（[^（）\n]{0,40}）)+)")


def _descriptions(text: str, start: int) -> str:
    """「相談者 岩田（仮名）（50代男性、…）」: the role word and the parentheses right after it."""
    m = _RE_DESC.match(text, start + 3)
    return text[start:start + 3] + (m.group(1) if m else "")


def _victim_sex(text: str) -> str:
    """「相談者（24歳・女性）」「男性被害者」「被害者（30歳女性）」: her description; female unless told."""
    for m in _RE_GENDER_V.finditer(text):
        before = re.search(r"(男性|女性|男子|女子)の?$", text[max(0, m.start() - 4):m.start()])
        window = (before.group(0) if before else "") + _descriptions(text, m.start())
        sex = re.search(r"男性|女性|男子|女子", window)
        if sex:
            return "male" if sex.group(0).startswith("男") else "female"
    return "female"


def _rel_sex(phrase: str) -> str | None:
    if re.match(r"元?妻|女性|女|元カノ|彼女", phrase):
        return "female"
    if re.match(r"元?夫|男性|男|彼氏|元彼", phrase):
        return "male"
    return None


_WORDS_CACHE: dict = {}


def _person_words(lex: dict) -> frozenset:
    """Every word that can name a person (a quick first test for each token)."""
    key = id(lex)
    if key not in _WORDS_CACHE:
        words = set().union(*lex.values())
        words |= {w[1:] for w in words if w.startswith("元")}
        words |= {"被害女性", "被害男性", "自身", "本人", "交際相手"}
        _WORDS_CACHE[key] = frozenset(words)
    return _WORDS_CACHE[key]


def token_roles(toks: list[Tok], text: str, c: Cast) -> list[str | None]:
    """Per token: the role of the person it mentions, or None."""
    lex = lexicon().parties
    roles: list[str | None] = [None] * len(toks)
    if c.alias_re is not None:
        spans = [(s, e, c.aliases[w]) for s, e, w in c.alias_re.finditer(text)
                 if not (w[0] in "〇○" and _PLACE_SUFFIX.match(text, e))]   # 「〇〇駅」 is a place
        # each token the name overlapping it takes that name's role (the first name, if two do):
        # looked up per name, by bisection of the tokens' starts, not per token
        starts = [t.start for t in toks]
        for s, e, role in spans:
            k = max(0, bisect.bisect_right(starts, s) - 1)
            while k < len(toks) and toks[k].start < e:
                if roles[k] is None and toks[k].end > s:
                    roles[k] = role
                k += 1
    _compound_role_words(toks, text, roles, lex)
    named = {i for i, r in enumerate(roles) if r}
    male_role = "suspect" if c.suspect_sex == "male" else ("victim" if c.victim_sex == "male" else None)
    # 「男の人が…見ていました。…男の人は４０歳くらいで…顔ははっきり見ていません」: once the teller says she could not
    # identify the man, every bare mention of him is of that unidentified man (when a suspect is named: where the
    # 相手方 is himself 「氏名不詳の男」, that man is the suspect)
    male_words = lex["male_words"]
    if male_role == "suspect" and "suspect" in c.aliases.values() and any(_FACE_UNSEEN.search(text[t.end:t.end + 80])
                                                                          for t in toks if t.text in male_words):
        male_role = "unknown"
    female_role = "suspect" if c.suspect_sex == "female" else ("victim" if c.victim_sex == "female" else None)
    words = _person_words(lex)
    suspect_relations = _suspect_relations(toks, roles, lex) if "suspect" in c.aliases.values() else None
    his_kin: set = set()
    her_kin: set = set()
    # the words that may name a person and have no role yet (the loop sets only the role of its own word)
    for t in [t for t in toks if not roles[t.i] and (t.text in words or t.norm in words or t.fold in words)]:
        n = t.fold
        nxt = toks[t.i + 1].text if t.i + 1 < len(toks) else ""
        prev = toks[t.i - 1].text if t.i > 0 else ""
        if t.text in lex["suspect_words"] or t.norm in lex["suspect_words"]:
            roles[t.i] = "suspect"
        elif t.text in lex["victim_words"] or n in ("被害女性", "被害男性"):
            roles[t.i] = "victim"
        elif t.text in ("自身", "本人") and t.i > 0 and roles[t.i - 1]:
            roles[t.i] = roles[t.i - 1]
        elif t.text == "交際相手" and prev in ("新しい", "現在の", "今の"):
            roles[t.i] = "close"
        elif t.text in lex["close_words"] and nxt not in ("宅", "方") and prev != "元" and not (
                t.text == "子" and t.i > 0 and (toks[t.i - 1].pos in ("NOUN", "PROPN") or prev.isascii())):
            # kinship is a relation: 「被申告者Ｈの母」 is his mother, someone else, and so is a later bare 「母」
            owner = roles[t.i - 2] if prev == "の" and t.i > 1 else None
            if owner == "suspect":
                his_kin.add(t.text)
            elif owner in ("victim", "close"):
                her_kin.add(t.text)
            roles[t.i] = "other" if owner == "suspect" or (
                owner is None and t.text in his_kin and t.text not in her_kin) else "close"
        elif t.text in lex["suspect_relations"] or (prev == "元" and "元" + t.text in lex["suspect_relations"]) or (
                prev == "元" and t.text in lex["close_words"]):
            # 「相手方ｙ（元婚約者）…ｘ子の同僚から聞いた」: a relation that is not the named suspect's is someone else
            roles[t.i] = "other" if _someone_elses_relation(toks, roles, t, suspect_relations) else "suspect"
        elif t.text in lex["other_words"]:
            roles[t.i] = "other"
        elif prev in ("（", "(") and t.i > 1 and (t.text in lex["male_words"] or t.text in lex["female_words"]):
            roles[t.i] = roles[t.i - 2]   # 「Ｅ（女性）」: a description of the person just named
        elif (t.text in lex["male_words"] or t.text in lex["female_words"]) and (_UNIDENTIFIED.search(
                text[max(0, t.start - 14):t.start]) or _FACE_UNSEEN.search(text[t.end:t.end + 60].split("\n")[0])):
            roles[t.i] = "unknown"   # 「顔を隠した男」「見知らぬ女」: someone not identified
        elif t.text in ("男", "男性", "女", "女性") and prev == "の" and t.i > 1 \
                and roles[t.i - 2] is None and toks[t.i - 2].pos == "NOUN" and "suspect" in c.aliases.values():
            roles[t.i] = "unknown"   # 「運転席の男」「自転車の男」: the named suspect would be named; this man is not
        elif t.text in lex["male_words"] and male_role:
            roles[t.i] = male_role
        elif t.text in lex["female_words"] and female_role:
            roles[t.i] = female_role
    _described_by_name(toks, roles, named if c.alias_re is not None else set())
    for k in [t.i for t in toks if t.text in ("人", "方") and t.i >= 2]:
        if toks[k - 1].text == "の" and roles[k - 2] and roles[k] is None and toks[k - 2].text in ("男", "女"):
            roles[k] = roles[k - 2]   # 「男の人が」: the person is the man named just before
    last = None
    for t in toks:
        if t.text in ("同人", "同女", "同男") and roles[t.i] is None and last is not None:
            roles[t.i] = last   # 「②同月１５日　同人「また無言電話」」: the person just named
        elif roles[t.i]:
            last = roles[t.i]
    return roles


_COMPOUND_CACHE: dict = {}


def _compound_role_words(toks, text: str, roles, lex) -> None:
    """Role words Sudachi splits (告訴人 → 告訴+人, 被告訴人 → 被+告訴+人): matched on the text, longest first."""
    key = id(lex)
    if key not in _COMPOUND_CACHE:
        words = [(w, "suspect") for w in lex["suspect_words"]] + [(w, "victim") for w in lex["victim_words"]]
        words.sort(key=lambda x: -len(x[0]))
        _COMPOUND_CACHE[key] = (re.compile("|".join(re.escape(w) for w, _ in words)), dict(words))
    rx, role_of = _COMPOUND_CACHE[key]
    by_start = {t.start: t.i for t in toks}
    for m in rx.finditer(text):
        i = by_start.get(m.start())
        if i is None or toks[i].end >= m.end():
            continue   # a single token: read as a word below
        k = i
        while k < len(toks) and toks[k].end <= m.end():
            if not roles[k]:
                roles[k] = role_of[m.group(0)]
            k += 1


def _suspect_relations(toks, roles, lex) -> set:
    """The relation words told of the named suspect: 「同僚のＢ」「相手方Ｂ（元交際相手）」「Ｂは相談者の元上司で」."""
    rel = set(lex["suspect_relations"]) | set(lex["close_words"])
    out = set()
    for t in [t for t in toks if roles[t.i] == "suspect" and t.text not in rel]:
        k = t.i - 1
        if k >= 0 and toks[k].text in ("の", "である"):
            k -= 1
        if k >= 0 and toks[k].text in rel:
            out.add(toks[k].text)
        j = t.i + 2 if t.i + 2 < len(toks) and toks[t.i + 1].text == "」" else t.i + 1   # 「相手方：「Ｎ」（…）」
        if j < len(toks) and toks[j].text in ("（", "(", "は"):
            desc = ""
            for k in range(j + 1, min(len(toks), j + 19)):
                if toks[k].text in ("「", "。", "、", "）", ")", "\n"):
                    break
                if toks[k].text in rel:
                    out.add(toks[k].text)
                desc += toks[k].text
            # 「Ｅ（34歳・元交際相手）」: Sudachi may split the relation (元+交際+相手)
            out.update(w for w in rel if len(w) > 1 and w in desc)
    return out


def _someone_elses_relation(toks, roles, t, suspect_relations) -> bool:
    """With the suspect named, a relation word he was never given, or one owned by her (「ｘ子の同僚」),
    names another person."""
    if suspect_relations is None:
        return False
    owned_by_her = t.i >= 2 and toks[t.i - 1].text == "の" and roles[t.i - 2] in ("victim", "close")
    # 「ｘ子の同僚」 is someone else unless the suspect was given that relation; a bare 「同僚」 only when
    # the suspect was given another one
    return t.text not in suspect_relations and (owned_by_her or bool(suspect_relations))


def _described_by_name(toks, roles, named: set) -> None:
    """「Ｂ子に似た女性（…通行人Ｄ子・２５歳）」: a person word whose parentheses name someone is that person."""
    n = len(toks)
    # a person word right before a parenthesis (the loop changes only the role of its own word)
    for t in [t for t in toks if roles[t.i] and t.i + 1 < n and toks[t.i + 1].text in ("（", "(") and t.i not in named]:
        last = None   # the name the description ends on (「Ｂ子とは面識のない通行人Ｄ子」: Ｄ子)
        for k in range(t.i + 2, min(len(toks), t.i + 20)):
            if toks[k].text in ("）", ")"):
                break
            if k in named and not (k + 1 < len(toks) and toks[k + 1].text in ("と", "に", "の", "から")):
                last = k
        if last is not None:
            roles[t.i] = roles[last]
