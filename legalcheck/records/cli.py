"""`legalcheck records …`: migrate the database, make keys, add users and API keys, rotate keys."""
from __future__ import annotations

import getpass
import sys


def _password(args) -> str:
    if sys.stdin is not None and not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("パスワード（10文字以上）: ")
    if getpass.getpass("もう一度: ") != first:
        raise SystemExit("legalcheck: パスワードが一致しません / passwords differ")
    return first


def run(args) -> int:
    from legalcheck.records.audit import Actor, record
    from legalcheck.records.cases import Records
    from legalcheck.records.crypto import new_key
    from legalcheck.records.db import current_revision, upgrade
    from legalcheck.records.errors import RecordError
    from legalcheck.records import users

    if args.action == "new-key":
        print(new_key())
        return 0
    records = Records()
    cli = Actor(f"cli:{getpass.getuser()}", "supervisor", "local", "cli")
    try:
        if args.action == "migrate":
            upgrade(records.db.engine)
            print(f"legalcheck: schema revision {current_revision(records.db.engine)}", file=sys.stderr)
        elif args.action == "status":
            print(f"database: {records.db.engine.url.render_as_string(hide_password=True)}")
            print(f"schema revision: {current_revision(records.db.engine)}")
            print(f"encryption keys: {len(records.settings.encryption_keys)}")
        elif args.action == "add-user":
            with records.db.session() as s:
                u = users.create_user(s, args.username, _password(args), args.role)
                record(s, cli, "user.create", detail=f"user={u.username} role={u.role}")
            print(f"legalcheck: user {args.username} ({args.role})", file=sys.stderr)
        elif args.action == "set-password":
            with records.db.session() as s:
                users.set_password(s, args.username, _password(args))
                record(s, cli, "user.password", detail=f"user={args.username}")
        elif args.action == "add-key":
            with records.db.session() as s:
                key, row = users.create_api_key(s, args.role, args.label)
                record(s, cli, "key.create", detail=f"key={row.id} role={row.role}")
            print(key)
            print(f"legalcheck: API key {row.id} ({args.role}); shown once, keep it safe", file=sys.stderr)
        elif args.action == "revoke-key":
            with records.db.session() as s:
                users.revoke_api_key(s, args.key_id)
                record(s, cli, "key.revoke", detail=f"key={args.key_id}")
        elif args.action == "rotate-keys":
            n = records.rotate_keys()
            with records.db.session() as s:
                record(s, cli, "keys.rotate", detail=f"rows={n}")
            print(f"legalcheck: {n} rows re-encrypted with the first key", file=sys.stderr)
    except RecordError as exc:
        print(f"legalcheck: {exc.ja} / {exc.en}", file=sys.stderr)
        return 2
    return 0


def add_parser(sub) -> None:
    from legalcheck.records.users import ROLES

    p = sub.add_parser("records", help="事件記録のデータベース・利用者・APIキー・暗号化キー")
    acts = p.add_subparsers(dest="action", required=True)
    acts.add_parser("migrate", help="データベースを最新のスキーマにする")
    acts.add_parser("status", help="接続先・スキーマの版・キーの数")
    acts.add_parser("new-key", help="新しい暗号化キー（Fernet）を表示する")
    a = acts.add_parser("add-user", help="利用者を追加する（パスワードは標準入力から）")
    a.add_argument("username")
    a.add_argument("--role", choices=ROLES, required=True)
    a = acts.add_parser("set-password", help="パスワードを変える（その利用者のログインはすべて終わる）")
    a.add_argument("username")
    a = acts.add_parser("add-key", help="役割付きのAPIキーを作る（キーは一度だけ表示）")
    a.add_argument("--role", choices=ROLES, required=True)
    a.add_argument("--label", default="")
    a = acts.add_parser("revoke-key", help="APIキーを失効させる")
    a.add_argument("key_id", type=int)
    acts.add_parser("rotate-keys", help="保存済みの値をすべて先頭のキーで暗号化し直す")
    p.set_defaults(func=run)
