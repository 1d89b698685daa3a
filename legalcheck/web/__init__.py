"""The pages for officers, lawyers and trainers (Jinja2 templates in web/templates/, htmx)."""
