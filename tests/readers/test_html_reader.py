"""Saved web pages: the article kept, menus, share buttons, comment forms and footers dropped."""

from __future__ import annotations

import html

import pytest

from conftest import SEEDS
from quizwright.errors import SourceError
from quizwright.pipeline import build_bank
from quizwright.sources import read_document

NAVIGATION = ["Home", "World news", "Asia Pacific", "Subscribe"]


SHARE = "Share on Facebook"


COMMENT_FORM = "Post your comment"


LEGAL = "© 2026 The Daily Example. All rights reserved."


def web_page(text: str) -> str:
    """A reading as a news site serves it: menu, article, share buttons, comment form, legal footer."""
    blocks = [b.strip() for b in text.split("\n") if b.strip()]
    body = [f"<h1>{html.escape(blocks[0])}</h1>"] + [f"<p>{html.escape(b)}</p>" for b in blocks[1:]]
    menu = "".join(f'<li><a href="/{n}">{n}</a></li>' for n in NAVIGATION)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(blocks[0])} | The Daily Example</title>
<script>window.analytics = [];</script><style>nav li {{ display: inline; }}</style></head>
<body>
<header><a class="logo" href="/">The Daily Example</a><nav><ul>{menu}</ul></nav></header>
<main><article>
{chr(10).join(body)}
<div class="share-buttons"><a href="#">{SHARE}</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
</article>
<section id="comments"><h2>Leave a comment</h2>
<form action="/comment" method="post"><label for="c">Comment</label><textarea id="c" name="c"></textarea>
<label for="n">Name</label><input id="n" name="n"><button type="submit">{COMMENT_FORM}</button></form></section>
</main>
<footer><p>{LEGAL}</p><p><a href="/privacy">Privacy policy</a> · <a href="/terms">Terms of use</a> · <a href="/cookies">Cookie settings</a></p></footer>
</body></html>
"""


def test_seeds_as_web_pages_give_the_same_items_as_the_plain_text_seeds(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (pages / f"{seed.stem}.html").write_text(web_page(seed.read_text(encoding="utf-8")), encoding="utf-8")
    text_bank = build_bank([SEEDS], tmp_path / "text.yaml").bank
    web_bank = build_bank([pages], tmp_path / "web.yaml").bank
    assert web_bank.title == text_bank.title
    assert len(web_bank.items) >= 10
    assert web_bank.items == text_bank.items  # same ids, questions, answers, distractors, citations
    for page in sorted(pages.glob("*.html")):
        text = read_document(page).text
        for chrome in [*NAVIGATION, SHARE, COMMENT_FORM, LEGAL, "Privacy policy", "window.analytics"]:
            assert chrome not in text, (page.name, chrome)


def test_a_page_without_text_is_one_clear_error(tmp_path):
    path = tmp_path / "app.html"  # a page that only loads a script, as single-page apps do
    path.write_text(
        "<html><head><title>App</title></head><body><div id='root'></div><script>start()</script></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(SourceError, match=r"app\.html: no main text found in this web page"):
        read_document(path)
