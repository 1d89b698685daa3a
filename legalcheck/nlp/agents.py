"""Acts done through another person on his request (「後輩のｈに…と依頼し、ｈはこれを受けて…見張り」): what the
requested person then does for him is his act (he acts through them), so that person's later mentions take the
suspect's role. A request only suspected (「頼まれたのかは分からない」) is left to the doubt rule in reader.py."""
from __future__ import annotations

import bisect

from legalcheck.nlp import clauses as C
from legalcheck.nlp.subjects import find_subject

# lemmas of asking someone to do a thing (their passive, 「ｈは被疑者に頼まれて」, names the asked one too)
REQUEST_VERBS = frozenset({"依頼", "頼む", "指示", "命じる", "命令", "雇う", "頼み込む"})


def mark_agents(toks, roles, sents, inside) -> list[tuple[str, int]]:
    """Re-role the later mentions of a person the suspect asked to act for him; → (their mask, from token)."""
    found: list[tuple[str, int]] = []
    verbs = [t.i for t in toks if t.norm in REQUEST_VERBS]   # the sentences' words looked at: these only
    for s in sents:
        for k in verbs[bisect.bisect_left(verbs, s.lo):bisect.bisect_left(verbs, s.hi)]:
            t = toks[k]
            if inside[k] >= 0 or t.norm not in REQUEST_VERBS:
                continue
            if t.norm == "依頼" and k >= 2 and toks[k - 1].text == "の" and toks[k - 2].text == "へ" and k >= 3 \
                    and roles[k - 3] == "other" and not C.chain_negated(toks, s, k, inside):
                found.append((toks[k - 3].text, -1))   # 「Ｚへの依頼を事実と認めた」: what Ｚ did was done on his request
                continue
            if C.chain_negated(toks, s, k, inside):
                continue
            passive = C.passive_after(toks, k, s.hi)
            agent = _agent_of(toks, roles, s, k, inside, passive)
            if agent is not None:
                found.append((toks[agent].text, k))
    for name, start in found:
        for m in range(start + 1, len(toks)):
            if roles[m] == "other" and toks[m].text == name:
                roles[m] = "suspect"
    return found


def asked_person(toks, roles, s, k: int, inside) -> int | None:
    """The token of the person asked by the request verb at k (「…ｈに「…」と依頼し」), when someone else's."""
    return _agent_of(toks, roles, s, k, inside, False)


def _agent_of(toks, roles, s, k, inside, passive: bool) -> int | None:
    if passive:
        # 「ｈは、被疑者に頼まれて」: the topic is the agent when the suspect is the one who asked
        asker = next((m for m in range(k - 1, s.lo - 1, -1) if roles[m] and inside[m] < 0
                      and m + 1 < s.hi and toks[m + 1].text in ("に", "から")), None)
        if asker is None or roles[asker] != "suspect":
            return None
        return next((m for m in range(s.lo, asker) if roles[m] == "other" and inside[m] < 0
                     and m + 1 < s.hi and toks[m + 1].text in ("は", "が")), None)
    # 「被疑者は、後輩のｈ（２８歳）に現金を渡して「…」と依頼し」: the person asked, then the one who asks
    agent = None
    for m in range(k - 1, s.lo - 1, -1):
        if inside[m] >= 0 or not roles[m]:
            continue
        nxt = _after_paren(toks, m + 1, s.hi)
        if nxt < s.hi and toks[nxt].text == "に":
            agent = m
            break
    if agent is None or roles[agent] != "other":
        return None
    asker = find_subject(toks, roles, s, agent, inside)
    return agent if asker in ("suspect", None) else None


def _after_paren(toks, k: int, hi: int) -> int:
    """The token after a parenthesis that starts at k (「ｈ（２８歳）に」), else k."""
    if k < hi and toks[k].text in ("（", "("):
        depth = 0
        for m in range(k, hi):
            depth += toks[m].text in ("（", "(")
            depth -= toks[m].text in ("）", ")")
            if depth == 0:
                return m + 1
    return k


def mark_through(ctx, acts, agents: list[tuple[str, int]]) -> None:
    """An act whose subject in its sentence is the person he asked (「ｈはこれを受けて…見張り」) is done through them."""
    if not agents:
        return
    names = {name for name, _ in agents}
    toks = ctx.toks
    for a in acts:
        if a.actor != "suspect":
            continue
        k = ctx.tok_at[a.evidence.start]
        if k is None:
            continue
        s = ctx.sents[ctx.sent_of[k]]
        for m in range(k - 1, s.lo - 1, -1):
            if ctx.roles[m] == "suspect" and ctx.inside[m] < 0 and m + 1 < s.hi and toks[m + 1].text in ("は", "が"):
                if toks[m].text in names:
                    a.through = toks[m].text
                break
