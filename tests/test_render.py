"""Escaping and templates: article text always stays text."""

import markdown
import pytest

from generator.render.environment import environment, escape, light_escape, safe_url

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[click](javascript:alert(1))",
    "![img](http://evil.example/x.png)",
    "{{ 7*7 }} {% if true %}yes{% endif %}",
    '--8<-- "/etc/passwd"',
    "*[HTML]: Hyper",
    '{: onclick="alert(1)" }',
    "<div markdown>**bold**</div>",
    "1. not a list",
    "# not a heading",
    "| a | b |",
    "&lt;script&gt; stays literal",
]


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("escaper", [escape, light_escape])
def test_escaped_text_renders_as_itself(text, escaper):
    html = markdown.markdown(escaper(text), extensions=["attr_list", "tables", "admonition", "toc"])
    assert "<script" not in html and "<img" not in html and "<a " not in html and "<div" not in html
    assert "<h1" not in html and "<ol" not in html and "<table" not in html
    import html as h

    assert h.unescape(html.removeprefix("<p>").removesuffix("</p>")) == " ".join(text.split())


def test_templates_escape_every_value_by_default():
    env = environment()
    out = env.from_string("{{ v }}").render(v="<b>{{ x }}</b>")
    assert "<b>" not in out and "{{" not in out


def test_safe_url_only_http():
    assert str(safe_url("javascript:alert(1)")) == ""
    assert str(safe_url("https://example.org/a b")) == "https://example.org/a%20b"
    assert str(safe_url('https://example.org/"><script>')) == "https://example.org/%22%3E%3Cscript%3E"


def test_site_templates_override_defaults(tmp_path):
    (tmp_path / "home.md.j2").write_text("# Custom home for {{ site_name }}\n")
    env = environment(tmp_path)
    assert env.get_template("home.md.j2").render(site_name="X") == "# Custom home for X\n"
    assert env.get_template("briefing.md.j2")  # the rest still comes from the defaults


def test_a_broken_site_template_is_one_clear_error(tmp_path):
    from generator.config import BuildConfig as Config
    from generator.errors import BriefingError
    from generator.render.pages import render_site
    from generator.site.model import SiteModel

    (tmp_path / "home.md.j2").write_text("# {{ no_such_value.field }}\n")
    with pytest.raises(BriefingError, match=r"template error in .*home\.md\.j2, line 1"):
        render_site(SiteModel(()), Config(source=tmp_path, templates=tmp_path))
