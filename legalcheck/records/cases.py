"""The service functions of the case records: what the API, the pages and the CLI call.

`Records` ties the database, the cipher and the settings together. Every method takes the acting
`Actor`, checks the role's permission (a refusal is itself audited), runs in one transaction and
appends its audit entry in that same transaction. Analyses are computed by the caller (the server
runs them in its analysis processes) and handed in; they are stored with the exact narrative and
request, the legalcheck and data versions that produced them, and are shown later as saved.
"""
from __future__ import annotations

import re
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError

import legalcheck
from legalcheck.records import audit, followup
from legalcheck.records.audit import Actor
from legalcheck.records.config import RecordSettings, get_record_settings
from legalcheck.records.crypto import Cipher
from legalcheck.records.db import Database, database
from legalcheck.records.diff import analysis_diff
from legalcheck.records.errors import Conflict, Forbidden, InvalidRecord, NotFound, RecordError
from legalcheck.records.models import Analysis, Case, Contact, Narrative, Order, Party, Task, utcnow
from legalcheck.records.users import require
from legalcheck.inputs import japan_today

STATUSES = ("open", "closed")
PARTY_ROLES = {"victim": "被害者", "suspect": "被疑者（行為者）", "close_person": "密接関係者", "reporter": "相談者・届出人",
               "other": "その他"}
_NUMBER = re.compile(r"^[\w\-－ー/・（）()第号年]{1,64}$")
COMBINED_SEPARATOR = "\n\n"


