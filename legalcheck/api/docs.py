"""/docs: the OpenAPI description as one server-rendered page (no script, no inline style, so it
holds under the app's strict Content-Security-Policy and works offline). The machine-readable
schema is /openapi.json."""
from __future__ import annotations

import json

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment

router = APIRouter(include_in_schema=False)

_ENV = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
_PAGE = _ENV.from_string("""<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>{{ info.title }} API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/docs/docs.css"></head>
<body><main>
<h1>{{ info.title }} API <small>{{ info.version }}</small></h1>
<pre class="desc">{{ info.description }}</pre>
<p>機械可読のスキーマ: <a href="/openapi.json">/openapi.json</a>（OpenAPI {{ openapi }}）</p>
<nav><ul>{% for op in ops %}<li><a href="#{{ op.anchor }}"><code>{{ op.method }} {{ op.path }}</code></a> {{ op.summary }}</li>{% endfor %}</ul></nav>
{% for op in ops %}
<section id="{{ op.anchor }}"><h2><code>{{ op.method }} {{ op.path }}</code></h2>
<p class="summary">{{ op.summary }}</p>{% if op.description %}<pre class="desc">{{ op.description }}</pre>{% endif %}
{% if op.params %}<h3>パラメータ</h3><table><tr><th>名前</th><th>場所</th><th>必須</th><th>説明</th></tr>
{% for p in op.params %}<tr><td><code>{{ p.name }}</code></td><td>{{ p["in"] }}</td><td>{{ "はい" if p.required else "" }}</td><td>{{ p.description or "" }}</td></tr>{% endfor %}</table>{% endif %}
{% if op.body %}<h3>リクエスト（{{ op.body_schema }}）</h3><pre>{{ op.body }}</pre>{% endif %}
<h3>応答</h3><ul>{% for code, desc in op.responses %}<li><code>{{ code }}</code> {{ desc }}</li>{% endfor %}</ul>
</section>
{% endfor %}
<section><h2>スキーマ</h2>{% for name, schema in schemas %}<details><summary><code>{{ name }}</code></summary><pre>{{ schema }}</pre></details>{% endfor %}</section>
</main></body></html>""")

_CSS = """body{font-family:"IPAGothic","Noto Sans JP",sans-serif;margin:0;color:#1a1a1a;background:#fafafa}
main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem}h1 small{font-size:.6em;color:#555}
section{border-top:1px solid #ccc;margin-top:1.5rem}pre{background:#f0f0f0;padding:.75rem;overflow-x:auto;white-space:pre-wrap}
pre.desc{background:none;padding:0;font-family:inherit}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
code{font-family:monospace}a{color:#0645ad}
"""


def _example(schema: dict, components: dict):
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return components.get(name, {}).get("examples", [None])[0], name
    return (schema.get("examples") or [None])[0], ""


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> str:
    spec = request.app.openapi()
    components = spec.get("components", {}).get("schemas", {})
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            body, body_schema = None, ""
            content = (op.get("requestBody") or {}).get("content", {}).get("application/json")
            if content:
                ex, body_schema = _example(content.get("schema", {}), components)
                body = json.dumps(ex, ensure_ascii=False, indent=2) if ex is not None else None
            ops.append({"method": method.upper(), "path": path, "anchor": op.get("operationId", path),
                        "summary": op.get("summary", ""), "description": op.get("description", ""),
                        "params": op.get("parameters", []), "body": body, "body_schema": body_schema,
                        "responses": [(c, r.get("description", "")) for c, r in op.get("responses", {}).items()]})
    schemas = [(n, json.dumps(s, ensure_ascii=False, indent=2)) for n, s in sorted(components.items())]
    return _PAGE.render(info=spec["info"], openapi=spec.get("openapi"), ops=ops, schemas=schemas)


@router.get("/docs/docs.css")
def docs_css() -> Response:
    return Response(_CSS, media_type="text/css", headers={"cache-control": "public, max-age=3600"})