class Records:
    def __init__(self, settings: RecordSettings | None = None, db: Database | None = None):
        self.settings = settings or get_record_settings()
        self.db = db or database(self.settings)
        self.cipher = Cipher(self.settings.encryption_keys)

    # ------------------------------------------------------------ access

    def allow(self, actor: Actor, permission: str, case_id: int | None = None) -> None:
        try:
            require(actor.role, permission)
        except Forbidden:
            with self.db.session() as s:
                audit.record(s, actor, permission, outcome="denied", case_id=case_id)
            raise

    def _case(self, s, actor: Actor, case_id: int, action: str, lock: bool = False) -> Case:
        q = select(Case).where(Case.id == case_id)
        case = s.scalar(q.with_for_update() if lock else q)
        if case is None:
            raise NotFound("その事件はありません（削除されたか、番号が違います）", "no such case", field="case_id")
        return case

    def _missing(self, actor: Actor, action: str, case_id: int) -> None:
        with self.db.session() as s:
            audit.record(s, actor, action, outcome="not_found", case_id=case_id)

    def _run(self, actor: Actor, action: str, case_id: int | None, fn):
        """fn(session) in one transaction. A refusal (missing case, invalid input, conflict, storage
        failure) rolls the transaction back, its own audit entry is then written apart."""
        try:
            with self.db.session() as s:
                return fn(s)
        except NotFound:
            if case_id is not None:
                self._missing(actor, action, case_id)
            raise
        except RecordError as exc:
            try:
                self.note(actor, action, "refused", case_id, f"code={exc.code} field={exc.field or ''}")
            except RecordError:
                pass   # the database itself is what failed: the error says so
            raise

    def key_role(self, token: str) -> tuple[str, str] | None:
        """(role, label) of an API key kept in the database, or None (also when the database is unreachable)."""
        from legalcheck.records.users import api_key_role

        try:
            with self.db.session() as s:
                return api_key_role(s, token)
        except Exception:  # noqa: BLE001 - an unusable database accepts no stored key
            return None

    def note(self, actor: Actor, action: str, outcome: str, case_id: int | None = None, detail: str | None = None) -> None:
        """An audit entry for an access refused before any service ran (no or a wrong key, no login)."""
        with self.db.session() as s:
            audit.record(s, actor, action, outcome=outcome, case_id=case_id, detail=detail)

    # ------------------------------------------------------------ cases

    def create_case(self, actor: Actor, number: str, title: str, parties: list[dict] = (), status: str = "open") -> dict:
        self.allow(actor, "case.create")
        number, title = (number or "").strip(), (title or "").strip()

        def go(s):
            self.cipher.check()
            _check_case(number, title, status, parties)
            if s.scalar(select(Case.id).where(Case.number == number)) is not None:
                raise Conflict("number: その事件番号は既に登録されています", "number: a case with this number exists",
                               field="number", code="exists")
            case = Case(number=number, title=title, status=status, created_by=actor.name, revision=0, narrative_count=0)
            s.add(case)
            s.flush()
            for p in parties or ():
                s.add(Party(case_id=case.id, role=p["role"], label_enc=self.cipher.seal(p.get("label") or None),
                            details_enc=self.cipher.seal(p.get("details") or None)))
            audit.record(s, actor, "case.create", case=case, detail=f"parties={len(parties or ())}")
            return self._summary(case)
        try:
            return self._run(actor, "case.create", None, go)
        except IntegrityError:   # the same number created at the same moment by another worker
            raise Conflict("number: その事件番号は既に登録されています", "number: a case with this number exists",
                           field="number", code="exists") from None

    def list_cases(self, actor: Actor, q: str | None = None, status: str | None = None, limit: int = 200) -> list[dict]:
        self.allow(actor, "case.list")

        def go(s):
            query = select(Case).order_by(Case.updated_at.desc(), Case.id.desc()).limit(limit)
            if status in STATUSES:
                query = query.where(Case.status == status)
            if q and q.strip():
                like = "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                query = query.where(or_(Case.number.like(like, escape="\\"), Case.title.like(like, escape="\\")))
            rows = [self._summary(c) for c in s.scalars(query)]
            audit.record(s, actor, "case.list", detail=f"search={'yes' if q else 'no'} status={status or 'any'} results={len(rows)}")
            return rows
        return self._run(actor, "case.list", None, go)

    def get_case(self, actor: Actor, case_id: int, today: date | None = None) -> dict:
        self.allow(actor, "case.read", case_id)
        today = today or japan_today()

        def go(s):
            case = self._case(s, actor, case_id, "case.read")
            out = self._summary(case)
            out["parties"] = [{"id": p.id, "role": p.role, "role_label": PARTY_ROLES.get(p.role, p.role),
                               "label": self.cipher.open(p.label_enc), "details": self.cipher.open(p.details_enc)}
                              for p in case.parties]
            out["narratives"] = [{"id": n.id, "seq": n.seq, "text": self.cipher.open(n.text_enc),
                                  "received_on": n.received_on.isoformat() if n.received_on else None,
                                  "created_at": n.created_at.isoformat(), "created_by": n.created_by}
                                 for n in case.narratives]
            out["analyses"] = [self._analysis_meta(a) for a in
                               s.scalars(select(Analysis).where(Analysis.case_id == case.id).order_by(Analysis.id))]
            out["tasks"] = [followup.task_dict(t, today) for t in
                            s.scalars(select(Task).where(Task.case_id == case.id).order_by(Task.due_on, Task.id))]
            out["contacts"] = [self._contact(c) for c in
                               s.scalars(select(Contact).where(Contact.case_id == case.id).order_by(Contact.id))]
            out["orders"] = [self._order(o) for o in
                             s.scalars(select(Order).where(Order.case_id == case.id).order_by(Order.ordered_on, Order.id))]
            audit.record(s, actor, "case.read", case=case)
            return out
        return self._run(actor, "case.read", case_id, go)

    def set_status(self, actor: Actor, case_id: int, status: str) -> dict:
        self.allow(actor, "case.update", case_id)
        if status not in STATUSES:
            raise InvalidRecord("status: open か closed です", "status: open or closed", field="status", code="invalid")

        def go(s):
            case = self._case(s, actor, case_id, "case.update", lock=True)
            case.status, case.revision, case.updated_at = status, case.revision + 1, utcnow()
            audit.record(s, actor, "case.update", case=case, detail=f"status={status}")
            return self._summary(case)
        return self._run(actor, "case.update", case_id, go)

    def delete_case(self, actor: Actor, case_id: int, reason: str = "") -> dict:
        """Deletion on request: the case and all it holds go; every audit entry about it stays."""
        self.allow(actor, "case.delete", case_id)

        def go(s):
            case = self._case(s, actor, case_id, "case.delete", lock=True)
            n = case.narrative_count
            audit.record(s, actor, "case.delete", case=case,
                         detail=f"narratives={n} reason_given={'yes' if reason.strip() else 'no'}")
            number = case.number
            s.delete(case)
            return {"id": case_id, "number": number, "deleted": True}
        return self._run(actor, "case.delete", case_id, go)

    # ------------------------------------------------------------ narratives and analyses

    def add_narrative(self, actor: Actor, case_id: int, request: dict, analysis: dict,
                      received_on: date | None = None) -> dict:
        """Saves the narrative exactly as sent, the request, the analysis and the versions, and plans
        the follow-up tasks, all in one transaction (a killed process leaves all of it or none)."""
        self.allow(actor, "narrative.add", case_id)
        self.cipher.check()

        def go(s):
            case = self._case(s, actor, case_id, "narrative.add", lock=True)
            case.narrative_count += 1
            case.revision += 1
            case.updated_at = utcnow()
            n = Narrative(case_id=case.id, seq=case.narrative_count, text_enc=self.cipher.seal(request["narrative"]),
                          received_on=received_on, created_by=actor.name)
            s.add(n)
            s.flush()
            a = self._save_analysis(s, case, n.id, "narrative", request, analysis, actor)
            tasks = followup.plan_from_analysis(s, case, analysis)
            audit.record(s, actor, "narrative.add", case=case,
                         detail=f"narrative={n.seq} analysis={a.id} chars={len(request['narrative'])} tasks={len(tasks)}")
            return {"case_id": case.id, "narrative_id": n.id, "seq": n.seq, "analysis_id": a.id,
                    "tasks_planned": len(tasks), "revision": case.revision}
        return self._run(actor, "narrative.add", case_id, go)

    def _save_analysis(self, s, case: Case, narrative_id, scope: str, request: dict, analysis: dict, actor: Actor):
        law = analysis.get("law") or {}
        a = Analysis(case_id=case.id, narrative_id=narrative_id, scope=scope, request_enc=self.cipher.seal_json(request),
                     result_enc=self.cipher.seal_json(analysis),
                     legalcheck_version=str(law.get("legalcheck_version") or legalcheck.__version__)[:32],
                     data_version=str(law.get("data_version") or "")[:80],
                     risk_level=((analysis.get("risk") or {}).get("level") or None), created_by=actor.name)
        s.add(a)
        s.flush()
        return a

    def get_analysis(self, actor: Actor, case_id: int, analysis_id: int) -> dict:
        """An analysis as it was saved (whatever the law data says today)."""
        self.allow(actor, "case.read", case_id)

        def go(s):
            case = self._case(s, actor, case_id, "analysis.read")
            a = s.get(Analysis, analysis_id)
            if a is None or a.case_id != case.id:
                raise NotFound("その分析はこの事件にありません", "no such analysis in this case", field="analysis_id")
            audit.record(s, actor, "analysis.read", case=case, detail=f"analysis={a.id}")
            return {**self._analysis_meta(a), "request": self.cipher.open_json(a.request_enc),
                    "analysis": self.cipher.open_json(a.result_enc)}
        return self._run(actor, "analysis.read", case_id, go)

    def combined_request(self, actor: Actor, case_id: int) -> dict:
        """The request for a re-analysis: every narrative in order, the measures of all requests and orders."""
        self.allow(actor, "case.reanalyse", case_id)

        def go(s):
            case = self._case(s, actor, case_id, "case.reanalyse")
            if not case.narratives:
                raise InvalidRecord("この事件にはまだ記述がありません", "this case has no narrative yet",
                                    field="narratives", code="empty")
            measures: list[dict] = []
            for a in s.scalars(select(Analysis).where(Analysis.case_id == case.id, Analysis.scope == "narrative")):
                measures += self.cipher.open_json(a.request_enc).get("prior_measures") or []
            for o in s.scalars(select(Order).where(Order.case_id == case.id, Order.parent_id.is_(None))):
                measures.append({"kind": o.kind, "date": o.ordered_on.isoformat()})
            unique = list({(m.get("kind"), m.get("date")): m for m in measures}.values())
            text = COMBINED_SEPARATOR.join(self.cipher.open(n.text_enc) for n in case.narratives)
            audit.record(s, actor, "narratives.read", case=case,
                         detail=f"for=reanalyse narratives={len(case.narratives)}")
            return {"narrative": text, "incident_date": None, "prior_measures": unique}
        return self._run(actor, "case.reanalyse", case_id, go)

    def save_reanalysis(self, actor: Actor, case_id: int, request: dict, analysis: dict) -> dict:
        """Saves the analysis of the combined narratives and what changed since the previous one."""
        self.allow(actor, "case.reanalyse", case_id)
        self.cipher.check()

        def go(s):
            case = self._case(s, actor, case_id, "case.reanalyse", lock=True)
            prev = s.scalar(select(Analysis).where(Analysis.case_id == case.id, Analysis.scope == "combined")
                            .order_by(Analysis.id.desc()).limit(1))
            prev = prev or s.scalar(select(Analysis).where(Analysis.case_id == case.id).order_by(Analysis.id.desc()).limit(1))
            before = self.cipher.open_json(prev.result_enc) if prev else None
            a = self._save_analysis(s, case, None, "combined", request, analysis, actor)
            tasks = followup.plan_from_analysis(s, case, analysis)
            case.revision += 1
            case.updated_at = utcnow()
            changes = analysis_diff(before, analysis)
            audit.record(s, actor, "case.reanalyse", case=case,
                         detail=f"analysis={a.id} against={prev.id if prev else 'none'} tasks={len(tasks)}")
            return {"analysis_id": a.id, "compared_with": prev.id if prev else None, "changes": changes,
                    "tasks_planned": len(tasks)}
        return self._run(actor, "case.reanalyse", case_id, go)

    # ------------------------------------------------------------ follow-up

    def record_contact(self, actor: Actor, case_id: int, form: dict) -> dict:
        self.allow(actor, "contact.add", case_id)

        def go(s):
            self.cipher.check()
            data = followup.check_contact(form)
            case = self._case(s, actor, case_id, "contact.add", lock=True)
            c = Contact(case_id=case.id, task_id=form.get("task_id"), contacted_on=data["contacted_on"],
                        means=data["means"], reached=data["reached"], items_enc=self.cipher.seal_json(data["items"]),
                        recidivism=data["recidivism"], retaliation=data["retaliation"],
                        risk_note_enc=self.cipher.seal(data["risk_note"]), decision=data["decision"],
                        stop_reason=data["stop_reason"], victim_informed=data["victim_informed"],
                        reason_enc=self.cipher.seal(data["reason"]), created_by=actor.name)
            s.add(c)
            s.flush()
            followup.close_tasks_for_contact(s, case, c, form.get("task_id"))
            case.revision += 1
            case.updated_at = utcnow()
            audit.record(s, actor, "contact.add", case=case, detail=f"contact={c.id} decision={c.decision}")
            return self._contact(c)
        return self._run(actor, "contact.add", case_id, go)

    def record_extension(self, actor: Actor, case_id: int, order_id: int, extended_on: date) -> dict:
        self.allow(actor, "order.extend", case_id)

        def go(s):
            case = self._case(s, actor, case_id, "order.extend", lock=True)
            ext, tasks = followup.record_extension(s, case, order_id, extended_on)
            case.revision += 1
            case.updated_at = utcnow()
            audit.record(s, actor, "order.extend", case=case, detail=f"order={order_id} extension={ext.id} tasks={len(tasks)}")
            return {"order": self._order(ext), "tasks": [followup.task_dict(t, japan_today()) for t in tasks]}
        return self._run(actor, "order.extend", case_id, go)

    def due_contacts(self, actor: Actor, today: date | None = None, window_days: int | None = None) -> list[dict]:
        self.allow(actor, "due.read")
        today = today or japan_today()
        window = self.settings.due_window_days if window_days is None else window_days

        def go(s):
            rows = [{**followup.task_dict(t, today), "case_id": c.id, "case_number": c.number, "case_title": c.title}
                    for t, c in followup.due(s, today, window)]
            audit.record(s, actor, "due.read", detail=f"window={window} results={len(rows)}")
            return rows
        return self._run(actor, "due.read", None, go)

    def audit_log(self, actor: Actor, case_id: int | None = None, limit: int = 500) -> list[dict]:
        self.allow(actor, "audit.read", case_id)

        def go(s):
            rows = [audit.as_dict(e) for e in audit.entries(s, case_id=case_id, limit=limit)]
            audit.record(s, actor, "audit.read", case_id=case_id, detail=f"results={len(rows)}")
            return rows
        return self._run(actor, "audit.read", None, go)

    def rotate_keys(self) -> int:
        """Re-encrypts every stored value with the first configured key (README: key rotation)."""
        self.cipher.check()
        columns = {Party: ("label_enc", "details_enc"), Narrative: ("text_enc",), Analysis: ("request_enc", "result_enc"),
                   Contact: ("items_enc", "risk_note_enc", "reason_enc")}
        n = 0
        with self.db.session() as s:
            for model, names in columns.items():
                for row in s.scalars(select(model)):
                    for name in names:
                        setattr(row, name, self.cipher.rotate(getattr(row, name)))
                    n += 1
        return n

    # ------------------------------------------------------------ shapes

    @staticmethod
    def _summary(c: Case) -> dict:
        return {"id": c.id, "number": c.number, "title": c.title, "status": c.status, "created_by": c.created_by,
                "created_at": c.created_at.isoformat(), "updated_at": c.updated_at.isoformat(),
                "narrative_count": c.narrative_count, "revision": c.revision}

    @staticmethod
    def _analysis_meta(a: Analysis) -> dict:
        return {"id": a.id, "scope": a.scope, "narrative_id": a.narrative_id, "legalcheck_version": a.legalcheck_version,
                "data_version": a.data_version, "risk_level": a.risk_level, "created_at": a.created_at.isoformat(),
                "created_by": a.created_by}

    def _contact(self, c: Contact) -> dict:
        return {"id": c.id, "task_id": c.task_id, "contacted_on": c.contacted_on.isoformat(), "means": c.means,
                "reached": c.reached, "items": self.cipher.open_json(c.items_enc), "recidivism": c.recidivism,
                "retaliation": c.retaliation, "risk_note": self.cipher.open(c.risk_note_enc), "decision": c.decision,
                "stop_reason": c.stop_reason, "victim_informed": c.victim_informed, "reason": self.cipher.open(c.reason_enc),
                "created_at": c.created_at.isoformat(), "created_by": c.created_by}

    @staticmethod
    def _order(o: Order) -> dict:
        return {"id": o.id, "kind": o.kind, "ordered_on": o.ordered_on.isoformat(),
                "last_day": o.last_day.isoformat() if o.last_day else None, "extends": o.parent_id}


def _check_case(number: str, title: str, status: str, parties) -> None:
    if not _NUMBER.match(number):
        raise InvalidRecord("number: 事件番号は64文字以内の英数字・かな漢字・記号（- / 第 号 年 など）で入力してください",
                            "number: up to 64 letters, digits and - / characters", field="number", code="invalid")
    if not title or len(title) > 200 or any(ord(c) < 32 for c in title):
        raise InvalidRecord("title: 件名を200文字以内で入力してください（氏名は書かないでください）",
                            "title: 1-200 characters, no control characters", field="title", code="invalid")
    if status not in STATUSES:
        raise InvalidRecord("status: open か closed です", "status: open or closed", field="status", code="invalid")
    for i, p in enumerate(parties or ()):
        if p.get("role") not in PARTY_ROLES:
            raise InvalidRecord(f"parties[{i}].role: {'・'.join(PARTY_ROLES)} のいずれかです",
                                f"parties[{i}].role: one of {', '.join(PARTY_ROLES)}", field=f"parties[{i}].role",
                                code="invalid")
